// Writes a generated demo corpus: sources, the invented byline writers, articles, and their
// mentions and authorships, in a handful of bulk statements (start-up must stay fast).
import type { Prisma } from "../generated/prisma/client.ts";
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
  await db.source.createMany({
    data: DEMO_SOURCES.map(({ slug, name, label, language, agency, homepage, country, description }) => ({
      slug,
      name,
      label,
      language,
      agency,
      homepage,
      country,
      description,
    })),
    skipDuplicates: true,
  });
  const rows = await db.source.findMany({
    where: { label: { in: DEMO_SOURCES.map((source) => source.label) } },
    select: { id: true, label: true },
  });
  return new Map(rows.map((row) => [row.label, row.id]));
}

/** Person id by writer name, creating the writers the person table does not hold yet. */
async function storeWriters(db: Db, names: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (names.length === 0) return ids;
  const existing = await db.person.findMany({ where: { name: { in: [...names] } }, select: { id: true, name: true } });
  for (const row of existing) ids.set(row.name, row.id);
  const missing = names.filter((name) => !ids.has(name));
  if (missing.length === 0) return ids;

  const taken = new Set((await db.person.findMany({ select: { slug: true } })).map((row) => row.slug));
  const created = await db.person.createManyAndReturn({
    data: missing.map((name) => ({
      slug: uniqueSlug(slugify(name), taken),
      name,
      aliases: [],
      titles: [],
      description: BYLINE_WRITER_DESCRIPTION,
    })),
    select: { id: true, name: true },
  });
  for (const row of created) ids.set(row.name, row.id);
  return ids;
}

function idOf(ids: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`The demo corpus names ${what} "${key}", which the reference tables did not store.`);
  return id;
}

/** The columns a PersonMention and a PlaceMention share. */
function mentionColumns(articleId: number, mention: MentionRecord) {
  return {
    articleId,
    count: mention.count,
    surfaceForms: mention.surfaceForms,
    firstOffset: mention.firstOffset,
  };
}

export async function storeCorpus(db: Db, corpus: DemoCorpus, reference: ReferenceIds): Promise<void> {
  const sourceIds = await storeSources(db);
  const writerIds = await storeWriters(db, corpus.writers);

  const articleIds = new Map<string, number>();
  for (const batch of chunks(corpus.articles)) {
    const rows = await db.article.createManyAndReturn({
      data: batch.map((article) => ({
        slug: article.slug,
        title: article.title,
        teaser: article.teaser,
        body: article.body,
        language: article.language,
        publishedAt: new Date(`${article.publishedAt}T00:00:00Z`),
        listedAt: article.listedAt,
        contentHash: article.contentHash,
        wordCount: article.wordCount,
        isStub: article.isStub,
        isSynthetic: true,
        byline: article.byline,
        sourceId: idOf(sourceIds, article.sourceLabel, "the source"),
      })),
      select: { id: true, slug: true },
    });
    for (const row of rows) articleIds.set(row.slug, row.id);
  }

  const personMentions: Prisma.PersonMentionCreateManyInput[] = [];
  const placeMentions: Prisma.PlaceMentionCreateManyInput[] = [];
  const authorships: Prisma.AuthorshipCreateManyInput[] = [];
  for (const article of corpus.articles) {
    const articleId = idOf(articleIds, article.slug, "the article");
    for (const mention of article.persons) {
      personMentions.push({ ...mentionColumns(articleId, mention), personId: idOf(reference.personIds, mention.key, "the person") });
    }
    for (const mention of article.places) {
      placeMentions.push({ ...mentionColumns(articleId, mention), placeId: idOf(reference.placeIds, mention.key, "the place") });
    }
    if (article.byline) {
      authorships.push({ articleId, personId: idOf(writerIds, article.byline, "the writer"), position: 0 });
    }
  }
  for (const batch of chunks(personMentions)) await db.personMention.createMany({ data: batch });
  for (const batch of chunks(placeMentions)) await db.placeMention.createMany({ data: batch });
  for (const batch of chunks(authorships)) await db.authorship.createMany({ data: batch });
}
