// Pages of article connections, batched: every connection field of one shape in a request
// (say `source { articles(first: 10) }` under 20 sources) costs one statement for the page ids
// (with each parent's total when the operation selects totalCount), and one for the articles
// with their selected relations.
import DataLoader from "dataloader";
import type { Article, PrismaClient } from "../generated/prisma/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { type ResolvedFilter, filterSql } from "../articles/filter.ts";
import { type ArticleOrder, keysetSql, orderBySql, sortValueSql } from "../articles/order.ts";
import { type ArticleScope, scopeCte, scopeId, scopeShape, scopeSql } from "../articles/scope.ts";
import type { CursorValues, PageRequest } from "../lib/keyset.ts";
import { getOrInsert } from "../lib/maps.ts";
import { groupKeys } from "./group-keys.ts";

export interface ArticlePageKey {
  scope: ArticleScope;
  filter: ResolvedFilter;
  order: ArticleOrder;
  page: PageRequest;
  /** Prisma selection for the nodes, from queryFromInfo; same for every key of a field. */
  query: object;
  /** Count every article in the scope and filter in the same statement (see resolveArticleConnection). */
  withTotal: boolean;
}

/** An article row with whatever relations the selection asked for. */
export type ArticleRow = Article;

/** Rows in fetch order (limit + 1 at most), each with the cursor values of its position. */
export interface ArticlePageRows {
  rows: { node: ArticleRow; cursor: CursorValues }[];
  /** Every article in the scope and filter, when a key of its batch asked for it; otherwise null. */
  total: number | null;
}

function withCte(cte: Prisma.Sql | null): Prisma.Sql {
  return cte ? Prisma.sql`WITH ${cte} ` : Prisma.empty;
}

async function loadPages(prisma: PrismaClient, keys: readonly ArticlePageKey[]): Promise<ArticlePageRows[]> {
  const results: ArticlePageRows[] = new Array(keys.length);
  const groups = groupKeys(keys, (key) => JSON.stringify([scopeShape(key.scope), key.filter, key.order, key.page, key.query]));
  await Promise.all(
    groups.map(async ({ indexes, keys: group }) => {
      const { scope, filter, order, page, query } = group[0]!;
      // Fields that differ only in selecting totalCount share the statement, which counts for all.
      const withTotal = group.some((key) => key.withTotal);
      const parentIds = [...new Set(group.map((key) => scopeId(key.scope)))];
      const cursor = page.cursor ? Prisma.sql` AND ${keysetSql(order, page.cursor, page.backward)}` : Prisma.empty;
      const where = Prisma.sql`${scopeSql(scope, Prisma.sql`k.key`)} AND ${filterSql(filter)}`;
      // The total is a LATERAL of its own so it is counted once per parent, not once per row,
      // and the page joins LEFT so a parent whose page is empty still reports its total.
      const hits = await prisma.$queryRaw<{ key: number; id: number | null; sort: string | null; total?: number }[]>`
        ${withCte(scopeCte(scope, parentIds))}
        SELECT k.key, x.id, x.sort${withTotal ? Prisma.sql`, t.total` : Prisma.empty}
        FROM unnest(${parentIds}::int[]) AS k(key)
        ${withTotal ? Prisma.sql`CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM "Article" a WHERE ${where}) t` : Prisma.empty}
        ${Prisma.raw(withTotal ? "LEFT JOIN" : "CROSS JOIN")} LATERAL (
          SELECT a.id, ${sortValueSql(order)} AS sort
          FROM "Article" a
          WHERE ${where}${cursor}
          ORDER BY ${orderBySql(order, page.backward)}
          LIMIT ${page.limit + 1}
        ) x${withTotal ? Prisma.sql` ON TRUE` : Prisma.empty}`;
      const ids = [...new Set(hits.flatMap((hit) => (hit.id === null ? [] : [hit.id])))];
      const nodes = ids.length ? await prisma.article.findMany({ ...query, where: { id: { in: ids } } }) : [];
      const byId = new Map((nodes as ArticleRow[]).map((node) => [node.id, node]));
      const byParent = new Map<number, ArticlePageRows["rows"]>();
      const totals = new Map<number, number>();
      for (const hit of hits) {
        if (hit.total !== undefined) totals.set(hit.key, hit.total);
        if (hit.id === null) continue; // a parent with an empty page, there for its total
        const node = byId.get(hit.id);
        if (!node) continue; // deleted between the two statements
        getOrInsert(byParent, hit.key, () => []).push({ node, cursor: [hit.sort, hit.id] });
      }
      group.forEach((key, i) => {
        const id = scopeId(key.scope);
        results[indexes[i]!] = { rows: byParent.get(id) ?? [], total: withTotal ? (totals.get(id) ?? 0) : null };
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
  };
}
