// The part of a Prisma client or transaction the ingest's SQL modules use: raw statements built
// with Prisma.sql only. Narrower than PrismaClient, so those modules run inside `$transaction` and
// against stand-ins.
import type { Prisma } from "../generated/prisma/client.ts";

export interface RawSql {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

export type RawQuery = Pick<RawSql, "$queryRaw">;
