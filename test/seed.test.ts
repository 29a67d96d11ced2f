// The demo corpus `npm start` seeds into an empty database: counts, links, offsets, idempotence and
// determinism, on a fresh migrated database (in-memory PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSONS } from "../src/reference/persons.ts";
import { PLACES } from "../src/reference/places.ts";
import { BYLINE_WRITER_DESCRIPTION } from "../src/seed/bylines.ts";
import { isoDay } from "../src/seed/calendar.ts";
import { FIRST_DAY, LAST_DAY } from "../src/seed/generator.ts";
import { DEFAULT_ARTICLES, generateDemoCorpus, mentionText, seedDemoCorpus, type SeedResult } from "../src/seed/index.ts";
import { DEMO_SOURCES } from "../src/seed/sources.ts";
import { spanishName } from "../src/seed/stories/spanish.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/database.ts";

const STUBS = Math.ceil(DEFAULT_ARTICLES / 25);

/** Occurrences of `word` in `text` not inside a longer word. */
function wordOffsets(text: string, word: string): number[] {
  const offsets: number[] = [];
  const letter = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + word.length);
    if (!letter.test(before) && !letter.test(after)) offsets.push(at);
  }
  return offsets;
}

async function corpusOf(database: TestDatabase) {
  return database.db.prisma.article.findMany({
    orderBy: { id: "asc" },
    select: {
      slug: true,
      title: true,
      body: true,
      publishedAt: true,
      source: { select: { label: true } },
      personLinks: { orderBy: { personId: "asc" }, select: { person: { select: { slug: true } }, count: true, firstOffset: true } },
      placeLinks: { orderBy: { placeId: "asc" }, select: { place: { select: { slug: true } }, count: true, firstOffset: true } },
    },
  });
}

describe("the demo corpus", () => {
  let database: TestDatabase;
  let result: SeedResult;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Its speed (npm start must answer within 30 s) is measured by hand, not here: timed tests
    // fail on a busy machine.
    result = await seedDemoCorpus(database.db.prisma);
  });

  afterAll(async () => {
    await database?.destroy();
  });

  it("seeds the sources, the reference tables, the articles and a stub for every 25 articles", async () => {
    const prisma = database.db.prisma;
    const writers = await prisma.person.count({ where: { description: BYLINE_WRITER_DESCRIPTION } });
    expect(writers).toBeGreaterThan(0);
    expect(result).toEqual({
      seeded: true,
      sources: DEMO_SOURCES.length,
      articles: DEFAULT_ARTICLES + STUBS,
      persons: PERSONS.length + writers,
      places: PLACES.length,
    });
    expect(await prisma.article.count({ where: { isStub: true } })).toBe(STUBS);
    expect(await prisma.article.count({ where: { isStub: true, OR: [{ body: { not: null } }, { wordCount: { not: 0 } }] } })).toBe(0);
  });

  it("marks every article synthetic and gives none an original URL", async () => {
    const prisma = database.db.prisma;
    expect(await prisma.article.count({ where: { isSynthetic: false } })).toBe(0);
    expect(await prisma.article.count({ where: { originalUrl: { not: null } } })).toBe(0);
  });

  it("gives every article a source and at least one place", async () => {
    const prisma = database.db.prisma;
    expect(await prisma.article.count({ where: { placeLinks: { none: {} } } })).toBe(0);
    const sourceIds = new Set((await prisma.source.findMany({ select: { id: true } })).map((source) => source.id));
    const articles = await prisma.article.findMany({ select: { sourceId: true } });
    expect(articles.every((article) => sourceIds.has(article.sourceId))).toBe(true);
  });

  it("writes full articles of four to eight paragraphs with a teaser, dated 2019 to 2026, mostly in English", async () => {
    const articles = await database.db.prisma.article.findMany({ where: { isStub: false } });
    for (const article of articles) {
      const paragraphs = (article.body ?? "").split("\n\n");
      expect(paragraphs.length).toBeGreaterThanOrEqual(4);
      expect(paragraphs.length).toBeLessThanOrEqual(8);
      expect(paragraphs.every((paragraph) => paragraph.trim() === paragraph && paragraph.length > 0)).toBe(true);
      expect(article.teaser).toBeTruthy();
      expect(article.wordCount).toBeGreaterThan(30);
      const day = article.publishedAt?.toISOString().slice(0, 10) ?? "";
      expect(day >= isoDay(FIRST_DAY) && day <= isoDay(LAST_DAY)).toBe(true);
    }
    const english = articles.filter((article) => article.language === "en").length;
    const spanish = articles.filter((article) => article.language === "es").length;
    expect(english + spanish).toBe(articles.length);
    expect(spanish).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(spanish * 2);
    const years = new Set(articles.map((article) => article.publishedAt?.getUTCFullYear()));
    expect([...years].sort()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it("gives every article a unique slug and content hash", async () => {
    const articles = await database.db.prisma.article.findMany({ select: { slug: true, contentHash: true } });
    expect(new Set(articles.map((article) => article.slug)).size).toBe(articles.length);
    expect(new Set(articles.map((article) => article.contentHash)).size).toBe(articles.length);
    expect(articles.every((article) => /^[0-9a-f]{64}$/.test(article.contentHash))).toBe(true);
  });

  it("links each person mention to the person it names, at its first occurrence in the title and body", async () => {
    const mentions = await database.db.prisma.personMention.findMany({
      include: { person: true, article: { select: { title: true, body: true } } },
    });
    expect(mentions.length).toBeGreaterThan(DEFAULT_ARTICLES);
    for (const mention of mentions) {
      const text = mentionText(mention.article.title, mention.article.body);
      expect(mention.surfaceForms.length).toBeGreaterThan(0);
      for (const surface of mention.surfaceForms) expect([mention.person.name, ...mention.person.aliases]).toContain(surface);
      const occurrences = mention.surfaceForms.flatMap((surface) => wordOffsets(text, surface)).sort((a, b) => a - b);
      expect(occurrences[0]).toBe(mention.firstOffset);
      expect(occurrences.length).toBe(mention.count);
    }
  });

  it("links each place mention to the place it names, at its first occurrence in the title and body", async () => {
    const mentions = await database.db.prisma.placeMention.findMany({
      include: { place: true, article: { select: { title: true, body: true } } },
    });
    expect(mentions.length).toBeGreaterThan(DEFAULT_ARTICLES);
    for (const mention of mentions) {
      const text = mentionText(mention.article.title, mention.article.body);
      // Spanish copy writes "Phyongan del Norte" for North Phyongan Province.
      const spellings = [mention.place.name, ...mention.place.aliases, spanishName(mention.place.name)];
      for (const surface of mention.surfaceForms) expect(spellings).toContain(surface);
      const first = mention.surfaceForms[0] ?? "";
      expect(text.slice(mention.firstOffset, mention.firstOffset + first.length)).toBe(first);
      const occurrences = mention.surfaceForms.flatMap((surface) => wordOffsets(text, surface)).sort((a, b) => a - b);
      expect(occurrences[0]).toBe(mention.firstOffset);
      expect(occurrences.length).toBeGreaterThanOrEqual(mention.count);
    }
  });

  it("credits every bylined article to its invented writer, and only those", async () => {
    const articles = await database.db.prisma.article.findMany({
      select: { byline: true, authorships: { select: { position: true, person: { select: { name: true, description: true } } } } },
    });
    const bylined = articles.filter((article) => article.byline !== null);
    expect(bylined.length).toBeGreaterThan(0);
    for (const article of articles) {
      if (article.byline === null) {
        expect(article.authorships).toEqual([]);
      } else {
        expect(article.authorships).toEqual([{ position: 0, person: { name: article.byline, description: BYLINE_WRITER_DESCRIPTION } }]);
      }
    }
  });

  it("does not seed again, nor write anything, when the database already has articles", async () => {
    database.resetStatements();
    const again = await seedDemoCorpus(database.db.prisma);
    expect(again).toEqual({ ...result, seeded: false });
    expect(database.statements.filter((sql) => /^\s*(insert|update|delete)/i.test(sql))).toEqual([]);
  });

  describe("on a second fresh database", () => {
    let second: TestDatabase;

    beforeAll(async () => {
      second = await createTestDatabase();
    });

    afterAll(async () => {
      await second?.destroy();
    });

    it("rejects a malformed article count or seed before writing anything", async () => {
      await expect(seedDemoCorpus(second.db.prisma, { articles: 0 })).rejects.toThrow(/whole number of articles/);
      await expect(seedDemoCorpus(second.db.prisma, { seed: -1 })).rejects.toThrow(/seed must be a whole number/);
      expect(await second.db.prisma.person.count()).toBe(0);
      expect(await second.db.prisma.article.count()).toBe(0);
    });

    it("writes the same articles, text and mentions for the same seed", async () => {
      await seedDemoCorpus(second.db.prisma);
      const [first, repeat] = await Promise.all([corpusOf(database), corpusOf(second)]);
      expect(repeat.length).toBe(DEFAULT_ARTICLES + STUBS);
      expect(repeat).toEqual(first);
    });
  });

  it("writes a different corpus for a different seed", () => {
    const tables = { persons: PERSONS, places: PLACES };
    const usual = generateDemoCorpus(tables, { articles: 40 });
    const other = generateDemoCorpus(tables, { articles: 40, seed: 7 });
    expect(other.articles.map((article) => article.title)).not.toEqual(usual.articles.map((article) => article.title));
  });
});
