// Per-request loaders for search: a page of hits is one statement for ids, ranks, cursors (and
// the capped total, under relevance) plus one Prisma query for the nodes with their selected relations;
// the headlines of every edge on the page, all selected facets, and a total the page did not
// count are one statement each. Nothing runs unless selected.
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { ArticleRow } from "./article-pages.ts";
import type { CursorValues } from "../lib/keyset.ts";
import { type FacetCount, type FacetRequest, type FacetRow, facetCounts, facetsSql } from "../search/facets.ts";
import { type RawHighlight, headlinesSql } from "../search/highlight.ts";
import type { SearchScope } from "../search/match.ts";
import { type SearchPageSpec, searchCountSql, searchPageSql } from "../search/page.ts";
import { groupKeys } from "./group-keys.ts";

export interface SearchPageKey extends SearchPageSpec {
  /** Prisma selection for the nodes, from queryFromInfo. */
  query: object;
}

/** A hit in fetch order (limit + 1 at most), with its score and cursor values. */
export interface SearchHit {
  node: ArticleRow;
  score: number;
  cursor: CursorValues;
}

/** How many articles a search finds: exact, or (past its exact limit) a lower bound. */
export interface SearchTotal {
  count: number;
  precision: "EXACT" | "AT_LEAST";
}

export interface SearchPage {
  hits: SearchHit[];
  /** The matches as the page counted them (relevance only); null when the page cannot tell. */
  total: SearchTotal | null;
  /** Ranked among candidates rather than every match (relevance past the exact limit). */
  bounded: boolean;
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
  bounded?: boolean;
}

/** A count that stopped one past the exact limit, as the total clients see. */
export function totalFromCount(search: SearchScope, counted: number): SearchTotal {
  if (search.exactTotal || counted <= search.exactLimit) return { count: counted, precision: "EXACT" };
  return { count: search.exactLimit, precision: "AT_LEAST" };
}

/** The total from a relevance page's rows (on every row), and 0 for a first page with none. */
function totalOf(key: SearchPageKey, rows: HitRow[]): SearchTotal | null {
  if (key.order !== "RELEVANCE" || key.search.exactTotal) return null;
  if (rows.length) return totalFromCount(key.search, rows[0]!.total ?? 0);
  // Past the last page nothing says how many came before.
  return key.page.cursor ? null : { count: 0, precision: "EXACT" };
}

async function loadPage(prisma: PrismaClient, key: SearchPageKey): Promise<SearchPage> {
  const rows = await prisma.$queryRaw<HitRow[]>(searchPageSql(key));
  const total = totalOf(key, rows);
  const bounded = rows[0]?.bounded === true;
  if (rows.length === 0) return { hits: [], total, bounded };
  const nodes = (await prisma.article.findMany({ ...key.query, where: { id: { in: rows.map((row) => row.id) } } })) as ArticleRow[];
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const node = byId.get(row.id);
    if (!node) continue; // deleted between the two statements
    const cursor = key.order === "RELEVANCE" ? [row.rank, row.sort, row.id] : [row.sort, row.id];
    hits.push({ node, score: Number(row.rank), cursor });
  }
  return { hits, total, bounded };
}

async function loadCount(prisma: PrismaClient, search: SearchScope): Promise<SearchTotal> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>(searchCountSql(search));
  return totalFromCount(search, row?.n ?? 0);
}

/** Headlines of every edge asking the same thing, one statement per query and snippet count. */
async function loadHeadlines(prisma: PrismaClient, keys: readonly HeadlineKey[]): Promise<(RawHighlight | null)[]> {
  const found = new Map<string, RawHighlight>();
  await Promise.all(
    groupKeys(keys, (key) => JSON.stringify([key.tsquery, key.snippets])).map(async ({ keys: group }) => {
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
  await Promise.all(
    groupKeys(keys, (key) => JSON.stringify(key.search)).map(async ({ keys: group, indexes }) => {
      const facets = await loadFacets(
        prisma,
        group[0]!.search,
        group.map((key) => key.request),
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
    searchCounts: new DataLoader<SearchScope, SearchTotal, string>((keys) => Promise.all(keys.map((key) => loadCount(prisma, key))), { cacheKeyFn: json }),
    searchHeadlines: new DataLoader<HeadlineKey, RawHighlight | null, string>((keys) => loadHeadlines(prisma, keys), {
      cacheKeyFn: json,
    }),
    searchFacets: new DataLoader<FacetKey, FacetCount[], string>((keys) => loadFacetBatch(prisma, keys), { cacheKeyFn: json }),
  };
}

/** The facets of one search, in the order requested: one statement for all of them. */
async function loadFacets(prisma: PrismaClient, search: SearchScope, requests: readonly FacetRequest[]): Promise<FacetCount[][]> {
  return facetCounts(requests, await prisma.$queryRaw<FacetRow[]>(facetsSql(search, requests)));
}
