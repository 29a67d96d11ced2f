// Finds the stored articles a batch's records may be: by URL, by content hash, and by source and
// title for stubs. One query per batch, whatever its size: three indexed lookups joined by UNION ALL.
import { Prisma } from "../generated/prisma/client.ts";
import type { Matches, StoredArticle } from "./decide.ts";
import type { IdentifiedRecord } from "./identity.ts";
import type { RawQuery } from "./raw-sql.ts";

interface MatchRow extends StoredArticle {
  /** "url", "hash", or "title" (then `position` is the record's index in the batch). */
  found: string;
  position: number | null;
}

export async function findMatches(db: RawQuery, batch: readonly IdentifiedRecord[], sourceIds: readonly number[]): Promise<Matches[]> {
  const urls = batch.flatMap((item) => (item.record.originalUrl ? [item.record.originalUrl] : []));
  const hashes = batch.map((item) => item.contentHash);
  // By title: a URL-less stub is known if any article has its title; an article may be the text of
  // a URL-less stub with its title (used only when URL and content find nothing).
  const titled = batch.flatMap((item, index) => {
    const { record } = item;
    const urlLessStub = record.isStub && !record.originalUrl;
    return urlLessStub || !record.isStub ? [{ index, anyArticle: urlLessStub }] : [];
  });
  const rows = await db.$queryRaw<MatchRow[]>(Prisma.sql`
    SELECT 'url' AS found, NULL::int AS position, id, "originalUrl", "contentHash", "isStub"
      FROM "Article" WHERE "originalUrl" = ANY(${urls}::text[])
    UNION ALL
    SELECT 'hash', NULL, id, "originalUrl", "contentHash", "isStub"
      FROM "Article" WHERE "contentHash" = ANY(${hashes}::text[])
    UNION ALL
    SELECT 'title', k.position, a.id, a."originalUrl", a."contentHash", a."isStub"
      FROM unnest(
        ${titled.map((entry) => entry.index)}::int[],
        ${titled.map((entry) => sourceIds[entry.index]!)}::int[],
        ${titled.map((entry) => batch[entry.index]!.record.title)}::text[],
        ${titled.map((entry) => entry.anyArticle)}::boolean[]) AS k(position, "sourceId", title, "anyArticle")
      CROSS JOIN LATERAL (
        SELECT id, "originalUrl", "contentHash", "isStub" FROM "Article" a
        WHERE a."sourceId" = k."sourceId" AND a.title = k.title
          AND (k."anyArticle" OR (a."isStub" AND a."originalUrl" IS NULL))
        ORDER BY a."isStub" DESC, a.id
        LIMIT 1
      ) a`);

  const byUrl = new Map<string, StoredArticle>();
  const byHash = new Map<string, StoredArticle[]>();
  const byPosition = new Map<number, StoredArticle>();
  for (const { found, position, ...article } of rows) {
    if (found === "url") byUrl.set(article.originalUrl!, article);
    else if (found === "title") byPosition.set(position!, article);
    else {
      const list = byHash.get(article.contentHash);
      if (list) list.push(article);
      else byHash.set(article.contentHash, [article]);
    }
  }
  for (const list of byHash.values()) list.sort((a, b) => a.id - b.id);

  return batch.map((item, index) => ({
    byUrl: item.record.originalUrl ? (byUrl.get(item.record.originalUrl) ?? null) : null,
    byHash: byHash.get(item.contentHash) ?? [],
    byTitle: byPosition.get(index) ?? null,
  }));
}
