// Pages of article connections, batched: every connection field of one shape in a request
// (say `source { articles(first: 10) }` under 20 sources) costs one statement for the page ids,
// one for the articles with their selected relations, and one for totals when asked.
import DataLoader from "dataloader";
import type { Article, PrismaClient } from "../generated/prisma/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { type ResolvedFilter, filterSql } from "../articles/filter.ts";
import { type ArticleOrder, keysetSql, orderBySql, sortValueSql } from "../articles/order.ts";
import { type ArticleScope, scopeCte, scopeId, scopeShape, scopeSql } from "../articles/scope.ts";
import type { CursorValues, PageRequest } from "../schema/pagination.ts";

export interface ArticlePageKey {
  scope: ArticleScope;
  filter: ResolvedFilter;
  order: ArticleOrder;
  page: PageRequest;
  /** Prisma selection for the nodes, from queryFromInfo; same for every key of a field. */
  query: object;
}

/** An article row with whatever relations the selection asked for. */
export type ArticleRow = Article;

/** Rows in fetch order (limit + 1 at most), each with the cursor values of its position. */
export interface ArticlePageRows {
  rows: { node: ArticleRow; cursor: CursorValues }[];
}

export interface ArticleCountKey {
  scope: ArticleScope;
  filter: ResolvedFilter;
}

function groupBy<K, G>(keys: readonly K[], groupKey: (key: K) => string): Map<string, { indexes: number[]; keys: K[] }> {
  const groups = new Map<string, { indexes: number[]; keys: K[] }>();
  keys.forEach((key, index) => {
    const name = groupKey(key);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { indexes: [], keys: [] }));
    group.indexes.push(index);
    group.keys.push(key);
  });
  return groups;
}

function withCte(cte: Prisma.Sql | null): Prisma.Sql {
  return cte ? Prisma.sql`WITH ${cte} ` : Prisma.empty;
}

async function loadPages(prisma: PrismaClient, keys: readonly ArticlePageKey[]): Promise<ArticlePageRows[]> {
  const results: ArticlePageRows[] = new Array(keys.length);
  const groups = groupBy(keys, (key) =>
    JSON.stringify([scopeShape(key.scope), key.filter, key.order, key.page, key.query]),
  );
  await Promise.all(
    [...groups.values()].map(async ({ indexes, keys: group }) => {
      const { scope, filter, order, page, query } = group[0]!;
      const parentIds = [...new Set(group.map((key) => scopeId(key.scope)))];
      const cursor = page.cursor ? Prisma.sql` AND ${keysetSql(order, page.cursor, page.backward)}` : Prisma.empty;
      const hits = await prisma.$queryRaw<{ key: number; id: number; sort: string | null }[]>`
        ${withCte(scopeCte(scope, parentIds))}
        SELECT k.key, x.id, x.sort
        FROM unnest(${parentIds}::int[]) AS k(key)
        CROSS JOIN LATERAL (
          SELECT a.id, ${sortValueSql(order)} AS sort
          FROM "Article" a
          WHERE ${scopeSql(scope, Prisma.sql`k.key`)} AND ${filterSql(filter)}${cursor}
          ORDER BY ${orderBySql(order, page.backward)}
          LIMIT ${page.limit + 1}
        ) x`;
      const nodes = hits.length
        ? await prisma.article.findMany({ ...query, where: { id: { in: [...new Set(hits.map((hit) => hit.id))] } } })
        : [];
      const byId = new Map((nodes as ArticleRow[]).map((node) => [node.id, node]));
      const byParent = new Map<number, ArticlePageRows["rows"]>();
      for (const hit of hits) {
        const node = byId.get(hit.id);
        if (!node) continue; // deleted between the two statements
        let rows = byParent.get(hit.key);
        if (!rows) byParent.set(hit.key, (rows = []));
        rows.push({ node, cursor: [hit.sort, hit.id] });
      }
      group.forEach((key, i) => {
        results[indexes[i]!] = { rows: byParent.get(scopeId(key.scope)) ?? [] };
      });
    }),
  );
  return results;
}

async function loadCounts(prisma: PrismaClient, keys: readonly ArticleCountKey[]): Promise<number[]> {
  const results: number[] = new Array(keys.length);
  const groups = groupBy(keys, (key) => JSON.stringify([scopeShape(key.scope), key.filter]));
  await Promise.all(
    [...groups.values()].map(async ({ indexes, keys: group }) => {
      const { scope, filter } = group[0]!;
      const parentIds = [...new Set(group.map((key) => scopeId(key.scope)))];
      const rows = await prisma.$queryRaw<{ key: number; total: number }[]>`
        ${withCte(scopeCte(scope, parentIds))}
        SELECT k.key, (
          SELECT count(*)::int FROM "Article" a
          WHERE ${scopeSql(scope, Prisma.sql`k.key`)} AND ${filterSql(filter)}
        ) AS total
        FROM unnest(${parentIds}::int[]) AS k(key)`;
      const totals = new Map(rows.map((row) => [row.key, row.total]));
      group.forEach((key, i) => {
        results[indexes[i]!] = totals.get(scopeId(key.scope)) ?? 0;
      });
    }),
  );
  return results;
}

export function createArticlePageLoaders(prisma: PrismaClient) {
  return {
    articlePages: new DataLoader<ArticlePageKey, ArticlePageRows, string>((keys) => loadPages(prisma, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
    articleCounts: new DataLoader<ArticleCountKey, number, string>((keys) => loadCounts(prisma, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
  };
}
