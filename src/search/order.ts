// Orderings of search results and the keyset conditions that continue after a cursor.
// RELEVANCE sorts by rank, then as PUBLISHED_AT_DESC (newest first, undated last, then id), so
// its cursor is [rank, publishedAt, id]; the date orderings reuse the article list orderings.
import { Prisma } from "../generated/prisma/client.ts";
import { keysetSql, orderBySql } from "../articles/order.ts";
import type { CursorValues } from "../schema/pagination.ts";

export const SEARCH_ORDERS = ["RELEVANCE", "PUBLISHED_AT_DESC", "PUBLISHED_AT_ASC"] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/** How many values a cursor of the ordering holds, id included. */
export function cursorWidth(order: SearchOrder): number {
  return order === "RELEVANCE" ? 3 : 2;
}

/** The tie-break within equal ranks: the newest article first. */
const RECENCY = "PUBLISHED_AT_DESC";

/** ORDER BY over a relation `alias` with columns id, "publishedAt" and rank. */
export function searchOrderBySql(order: SearchOrder, backward: boolean, alias = "a"): Prisma.Sql {
  if (order !== "RELEVANCE") return orderBySql(order, backward, alias);
  const dir = Prisma.raw(backward ? "ASC" : "DESC");
  return Prisma.sql`${Prisma.raw(`${alias}.rank`)} ${dir}, ${orderBySql(RECENCY, backward, alias)}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RANK = /^\d{1,6}(\.\d{1,6})?$/;

/**
 * Whether decoded cursor values have the shapes this service writes, so that a forged cursor
 * is the client's error rather than a failed cast in SQL.
 */
export function isSearchCursor(order: SearchOrder, cursor: CursorValues): boolean {
  const values = order === "RELEVANCE" ? cursor.slice(1) : cursor;
  if (order === "RELEVANCE" && !(typeof cursor[0] === "string" && RANK.test(cursor[0]))) return false;
  const [date] = values;
  return date === null || (typeof date === "string" && DATE.test(date) && isCalendarDate(date));
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Rows strictly after (or, backward, before) the cursor in the ordering; see isSearchCursor. */
export function searchKeysetSql(order: SearchOrder, cursor: CursorValues, backward: boolean, alias = "a"): Prisma.Sql {
  if (order !== "RELEVANCE") return keysetSql(order, cursor, backward, alias);
  const [rank, ...rest] = cursor;
  const column = Prisma.raw(`${alias}.rank`);
  const value = Prisma.sql`CAST(${rank} AS numeric)`;
  const beyond = Prisma.raw(backward ? ">" : "<");
  return Prisma.sql`(${column} ${beyond} ${value} OR (${column} = ${value} AND ${keysetSql(RECENCY, rest, backward, alias)}))`;
}
