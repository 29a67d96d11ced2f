// Related articles: others that share people and places with an article, each shared entity
// weighted by how rare it is (an IDF: ln(articles / articles naming it)), so Pyongyang, named in
// almost every article, counts for little. Ties go to the more recent article. Both counts are
// read from the tables the write triggers keep, not counted per request.
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";

export interface RelatedHit {
  articleId: number;
  score: number;
  personIds: number[];
  placeIds: number[];
}

/**
 * How many recent articles per shared entity are considered. Bounds the work for entities named
 * everywhere; rare entities, which weigh most, are never cut off.
 */
const CANDIDATES_PER_ENTITY = 400;

export function createRelatedLoader(prisma: PrismaClient) {
  return new DataLoader<{ id: number; limit: number }, RelatedHit[], string>(
    async (keys) => {
      const limit = Math.max(...keys.map((key) => key.limit));
      const ids = [...new Set(keys.map((key) => key.id))];
      const rows = await prisma.$queryRaw<{ src: number; cand: number; score: number; persons: number[] | null; places: number[] | null }[]>`
        WITH total AS (SELECT greatest(coalesce(max("articleCount"), 0), 1)::float8 AS n FROM "ArchiveStats"),
        entities AS (
          SELECT m."articleId" AS src, 'person' AS kind, m."personId" AS eid,
                 ln(greatest((SELECT n FROM total) / greatest(coalesce(st."articleCount", 0), 1), 1)) AS w
          FROM "PersonMention" m LEFT JOIN "PersonStats" st ON st."personId" = m."personId"
          WHERE m."articleId" = ANY(${ids}::int[])
          UNION ALL
          SELECT m."articleId", 'place', m."placeId",
                 ln(greatest((SELECT n FROM total) / greatest(coalesce(st."articleCount", 0), 1), 1))
          FROM "PlaceMention" m LEFT JOIN "PlaceStats" st ON st."placeId" = m."placeId"
          WHERE m."articleId" = ANY(${ids}::int[])
        ),
        candidates AS (
          SELECT e.src, c."articleId" AS cand, e.kind, e.eid, e.w FROM entities e
          CROSS JOIN LATERAL (
            SELECT "articleId" FROM "PersonMention" WHERE e.kind = 'person' AND "personId" = e.eid AND "articleId" <> e.src
            ORDER BY "articleId" DESC LIMIT ${CANDIDATES_PER_ENTITY}) c
          UNION ALL
          SELECT e.src, c."articleId", e.kind, e.eid, e.w FROM entities e
          CROSS JOIN LATERAL (
            SELECT "articleId" FROM "PlaceMention" WHERE e.kind = 'place' AND "placeId" = e.eid AND "articleId" <> e.src
            ORDER BY "articleId" DESC LIMIT ${CANDIDATES_PER_ENTITY}) c
        ),
        scored AS (
          SELECT src, cand, sum(w)::float8 AS score,
                 array_agg(eid ORDER BY w DESC) FILTER (WHERE kind = 'person') AS persons,
                 array_agg(eid ORDER BY w DESC) FILTER (WHERE kind = 'place') AS places
          FROM candidates GROUP BY src, cand
        ),
        ranked AS (
          SELECT s.*, row_number() OVER (
            PARTITION BY s.src ORDER BY s.score DESC, a."publishedAt" DESC NULLS LAST, a.id DESC) AS rn
          FROM scored s JOIN "Article" a ON a.id = s.cand AND a."isStub" = FALSE
        )
        SELECT src, cand, score, persons, places FROM ranked WHERE rn <= ${limit} ORDER BY src, rn`;
      const bySource = new Map<number, RelatedHit[]>();
      for (const row of rows) {
        const list = bySource.get(row.src) ?? [];
        list.push({ articleId: row.cand, score: row.score, personIds: (row.persons ?? []).map(Number), placeIds: (row.places ?? []).map(Number) });
        bySource.set(row.src, list);
      }
      return keys.map((key) => (bySource.get(key.id) ?? []).slice(0, key.limit));
    },
    { cacheKeyFn: (key) => `${key.id}:${key.limit}` },
  );
}
