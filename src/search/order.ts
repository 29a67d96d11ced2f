// Orderings of search results and the keyset conditions that continue after a cursor.
// RELEVANCE sorts by rank, then as PUBLISHED_AT_DESC (newest first, undated last, then id), so
// its cursor is [rank, publishedAt, id]; the date orderings reuse the article list orderings.
import { Prisma } from "../generated/prisma/client.ts";
import { keysetSql, orderBySql } from "../articles/order.ts";
import type { CursorValues } from "../lib/keyset.ts";

export const SEARCH_ORDERS = ["RELEVANCE", "PUBLISHED_AT_DESC", "PUBLISHED_AT_ASC"] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/** The tie-break within equal ranks: the newest article first. */
const RECENCY = "PUBLISHED_AT_DESC";

/** ORDER BY over a relation `alias` with columns id, "publishedAt" and rank. */
export function searchOrderBySql(order: SearchOrder, backward: boolean, alias = "a"): Prisma.Sql {
  if (order !== "RELEVANCE") return orderBySql(order, backward, alias);
  const dir = Prisma.raw(backward ? "ASC" : "DESC");
  return Prisma.sql`${Prisma.raw(`${alias}.rank`)} ${dir}, ${orderBySql(RECENCY, backward, alias)}`;
}

/** Rows strictly after (or, backward, before) the cursor in the ordering; the schema checked its shape. */
export function searchKeysetSql(order: SearchOrder, cursor: CursorValues, backward: boolean, alias = "a"): Prisma.Sql {
  if (order !== "RELEVANCE") return keysetSql(order, cursor, backward, alias);
  const [rank, ...rest] = cursor;
  const column = Prisma.raw(`${alias}.rank`);
  const value = Prisma.sql`CAST(${rank} AS numeric)`;
  const beyond = Prisma.raw(backward ? ">" : "<");
  return Prisma.sql`(${column} ${beyond} ${value} OR (${column} = ${value} AND ${keysetSql(RECENCY, rest, backward, alias)}))`;
}
