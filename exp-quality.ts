import pg from "pg";
import { Prisma } from "./src/generated/prisma/client.ts";
import { EMPTY_FILTER } from "./src/articles/filter.ts";
import { searchConditionSql, rankSql } from "./src/search/match.ts";
import { searchPageSql } from "./src/search/page.ts";
import { parseSearchQuery } from "./src/search/query-parser.ts";
import { toTsqueryText, toHighlightTsqueryText } from "./src/search/tsquery.ts";
const pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:5432/newsgraph_load", max: 1 });
const Ks = [500, 1000, 2000];
const queries = process.argv.slice(2);
for (const q of queries) {
  const parsed = parseSearchQuery(q);
  const tsq = toTsqueryText(parsed);
  const words = [...toHighlightTsqueryText(parsed).matchAll(/'([^']+)'/g)].map((m) => m[1]).join(" ");
  const scope = { tsquery: tsq, filter: EMPTY_FILTER };
  const ex = searchPageSql({ search: scope, order: "RELEVANCE", page: { limit: 19, cursor: null, backward: false } as any, withTotal: true });
  const t0 = performance.now();
  const exRows = (await pool.query(ex.text, ex.values)).rows;
  const tEx = performance.now() - t0;
  const top = new Set(exRows.map((r) => r.id));
  const out = [`${q.padEnd(28)} total ${String(exRows[0]?.total).padStart(6)} ex ${tEx.toFixed(0)}ms`];
  for (const K of Ks) {
    const sql = Prisma.sql`WITH lex AS (SELECT DISTINCT l FROM unnest(ARRAY['english','spanish','simple']::regconfig[]) cfg, unnest(tsvector_to_array(to_tsvector(cfg, ${words}))) l),
      cand AS MATERIALIZED (SELECT DISTINCT unnest(c.ids[1:${K}]) AS id FROM tmp_champ c WHERE c.lexeme IN (SELECT l FROM lex))
      SELECT r.* FROM cand CROSS JOIN LATERAL (SELECT a.id, a."publishedAt", ${rankSql(tsq)} AS rank FROM "Article" a WHERE a.id = cand.id AND ${searchConditionSql(scope)} OFFSET 0) r
      ORDER BY rank DESC, r."publishedAt" DESC NULLS LAST, r.id DESC LIMIT 20`;
    const ts: number[] = [];
    let rows: any[] = [];
    for (let i = 0; i < 3; i++) { const t1 = performance.now(); rows = (await pool.query(sql.text, sql.values)).rows; ts.push(performance.now() - t1); }
    const overlap = rows.filter((r) => top.has(r.id)).length;
    out.push(`K${K}: ${overlap}/20 ${Math.min(...ts).toFixed(0)}ms`);
  }
  console.log(out.join("  "));
}
await pool.end();
