// Writes a batch of articles with their links in a few set-based statements (arrays unnested
// server-side) instead of one call per row: one INSERT for new articles, one UPDATE for changed
// ones, then their extracted mentions and authorships replaced. Runs inside the caller's
// transaction, so an article is never stored without its links. Plain PostgreSQL, so it runs on
// PGlite too.
import { joinList, splitList } from "../db/bulk-rows.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { IdentifiedRecord } from "./identity.ts";
import type { RawSql } from "./raw-sql.ts";

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

type LinkTable = "PersonMention" | "PlaceMention" | "Authorship";
type MentionTable = Exclude<LinkTable, "Authorship">;

// Table and column names cannot be parameters: they come from these fixed maps, never from data.
const LINK_TABLES: Record<LinkTable, Prisma.Sql> = {
  PersonMention: Prisma.raw(`"PersonMention"`),
  PlaceMention: Prisma.raw(`"PlaceMention"`),
  Authorship: Prisma.raw(`"Authorship"`),
};
const MENTION_ENTITY_COLUMNS: Record<MentionTable, Prisma.Sql> = {
  PersonMention: Prisma.raw(`"personId"`),
  PlaceMention: Prisma.raw(`"placeId"`),
};

const ARTICLE_FIELDS = Prisma.raw(`title, teaser, body, language, "publishedAt", "listedAt", "originalUrl", "contentHash", "wordCount",
  "isStub", byline, "sourceId"`);

/** The article columns of `writes` as typed arrays, in ARTICLE_FIELDS order, for unnest. */
function articleArrays(writes: readonly ArticleWrite[]): Prisma.Sql {
  return Prisma.sql`${writes.map((write) => write.item.record.title)}::text[],
    ${writes.map((write) => write.item.record.teaser)}::text[],
    ${writes.map((write) => write.item.body)}::text[],
    ${writes.map((write) => write.item.record.language)}::text[],
    ${writes.map((write) => write.item.record.publishedAt)}::date[],
    ${writes.map((write) => write.item.record.listedAt?.toISOString() ?? null)}::timestamp(3)[],
    ${writes.map((write) => write.item.record.originalUrl)}::text[],
    ${writes.map((write) => write.item.contentHash)}::text[],
    ${writes.map((write) => write.item.wordCount)}::int[],
    ${writes.map((write) => write.item.record.isStub)}::boolean[],
    ${writes.map((write) => (write.item.record.byline.length > 0 ? write.item.record.byline.join(", ") : null))}::text[],
    ${writes.map((write) => write.sourceId)}::int[]`;
}

/** Writes the batch; returns the article id of each write, in order. */
export async function writeArticles(db: RawSql, writes: readonly ArticleWrite[]): Promise<number[]> {
  const ids: number[] = writes.map((write) => write.updateId ?? 0);
  const inserts = writes.filter((write) => write.updateId === null);
  const updates = writes.filter((write) => write.updateId !== null);

  if (inserts.length > 0) {
    const rows = await db.$queryRaw<{ id: number; slug: string }[]>(Prisma.sql`
      INSERT INTO "Article" (slug, ${ARTICLE_FIELDS}, "updatedAt")
      SELECT u.slug, u.title, u.teaser, u.body, u.language, u."publishedAt", u."listedAt", u."originalUrl", u."contentHash",
             u."wordCount", u."isStub", u.byline, u."sourceId", CURRENT_TIMESTAMP
      FROM unnest(${articleArrays(inserts)}, ${inserts.map((write) => write.slug)}::text[]) AS u(${ARTICLE_FIELDS}, slug)
      RETURNING id, slug`);
    const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
    writes.forEach((write, index) => {
      if (write.updateId === null) ids[index] = idBySlug.get(write.slug)!;
    });
  }

  if (updates.length > 0) {
    const updateIds = updates.map((write) => write.updateId!);
    // A stub's teaser and listing date, and a known URL, survive an upgrade that lacks them.
    await db.$executeRaw(Prisma.sql`
      UPDATE "Article" AS a SET
        title = u.title, teaser = COALESCE(u.teaser, a.teaser), body = u.body, language = u.language,
        "publishedAt" = u."publishedAt", "listedAt" = COALESCE(u."listedAt", a."listedAt"),
        "originalUrl" = COALESCE(u."originalUrl", a."originalUrl"), "contentHash" = u."contentHash",
        "wordCount" = u."wordCount", "isStub" = u."isStub", byline = u.byline, "sourceId" = u."sourceId",
        "updatedAt" = CURRENT_TIMESTAMP
      FROM unnest(${articleArrays(updates)}, ${updateIds}::int[]) AS u(${ARTICLE_FIELDS}, id)
      WHERE a.id = u.id`);
    // Links an editor made stay; extracted ones are replaced by this extraction's.
    for (const table of ["PersonMention", "PlaceMention", "Authorship"] as const) {
      await db.$executeRaw(Prisma.sql`DELETE FROM ${LINK_TABLES[table]} WHERE "articleId" = ANY(${updateIds}::int[]) AND origin = 'EXTRACTED'`);
    }
  }

  // A new article has no links yet; only an updated one may keep an editor's link to the same entity.
  const mayConflict = updates.length > 0;
  await insertMentions(db, "PersonMention", writes, ids, (write) => write.persons, mayConflict);
  await insertMentions(db, "PlaceMention", writes, ids, (write) => write.places, mayConflict);

  const authorships = writes.flatMap((write, index) => write.authorIds.map((personId, position) => ({ articleId: ids[index]!, personId, position })));
  if (authorships.length > 0) {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO ${LINK_TABLES.Authorship} ("articleId", "personId", position)
      SELECT * FROM unnest(
        ${authorships.map((row) => row.articleId)}::int[],
        ${authorships.map((row) => row.personId)}::int[],
        ${authorships.map((row) => row.position)}::int[])
      ON CONFLICT DO NOTHING`);
  }
  return ids;
}

async function insertMentions(
  db: RawSql,
  table: MentionTable,
  writes: readonly ArticleWrite[],
  ids: readonly number[],
  mentionsOf: (write: ArticleWrite) => MentionRow[],
  mayConflict: boolean,
): Promise<void> {
  const rows = writes.flatMap((write, index) => mentionsOf(write).map((mention) => ({ articleId: ids[index]!, ...mention })));
  if (rows.length === 0) return;
  await db.$executeRaw(Prisma.sql`
    INSERT INTO ${LINK_TABLES[table]} ("articleId", ${MENTION_ENTITY_COLUMNS[table]}, count, "surfaceForms", "firstOffset")
    SELECT u.article, u.entity, u.count, ${splitList(Prisma.sql`u.forms`)}, u.first
    FROM unnest(
      ${rows.map((row) => row.articleId)}::int[],
      ${rows.map((row) => row.entityId)}::int[],
      ${rows.map((row) => row.count)}::int[],
      ${rows.map((row) => joinList(row.surfaceForms))}::text[],
      ${rows.map((row) => row.firstOffset)}::int[]) AS u(article, entity, count, forms, first)
    ${mayConflict ? Prisma.sql`ON CONFLICT DO NOTHING` : Prisma.empty}`);
}
