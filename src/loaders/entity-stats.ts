// Computed fields of sources, persons and places, each one statement per request however many
// objects ask: counts, date spans, ancestors, co-mentions.
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { getOrInsert } from "../lib/maps.ts";
import { groupKeys } from "./group-keys.ts";

export interface SourceStats {
  articleCount: number;
  firstPublishedAt: Date | null;
  lastPublishedAt: Date | null;
}

export interface CoMention {
  personId: number;
  count: number;
}

/** Batches keys that carry a size limit: one statement per distinct limit. */
function limitedLoader<T>(load: (ids: number[], limit: number) => Promise<Map<number, T[]>>) {
  return new DataLoader<{ id: number; limit: number }, T[], string>(
    async (keys) => {
      const results = new Map<string, T[]>();
      await Promise.all(
        groupKeys(keys, (key) => String(key.limit)).map(async ({ keys: group }) => {
          const limit = group[0]!.limit;
          const ids = group.map((key) => key.id);
          const rows = await load([...new Set(ids)], limit);
          for (const id of ids) results.set(`${id}:${limit}`, rows.get(id) ?? []);
        }),
      );
      return keys.map((key) => results.get(`${key.id}:${key.limit}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.id}:${key.limit}` },
  );
}

export function createEntityStatsLoaders(prisma: PrismaClient) {
  return {
    sourceStats: new DataLoader<number, SourceStats>(async (ids) => {
      const rows = await prisma.$queryRaw<{ id: number; count: number; first: Date | null; last: Date | null }[]>`
        SELECT "sourceId" AS id, count(*)::int AS count, min("publishedAt") AS first, max("publishedAt") AS last
        FROM "Article" WHERE "sourceId" = ANY(${[...ids]}::int[]) AND "isStub" = FALSE
        GROUP BY "sourceId"`;
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => {
        const row = byId.get(id);
        return { articleCount: row?.count ?? 0, firstPublishedAt: row?.first ?? null, lastPublishedAt: row?.last ?? null };
      });
    }),

    /** Stored articles mentioning each person, from the counts the write triggers keep. */
    personMentionCount: new DataLoader<number, number>(async (ids) => {
      const rows = await prisma.$queryRaw<{ id: number; count: number }[]>`
        SELECT "personId" AS id, "articleCount" AS count FROM "PersonStats" WHERE "personId" = ANY(${[...ids]}::int[])`;
      const byId = new Map(rows.map((row) => [row.id, row.count]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),

    /** Stored articles mentioning each place itself. */
    placeMentionCount: new DataLoader<number, number>(async (ids) => {
      const rows = await prisma.$queryRaw<{ id: number; count: number }[]>`
        SELECT "placeId" AS id, "articleCount" AS count FROM "PlaceStats" WHERE "placeId" = ANY(${[...ids]}::int[])`;
      const byId = new Map(rows.map((row) => [row.id, row.count]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),

    /** Ancestor ids of each place, root first. */
    placeAncestors: new DataLoader<number, number[]>(async (ids) => {
      const rows = await prisma.$queryRaw<{ id: number; ancestors: number[] }[]>`
        WITH RECURSIVE up(id, ancestor, depth) AS (
          SELECT id, "parentId", 1 FROM "Place" WHERE id = ANY(${[...ids]}::int[]) AND "parentId" IS NOT NULL
          UNION ALL
          SELECT up.id, p."parentId", up.depth + 1 FROM up JOIN "Place" p ON p.id = up.ancestor
          WHERE p."parentId" IS NOT NULL AND up.depth < 32)
        SELECT id, array_agg(ancestor ORDER BY depth DESC) AS ancestors FROM up GROUP BY id`;
      const byId = new Map(rows.map((row) => [row.id, row.ancestors.map(Number)]));
      return ids.map((id) => byId.get(id) ?? []);
    }),

    /** People named in the same stored articles as each person, most shared articles first. */
    coMentioned: limitedLoader<CoMention>(async (ids, limit) => {
      const rows = await prisma.$queryRaw<{ id: number; personId: number; count: number }[]>`
        SELECT k.id, x."otherId" AS "personId", x."articleCount" AS count
        FROM unnest(${ids}::int[]) AS k(id)
        CROSS JOIN LATERAL (
          SELECT c."otherId", c."articleCount" FROM "PersonCoMention" c
          WHERE c."personId" = k.id
          ORDER BY c."articleCount" DESC, c."otherId"
          LIMIT ${limit}
        ) x`;
      const byId = new Map<number, CoMention[]>();
      for (const row of rows) getOrInsert(byId, row.id, () => []).push({ personId: row.personId, count: row.count });
      return byId;
    }),
  };
}
