// The orderings article lists offer, each with a unique tie-break on id so keyset pages never
// skip or repeat rows, and the keyset condition that continues after (or before) a cursor.
import { Prisma } from "../generated/prisma/client.ts";

export const ARTICLE_ORDERS = ["PUBLISHED_AT_DESC", "PUBLISHED_AT_ASC", "LISTED_AT_DESC", "TITLE_ASC"] as const;
export type ArticleOrder = (typeof ARTICLE_ORDERS)[number];

interface OrderSpec {
  column: "publishedAt" | "listedAt" | "title";
  /** SQL type the cursor's text value is cast back to. */
  type: "date" | "timestamp" | "text";
  descending: boolean;
}

const SPECS: Record<ArticleOrder, OrderSpec> = {
  PUBLISHED_AT_DESC: { column: "publishedAt", type: "date", descending: true },
  PUBLISHED_AT_ASC: { column: "publishedAt", type: "date", descending: false },
  LISTED_AT_DESC: { column: "listedAt", type: "timestamp", descending: true },
  TITLE_ASC: { column: "title", type: "text", descending: false },
};

/** The sort value a cursor of the ordering carries: its SQL type as text, and whether it may be NULL. */
export function sortValueOf(order: ArticleOrder): { type: OrderSpec["type"]; nullable: boolean } {
  const spec = SPECS[order];
  // Titles are required; dates may be unknown.
  return { type: spec.type, nullable: spec.column !== "title" };
}

function column(alias: string, spec: OrderSpec): Prisma.Sql {
  return Prisma.raw(`${alias}."${spec.column}"`);
}

/** The sort value as text, as cursors carry it. */
export function sortValueSql(order: ArticleOrder, alias = "a"): Prisma.Sql {
  return Prisma.sql`(${column(alias, SPECS[order])})::text`;
}

/** ORDER BY for a page; backward pages walk the order in reverse. NULL dates always sort last. */
export function orderBySql(order: ArticleOrder, backward: boolean, alias = "a"): Prisma.Sql {
  const spec = SPECS[order];
  const descending = spec.descending !== backward;
  const dir = descending ? "DESC" : "ASC";
  const nulls = backward ? "NULLS FIRST" : "NULLS LAST";
  return Prisma.sql`${column(alias, spec)} ${Prisma.raw(dir)} ${Prisma.raw(nulls)}, ${Prisma.raw(`${alias}.id ${dir}`)}`;
}

/**
 * Rows strictly after the cursor (forward) or strictly before it (backward) in the order,
 * where NULL sort values come after every non-null value.
 */
export function keysetSql(order: ArticleOrder, cursor: (string | number | null)[], backward: boolean, alias = "a"): Prisma.Sql {
  const spec = SPECS[order];
  const col = column(alias, spec);
  const id = Prisma.raw(`${alias}.id`);
  const [value, lastId] = cursor as [string | null, number];
  const after = spec.descending ? "<" : ">";
  const before = spec.descending ? ">" : "<";
  const typed = Prisma.sql`CAST(${value} AS ${Prisma.raw(spec.type)})`;
  if (!backward) {
    return value === null
      ? Prisma.sql`(${col} IS NULL AND ${id} ${Prisma.raw(after)} ${lastId})`
      : Prisma.sql`(${col} ${Prisma.raw(after)} ${typed} OR (${col} = ${typed} AND ${id} ${Prisma.raw(after)} ${lastId}) OR ${col} IS NULL)`;
  }
  return value === null
    ? Prisma.sql`(${col} IS NOT NULL OR ${id} ${Prisma.raw(before)} ${lastId})`
    : Prisma.sql`(${col} ${Prisma.raw(before)} ${typed} OR (${col} = ${typed} AND ${id} ${Prisma.raw(before)} ${lastId}))`;
}
