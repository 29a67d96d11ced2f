// The statements of a search page: ids, ranks and sort values of one page of hits, and the count
// of every match. Builders only; loaders/search.ts runs them, and the benchmark runs the same SQL
// without GraphQL.
import { Prisma } from "../generated/prisma/client.ts";
import type { PageRequest } from "../lib/keyset.ts";
import { type SearchScope, rankSql, searchConditionSql } from "./match.ts";
import { type SearchOrder, searchKeysetSql, searchOrderBySql } from "./order.ts";

export interface SearchPageSpec {
  search: SearchScope;
  order: SearchOrder;
  page: PageRequest;
  /** Count every match in the same statement (relevance only). */
  withTotal: boolean;
}

/**
 * Ids, ranks and sort values of a page. Relevance needs every match ranked before the first
 * page is known, so it can count them on the way (`withTotal`) for little more than the page
 * costs, where a separate count would match them all again; date orders rank only the rows of
 * the page (the inner LIMIT keeps ts_rank_cd off the rest) and leave the total to
 * searchCountSql. OFFSET 0 keeps the relevance subquery from being merged into the outer query,
 * where the rank would be computed twice per match: once to sort, once to print.
 */
export function searchPageSql({ search, order, page, withTotal }: SearchPageSpec): Prisma.Sql {
  const keyset = page.cursor ? Prisma.sql` AND ${searchKeysetSql(order, page.cursor, page.backward)}` : Prisma.empty;
  const orderBy = searchOrderBySql(order, page.backward);
  if (order === "RELEVANCE") {
    const total = withTotal ? Prisma.sql`, count(*) OVER () AS total` : Prisma.empty;
    return Prisma.sql`
      SELECT a.id, a.rank::text AS rank, a."publishedAt"::text AS sort${withTotal ? Prisma.sql`, a.total::int AS total` : Prisma.empty}
      FROM (SELECT a.id, a."publishedAt", ${rankSql(search.tsquery)} AS rank${total}
            FROM "Article" a WHERE ${searchConditionSql(search)}
            OFFSET 0) a
      WHERE TRUE${keyset}
      ORDER BY ${orderBy}
      LIMIT ${page.limit + 1}`;
  }
  return Prisma.sql`
    SELECT a.id, ${rankSql(search.tsquery)}::text AS rank, a."publishedAt"::text AS sort
    FROM (SELECT a.id, a."publishedAt", a."language", a."searchVector"
          FROM "Article" a WHERE ${searchConditionSql(search)}${keyset}
          ORDER BY ${orderBy}
          LIMIT ${page.limit + 1}) a
    ORDER BY ${orderBy}`;
}

export function searchCountSql(search: SearchScope): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS total FROM "Article" a WHERE ${searchConditionSql(search)}`;
}
