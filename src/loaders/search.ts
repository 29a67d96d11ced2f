// Per-request loaders for search: a page of hits is one statement for ids, ranks, cursors (and
// the total, under relevance) plus one Prisma query for the nodes with their selected relations;
// the headlines of every edge on the page, all selected facets, and a total the page did not
// count are one statement each. Nothing runs unless selected.
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { ArticleRow } from "./article-pages.ts";
import type { CursorValues, PageRequest } from "../lib/keyset.ts";
import { type FacetCount, type FacetRequest, loadFacets } from "../search/facets.ts";
import { type RawHighlight, headlinesSql } from "../search/highlight.ts";
import { type SearchScope, rankSql, searchConditionSql } from "../search/match.ts";
import { type SearchOrder, searchKeysetSql, searchOrderBySql } from "../search/order.ts";

export interface SearchPageKey {
  search: SearchScope;
  order: SearchOrder;
  page: PageRequest;
  /** Count every match in the same statement (relevance only, see searchPageSql). */
  withTotal: boolean;
  /** Prisma selection for the nodes, from queryFromInfo. */
  query: object;
}

/** A hit in fetch order (limit + 1 at most), with its score and cursor values. */
export interface SearchHit {
  node: ArticleRow;
  score: number;
  cursor: CursorValues;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Every match, when asked for and known from the page; null otherwise. */
  total: number | null;
}

export interface HeadlineKey {
  tsquery: string;
  articleId: number;
  snippets: number;
}

export interface FacetKey {
  search: SearchScope;
  request: FacetRequest;
}

interface HitRow {
  id: number;
  rank: string;
  sort: string | null;
  total?: number;
}

/**
 * Ids, ranks and sort values of a page. Relevance needs every match ranked before the first
 * page is known, so it can count them on the way (`withTotal`) for little more than the page
 * costs, where a separate count would match them all again; date orders rank only the rows of
 * the page (the inner LIMIT keeps ts_rank_cd off the rest) and leave the total to
 * searchCountSql. OFFSET 0 keeps the relevance subquery from being merged into the outer query,
 * where the rank would be computed twice per match: once to sort, once to print.
 * Exported for the benchmark, which runs the same SQL without GraphQL.
 */
export function searchPageSql({ search, order, page, withTotal }: Omit<SearchPageKey, "query">): Prisma.Sql {
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

/** The total from a page's rows: on every row when counted, and 0 for a first page with none. */
function totalOf(key: SearchPageKey, rows: HitRow[]): number | null {
  if (!key.withTotal || key.order !== "RELEVANCE") return null;
  if (rows.length) return rows[0]!.total ?? null;
  // Past the last page nothing says how many came before.
  return key.page.cursor ? null : 0;
}

async function loadPage(prisma: PrismaClient, key: SearchPageKey): Promise<SearchPage> {
  const rows = await prisma.$queryRaw<HitRow[]>(searchPageSql(key));
  const total = totalOf(key, rows);
  if (rows.length === 0) return { hits: [], total };
  const nodes = (await prisma.article.findMany({ ...key.query, where: { id: { in: rows.map((row) => row.id) } } })) as ArticleRow[];
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const node = byId.get(row.id);
    if (!node) continue; // deleted between the two statements
    const cursor = key.order === "RELEVANCE" ? [row.rank, row.sort, row.id] : [row.sort, row.id];
    hits.push({ node, score: Number(row.rank), cursor });
  }
  return { hits, total };
}

export function searchCountSql(search: SearchScope): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS total FROM "Article" a WHERE ${searchConditionSql(search)}`;
}

async function loadCount(prisma: PrismaClient, search: SearchScope): Promise<number> {
  const [row] = await prisma.$queryRaw<{ total: number }[]>(searchCountSql(search));
  return row?.total ?? 0;
}

/** Headlines of every edge asking the same thing, one statement per query and snippet count. */
async function loadHeadlines(prisma: PrismaClient, keys: readonly HeadlineKey[]): Promise<(RawHighlight | null)[]> {
  const groups = new Map<string, HeadlineKey[]>();
  for (const key of keys) {
    const name = JSON.stringify([key.tsquery, key.snippets]);
    groups.set(name, [...(groups.get(name) ?? []), key]);
  }
  const found = new Map<string, RawHighlight>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { tsquery, snippets } = group[0]!;
      const ids = [...new Set(group.map((key) => key.articleId))];
      const rows = await prisma.$queryRaw<(RawHighlight & { id: number })[]>(headlinesSql(tsquery, ids, snippets));
      for (const row of rows) found.set(JSON.stringify([tsquery, snippets, row.id]), { title: row.title, body: row.body });
    }),
  );
  return keys.map((key) => found.get(JSON.stringify([key.tsquery, key.snippets, key.articleId])) ?? null);
}

/** Every facet selected for one search in one statement; one statement per distinct search. */
async function loadFacetBatch(prisma: PrismaClient, keys: readonly FacetKey[]): Promise<FacetCount[][]> {
  const results: FacetCount[][] = new Array(keys.length);
  const bySearch = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const name = JSON.stringify(key.search);
    bySearch.set(name, [...(bySearch.get(name) ?? []), index]);
  });
  await Promise.all(
    [...bySearch.values()].map(async (indexes) => {
      const facets = await loadFacets(
        prisma,
        keys[indexes[0]!]!.search,
        indexes.map((index) => keys[index]!.request),
      );
      indexes.forEach((index, i) => {
        results[index] = facets[i]!;
      });
    }),
  );
  return results;
}

export function createSearchLoaders(prisma: PrismaClient) {
  const json = (key: unknown) => JSON.stringify(key);
  return {
    searchPages: new DataLoader<SearchPageKey, SearchPage, string>((keys) => Promise.all(keys.map((key) => loadPage(prisma, key))), { cacheKeyFn: json }),
    searchCounts: new DataLoader<SearchScope, number, string>((keys) => Promise.all(keys.map((key) => loadCount(prisma, key))), { cacheKeyFn: json }),
    searchHeadlines: new DataLoader<HeadlineKey, RawHighlight | null, string>((keys) => loadHeadlines(prisma, keys), {
      cacheKeyFn: json,
    }),
    searchFacets: new DataLoader<FacetKey, FacetCount[], string>((keys) => loadFacetBatch(prisma, keys), { cacheKeyFn: json }),
  };
}
