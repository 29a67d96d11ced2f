// Writes a generated demo corpus: sources, the invented byline writers, articles, and their
// mentions and authorships, in a handful of bulk statements (start-up must stay fast). The
// statements are Prisma.sql with one array parameter per column, as the ingest writers send
// theirs (db/bulk-rows.ts).
import { joinList, splitList } from "../db/bulk-rows.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { slugify, uniqueSlug } from "../lib/slug.ts";
import type { ReferenceIds } from "../reference/sync.ts";
import { BYLINE_WRITER_DESCRIPTION } from "./bylines.ts";
import type { DemoCorpus, MentionRecord } from "./generator.ts";
import { DEMO_SOURCES } from "./sources.ts";

type Db = Prisma.TransactionClient;

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters even for wide rows. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) out.push(rows.slice(start, start + CHUNK));
  return out;
}

/** Source id by label; editions that already exist (e.g. created by an ingest) are reused. */
async function storeSources(db: Db): Promise<Map<string, number>> {
  const column = <K extends keyof (typeof DEMO_SOURCES)[number]>(key: K) => DEMO_SOURCES.map((source) => source[key]);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "Source" (slug, name, label, language, agency, homepage, country, description, "updatedAt")
    SELECT *, now() FROM unnest(${column("slug")}::text[], ${column("name")}::text[], ${column("label")}::text[], ${column("language")}::text[],
                         ${column("agency")}::text[], ${column("homepage")}::text[], ${column("country")}::text[], ${column("description")}::text[])
    ON CONFLICT DO NOTHING`);
  const rows = await db.$queryRaw<{ id: number; label: string }[]>(Prisma.sql`SELECT id, label FROM "Source" WHERE label = ANY(${column("label")}::text[])`);
  return new Map(rows.map((row) => [row.label, row.id]));
}

/** Person id by writer name, creating the writers the person table does not hold yet. */
async function storeWriters(db: Db, names: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (names.length === 0) return ids;
  const existing = await db.$queryRaw<{ id: number; name: string }[]>(Prisma.sql`SELECT id, name FROM "Person" WHERE name = ANY(${[...names]}::text[])`);
  for (const row of existing) ids.set(row.name, row.id);
  const missing = names.filter((name) => !ids.has(name));
  if (missing.length === 0) return ids;

  const taken = new Set((await db.$queryRaw<{ slug: string }[]>(Prisma.sql`SELECT slug FROM "Person"`)).map((row) => row.slug));
  const slugs = missing.map((name) => uniqueSlug(slugify(name), taken));
  const created = await db.$queryRaw<{ id: number; name: string }[]>(Prisma.sql`
    INSERT INTO "Person" (slug, name, aliases, titles, description, "updatedAt")
    SELECT slug, name, '{}', '{}', ${BYLINE_WRITER_DESCRIPTION}, now() FROM unnest(${slugs}::text[], ${missing}::text[]) AS w(slug, name)
    RETURNING id, name`);
  for (const row of created) ids.set(row.name, row.id);
  return ids;
}

function idOf(ids: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`The demo corpus names ${what} "${key}", which the reference tables did not store.`);
  return id;
}

interface MentionRow {
  articleId: number;
  entityId: number;
  mention: MentionRecord;
}

type MentionTable = "PersonMention" | "PlaceMention";
const ENTITY_COLUMN: Record<MentionTable, Prisma.Sql> = { PersonMention: Prisma.raw(`"personId"`), PlaceMention: Prisma.raw(`"placeId"`) };

async function storeMentions(db: Db, table: MentionTable, rows: readonly MentionRow[]): Promise<void> {
  for (const batch of chunks(rows)) {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO ${Prisma.raw(`"${table}"`)} ("articleId", ${ENTITY_COLUMN[table]}, count, "surfaceForms", "firstOffset")
      SELECT m."articleId", m.entity, m.count, ${splitList(Prisma.sql`m.forms`)}, m."firstOffset"
      FROM unnest(${batch.map((row) => row.articleId)}::int[], ${batch.map((row) => row.entityId)}::int[], ${batch.map((row) => row.mention.count)}::int[],
                  ${batch.map((row) => joinList(row.mention.surfaceForms))}::text[], ${batch.map((row) => row.mention.firstOffset)}::int[])
        AS m("articleId", entity, count, forms, "firstOffset")`);
  }
}

export async function storeCorpus(db: Db, corpus: DemoCorpus, reference: ReferenceIds): Promise<void> {
  const sourceIds = await storeSources(db);
  const writerIds = await storeWriters(db, corpus.writers);

  const articleIds = new Map<string, number>();
  for (const batch of chunks(corpus.articles)) {
    const column = <T>(value: (article: (typeof batch)[number]) => T) => batch.map(value);
    const rows = await db.$queryRaw<{ id: number; slug: string }[]>(Prisma.sql`
      INSERT INTO "Article" (slug, title, teaser, body, language, "publishedAt", "listedAt", "contentHash", "wordCount", "isStub", "isSynthetic", byline, "sourceId", "updatedAt")
      SELECT slug, title, teaser, body, language, "publishedAt", "listedAt", "contentHash", "wordCount", "isStub", TRUE, byline, "sourceId", now()
      FROM unnest(${column((a) => a.slug)}::text[], ${column((a) => a.title)}::text[], ${column((a) => a.teaser)}::text[], ${column((a) => a.body)}::text[],
                  ${column((a) => a.language)}::text[], ${column((a) => a.publishedAt)}::date[], ${column((a) => a.listedAt.toISOString())}::timestamp(3)[],
                  ${column((a) => a.contentHash)}::text[], ${column((a) => a.wordCount)}::int[], ${column((a) => a.isStub)}::boolean[],
                  ${column((a) => a.byline)}::text[], ${column((a) => idOf(sourceIds, a.sourceLabel, "the source"))}::int[])
        AS a(slug, title, teaser, body, language, "publishedAt", "listedAt", "contentHash", "wordCount", "isStub", byline, "sourceId")
      RETURNING id, slug`);
    for (const row of rows) articleIds.set(row.slug, row.id);
  }

  const personMentions: MentionRow[] = [];
  const placeMentions: MentionRow[] = [];
  const authorships: { articleId: number; personId: number }[] = [];
  for (const article of corpus.articles) {
    const articleId = idOf(articleIds, article.slug, "the article");
    for (const mention of article.persons) personMentions.push({ articleId, entityId: idOf(reference.personIds, mention.key, "the person"), mention });
    for (const mention of article.places) placeMentions.push({ articleId, entityId: idOf(reference.placeIds, mention.key, "the place"), mention });
    if (article.byline) authorships.push({ articleId, personId: idOf(writerIds, article.byline, "the writer") });
  }
  await storeMentions(db, "PersonMention", personMentions);
  await storeMentions(db, "PlaceMention", placeMentions);
  for (const batch of chunks(authorships)) {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "Authorship" ("articleId", "personId", position)
      SELECT a, p, 0 FROM unnest(${batch.map((row) => row.articleId)}::int[], ${batch.map((row) => row.personId)}::int[]) AS x(a, p)`);
  }
}
