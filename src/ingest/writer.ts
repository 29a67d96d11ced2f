// Writes a batch of articles with their links in a few set-based statements (arrays unnested
// server-side) instead of one call per row: one INSERT for new articles, one UPDATE for changed
// ones, then their extracted mentions and authorships replaced. Runs inside the caller's
// transaction, so an article is never stored without its links. Plain PostgreSQL, so it runs on
// PGlite too.
import type { RawSql } from "./raw-sql.ts";
import type { IdentifiedRecord } from "./identity.ts";

export interface MentionRow {
  entityId: number;
  count: number;
  surfaceForms: string[];
  firstOffset: number;
}

export interface ArticleWrite {
  item: IdentifiedRecord;
  sourceId: number;
  /** Stored article to update, or null to insert with `slug`. */
  updateId: number | null;
  slug: string;
  persons: MentionRow[];
  places: MentionRow[];
  authorIds: number[];
}

// Surface forms travel as one string per mention row; arrays of arrays do not unnest.
const SEPARATOR = "\u001f";

function articleColumns(writes: readonly ArticleWrite[]) {
  return [
    writes.map((write) => write.item.record.title),
    writes.map((write) => write.item.record.teaser),
    writes.map((write) => write.item.body),
    writes.map((write) => write.item.record.language),
    writes.map((write) => write.item.record.publishedAt),
    writes.map((write) => write.item.record.listedAt?.toISOString() ?? null),
    writes.map((write) => write.item.record.originalUrl),
    writes.map((write) => write.item.contentHash),
    writes.map((write) => write.item.wordCount),
    writes.map((write) => write.item.record.isStub),
    writes.map((write) => (write.item.record.byline.length > 0 ? write.item.record.byline.join(", ") : null)),
    writes.map((write) => write.sourceId),
  ];
}

const ARTICLE_ARRAYS = `$1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::timestamp(3)[], $7::text[],
  $8::text[], $9::int[], $10::boolean[], $11::text[], $12::int[]`;
const ARTICLE_FIELDS = `title, teaser, body, language, "publishedAt", "listedAt", "originalUrl", "contentHash", "wordCount",
  "isStub", byline, "sourceId"`;

/** Writes the batch; returns the article id of each write, in order. */
export async function writeArticles(db: RawSql, writes: readonly ArticleWrite[]): Promise<number[]> {
  const ids: number[] = writes.map((write) => write.updateId ?? 0);
  const inserts = writes.filter((write) => write.updateId === null);
  const updates = writes.filter((write) => write.updateId !== null);

  if (inserts.length > 0) {
    const rows = await db.$queryRawUnsafe<{ id: number; slug: string }[]>(
      `INSERT INTO "Article" (slug, ${ARTICLE_FIELDS}, "updatedAt")
       SELECT u.slug, u.title, u.teaser, u.body, u.language, u."publishedAt", u."listedAt", u."originalUrl", u."contentHash",
              u."wordCount", u."isStub", u.byline, u."sourceId", CURRENT_TIMESTAMP
       FROM unnest(${ARTICLE_ARRAYS}, $13::text[]) AS u(${ARTICLE_FIELDS}, slug)
       RETURNING id, slug`,
      ...articleColumns(inserts),
      inserts.map((write) => write.slug),
    );
    const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
    writes.forEach((write, index) => {
      if (write.updateId === null) ids[index] = idBySlug.get(write.slug)!;
    });
  }

  if (updates.length > 0) {
    const updateIds = updates.map((write) => write.updateId!);
    // A stub's teaser and listing date, and a known URL, survive an upgrade that lacks them.
    await db.$executeRawUnsafe(
      `UPDATE "Article" AS a SET
         title = u.title, teaser = COALESCE(u.teaser, a.teaser), body = u.body, language = u.language,
         "publishedAt" = u."publishedAt", "listedAt" = COALESCE(u."listedAt", a."listedAt"),
         "originalUrl" = COALESCE(u."originalUrl", a."originalUrl"), "contentHash" = u."contentHash",
         "wordCount" = u."wordCount", "isStub" = u."isStub", byline = u.byline, "sourceId" = u."sourceId",
         "updatedAt" = CURRENT_TIMESTAMP
       FROM unnest(${ARTICLE_ARRAYS}, $13::int[]) AS u(${ARTICLE_FIELDS}, id)
       WHERE a.id = u.id`,
      ...articleColumns(updates),
      updateIds,
    );
    // Links an editor made stay; extracted ones are replaced by this extraction's.
    for (const table of ["PersonMention", "PlaceMention", "Authorship"]) {
      await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "articleId" = ANY($1::int[]) AND origin = 'EXTRACTED'`, updateIds);
    }
  }

  // A new article has no links yet; only an updated one may keep an editor's link to the same entity.
  const mayConflict = updates.length > 0;
  await insertMentions(db, "PersonMention", "personId", writes, ids, (write) => write.persons, mayConflict);
  await insertMentions(db, "PlaceMention", "placeId", writes, ids, (write) => write.places, mayConflict);

  const authorships = writes.flatMap((write, index) =>
    write.authorIds.map((personId, position) => ({ articleId: ids[index]!, personId, position })),
  );
  if (authorships.length > 0) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Authorship" ("articleId", "personId", position)
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[])
       ON CONFLICT DO NOTHING`,
      authorships.map((row) => row.articleId),
      authorships.map((row) => row.personId),
      authorships.map((row) => row.position),
    );
  }
  return ids;
}

async function insertMentions(
  db: RawSql,
  table: "PersonMention" | "PlaceMention",
  entityColumn: "personId" | "placeId",
  writes: readonly ArticleWrite[],
  ids: readonly number[],
  mentionsOf: (write: ArticleWrite) => MentionRow[],
  mayConflict: boolean,
): Promise<void> {
  const rows = writes.flatMap((write, index) => mentionsOf(write).map((mention) => ({ articleId: ids[index]!, ...mention })));
  if (rows.length === 0) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" ("articleId", "${entityColumn}", count, "surfaceForms", "firstOffset")
     SELECT u.article, u.entity, u.count, string_to_array(u.forms, E'\\x1f'), u.first
     FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::int[]) AS u(article, entity, count, forms, first)
     ${mayConflict ? "ON CONFLICT DO NOTHING" : ""}`,
    rows.map((row) => row.articleId),
    rows.map((row) => row.entityId),
    rows.map((row) => row.count),
    rows.map((row) => row.surfaceForms.map((form) => form.replaceAll(SEPARATOR, " ")).join(SEPARATOR)),
    rows.map((row) => row.firstOffset),
  );
}
