// The part of a Prisma client or transaction the ingest's SQL modules use: raw statements only.
// Narrower than PrismaClient, so those modules run inside `$transaction` and against stand-ins.

export interface RawSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export type RawQuery = Pick<RawSql, "$queryRawUnsafe">;
