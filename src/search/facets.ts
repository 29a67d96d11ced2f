// Facets: counts of the articles a search finds, by source, month, language, person and place.
// Persons and places count the way the ArticleFilter matches them, so a facet's count is the
// totalCount a client gets by adding that value to the filter: a person counts articles that
// mention or were written by them, a place counts articles that mention it or any place inside it.
//
// All the facets a request selects for one search are computed by one statement: the search is
// matched once, into a materialized CTE, and each facet aggregates those rows. A facet then costs
// an aggregation rather than another search, which matters for phrases, whose every match the
// database must re-read to check word positions.
import { Prisma } from "../generated/prisma/client.ts";
import type { PlaceKind } from "../generated/prisma/enums.ts";
import { type SearchScope, searchConditionSql } from "./match.ts";

export type FacetRequest =
  | { kind: "matched" }
  | { kind: "sources" }
  | { kind: "months" }
  | { kind: "languages" }
  | { kind: "persons"; first: number }
  | { kind: "places"; first: number; kinds: PlaceKind[] | null };

/** A facet value and its count. `key` is the id of a source, person or place, or the text value. */
export interface FacetCount {
  key: number | string;
  count: number;
}

/** Keys that are database ids, returned as numbers. */
const ID_FACETS = new Set<FacetRequest["kind"]>(["sources", "persons", "places"]);

/** One facet over the `matched` rows, as (key text, count), ordered and limited. */
function facetQuery(request: FacetRequest): Prisma.Sql {
  switch (request.kind) {
    case "matched":
      // How many rows the facets counted: past the exact limit, they count a sample.
      return Prisma.sql`SELECT 'matched' AS key, count(*)::int AS count FROM matched`;
    case "sources":
      return Prisma.sql`SELECT m."sourceId"::text AS key, count(*)::int AS count FROM matched m
        GROUP BY m."sourceId" ORDER BY count DESC, m."sourceId"`;
    case "months":
      // Undated articles are not counted.
      return Prisma.sql`SELECT to_char(m."publishedAt", 'YYYY-MM') AS key, count(*)::int AS count FROM matched m
        WHERE m."publishedAt" IS NOT NULL GROUP BY 1 ORDER BY 1`;
    case "languages":
      return Prisma.sql`SELECT m."language" AS key, count(*)::int AS count FROM matched m
        GROUP BY m."language" ORDER BY count DESC, m."language"`;
    case "persons":
      return Prisma.sql`SELECT linked."personId"::text AS key, count(*)::int AS count FROM (
          SELECT pm."personId", pm."articleId" FROM "PersonMention" pm JOIN matched m ON m.id = pm."articleId"
          UNION
          SELECT w."personId", w."articleId" FROM "Authorship" w JOIN matched m ON m.id = w."articleId"
        ) linked
        GROUP BY linked."personId" ORDER BY count DESC, linked."personId" LIMIT ${request.first}`;
    case "places": {
      const kinds = request.kinds ? Prisma.sql`AND p.kind::text = ANY(${request.kinds}::text[])` : Prisma.empty;
      // An article counts once per place however many of its places lie inside it.
      return Prisma.sql`SELECT w.ancestor::text AS key, count(DISTINCT pm."articleId")::int AS count
        FROM matched m
        JOIN "PlaceMention" pm ON pm."articleId" = m.id
        JOIN within w ON w.place = pm."placeId"
        JOIN "Place" p ON p.id = w.ancestor ${kinds}
        GROUP BY w.ancestor ORDER BY count DESC, w.ancestor LIMIT ${request.first}`;
    }
  }
}

/** Deepest nesting of places the places facet rolls up (the gazetteer's is 4: country to village). */
export const MAX_PLACE_DEPTH = 8;

/**
 * Every place paired with itself and each place it lies in. A chain of joins rather than a
 * recursive CTE: PostgreSQL cannot estimate a recursive CTE's rows, overestimates the facet's
 * joins on it a hundredfold, and then spends a second compiling the query (JIT) for nothing.
 */
function withinSql(): Prisma.Sql {
  const levels = Array.from({ length: MAX_PLACE_DEPTH }, (_, level) => level);
  const joins = levels.slice(1).map((level) => `LEFT JOIN "Place" p${level} ON p${level}.id = p${level - 1}."parentId"`);
  const ids = levels.map((level) => `p${level}.id`).join(", ");
  return Prisma.raw(`within AS (
      SELECT p0.id AS place, x.ancestor FROM "Place" p0
      ${joins.join(" ")}
      CROSS JOIN LATERAL unnest(ARRAY[${ids}]) AS x(ancestor)
      WHERE x.ancestor IS NOT NULL)`);
}

/**
 * One statement for several facets of one search; each row carries the index of its request.
 * PostgreSQL only computes `within` when a places facet uses it. Unless the search asks for an
 * exact total, the facets count at most one match past its exact limit: past it, each count is
 * a lower bound (the "matched" request tells).
 */
export function facetsSql(search: SearchScope, requests: readonly FacetRequest[]): Prisma.Sql {
  const parts = requests.map((request, index) => Prisma.sql`SELECT ${index}::int AS request, f.key, f.count FROM (${facetQuery(request)}) f`);
  const limit = search.exactTotal ? Prisma.empty : Prisma.sql` LIMIT ${search.exactLimit + 1}`;
  return Prisma.sql`
    WITH matched AS MATERIALIZED (
      SELECT a.id, a."sourceId", a."publishedAt", a."language" FROM "Article" a WHERE ${searchConditionSql(search)}${limit}),
    ${withinSql()}
    ${Prisma.join(parts, " UNION ALL ")}`;
}

/** Calendar order for months; most articles first for the rest, then by key. */
function compare(kind: FacetRequest["kind"]) {
  const byKey = (a: FacetCount, b: FacetCount) =>
    typeof a.key === "number" && typeof b.key === "number" ? a.key - b.key : String(a.key).localeCompare(String(b.key));
  return kind === "months" ? byKey : (a: FacetCount, b: FacetCount) => b.count - a.count || byKey(a, b);
}

/** A row of facetsSql: which request it counts for, the key, the count. */
export interface FacetRow {
  request: number;
  key: string;
  count: number;
}

/** facetsSql's rows as each request's counts, sorted as the request asks. */
export function facetCounts(requests: readonly FacetRequest[], rows: readonly FacetRow[]): FacetCount[][] {
  const results: FacetCount[][] = requests.map(() => []);
  for (const row of rows) {
    const request = requests[row.request]!;
    results[row.request]!.push({ key: ID_FACETS.has(request.kind) ? Number(row.key) : row.key, count: row.count });
  }
  return results.map((facet, index) => facet.sort(compare(requests[index]!.kind)));
}
