// Running the ingest command again: the same input changes nothing, a changed body updates its
// article and replaces its extracted links, and a run that dies mid-way is finished by a rerun
// without duplicates or half-written articles.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useIngestHarness } from "./helpers/ingest.ts";

const fixtures = path.join(import.meta.dirname, "fixtures/ingest");
const harness = useIngestHarness("ingest-again");
const { ingest, scratch } = harness;

function writeJsonLines(name: string, records: object[]): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, records.map((record) => `${JSON.stringify(record)}\n`).join(""));
  return file;
}

const TABLES = ["Source", "Article", "Person", "Place", "Authorship", "PersonMention", "PlaceMention"] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await harness.db.prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = row!.count;
  }
  return counts;
}

describe("ingesting the same input twice", () => {
  it("reports everything unchanged the second time and changes no row", async () => {
    const inputs = [
      "--source",
      "Rodong Sinmun",
      path.join(fixtures, "listing-page.txt"),
      path.join(fixtures, "articles.jsonl"),
      path.join(fixtures, "articles.json"),
    ];
    const first = await ingest(inputs);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/read 8, inserted 6, updated 0, unchanged 0, stubs 2, rejected 0/);
    const counts = await rowCounts();
    const articles = await harness.db.prisma.article.findMany({ orderBy: { id: "asc" } });
    const mentions = await harness.db.prisma.placeMention.findMany({ orderBy: [{ articleId: "asc" }, { placeId: "asc" }] });

    const second = await ingest(inputs);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/read 8, inserted 0, updated 0, unchanged 8, stubs 0, rejected 0/);
    expect(await rowCounts()).toEqual(counts);
    expect(await harness.db.prisma.article.findMany({ orderBy: { id: "asc" } })).toEqual(articles);
    expect(await harness.db.prisma.placeMention.findMany({ orderBy: [{ articleId: "asc" }, { placeId: "asc" }] })).toEqual(mentions);
  });
});

describe("article slugs", () => {
  it("come from the title, with -2, -3 ... across a batch and against stored rows", async () => {
    const record = (n: number) => ({
      title: "New Year Editorial",
      date: `200${n}-01-01`,
      url: `http://example.org/editorial/${n}`,
      source: "KCNA",
      body: `Editorial ${n}.`,
    });
    await ingest([writeJsonLines("editorials-1.jsonl", [record(1), record(2), record(3)])]);
    await ingest([writeJsonLines("editorials-2.jsonl", [record(4), record(5)])]);
    const slugs = await harness.db.prisma.article.findMany({ where: { title: "New Year Editorial" }, orderBy: { publishedAt: "asc" }, select: { slug: true } });
    expect(slugs.map((row) => row.slug)).toEqual([
      "new-year-editorial",
      "new-year-editorial-2",
      "new-year-editorial-3",
      "new-year-editorial-4",
      "new-year-editorial-5",
    ]);
  });
});

describe("a changed body", () => {
  const url = "http://example.org/changed/1";
  const version = (body: string) => ({ title: "Leader Visits Factory", date: "2015-06-01", url, source: "KCNA", language: "en", body });

  it("updates the article in place and replaces its extracted mentions, keeping an editor's", async () => {
    await ingest([writeJsonLines("v1.jsonl", [version("Kim Jong Un visited a factory in Hamhung.\nHe praised its workers.")])]);
    const before = await harness.db.prisma.article.findUniqueOrThrow({
      where: { originalUrl: url },
      include: { personLinks: { include: { person: true } }, placeLinks: { include: { place: true } } },
    });
    expect(before.personLinks.map((link) => link.person.name)).toEqual(["Kim Jong Un"]);
    expect(before.placeLinks.map((link) => link.place.name)).toEqual(["Hamhung City"]);
    const editorsPick = await harness.db.prisma.person.findFirstOrThrow({ where: { name: "Kim Yong Nam" } });
    await harness.db.prisma.personMention.create({ data: { articleId: before.id, personId: editorsPick.id, origin: "EDITOR", surfaceForms: [] } });

    const run = await ingest([writeJsonLines("v2.jsonl", [version("Kim Il Sung visited a factory in Sinuiju and a farm in Sinuiju.")])]);
    expect(run.stdout).toMatch(/read 1, inserted 0, updated 1, unchanged 0/);
    const after = await harness.db.prisma.article.findUniqueOrThrow({
      where: { originalUrl: url },
      include: { personLinks: { include: { person: true } }, placeLinks: { include: { place: true } } },
    });
    expect(after.id).toBe(before.id);
    expect(after.slug).toBe(before.slug);
    expect(after.body).toBe("Kim Il Sung visited a factory in Sinuiju and a farm in Sinuiju.");
    expect(after.wordCount).toBe(13);
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.personLinks.map((link) => [link.person.name, link.origin]).sort()).toEqual([
      ["Kim Il Sung", "EXTRACTED"],
      ["Kim Yong Nam", "EDITOR"],
    ]);
    expect(after.placeLinks.map((link) => [link.place.name, link.count])).toEqual([["Sinuiju City", 2]]);
    expect(await harness.db.prisma.article.count({ where: { originalUrl: url } })).toBe(1);

    expect((await ingest([path.join(scratch, "v2.jsonl")])).stdout).toMatch(/read 1, inserted 0, updated 0, unchanged 1/);
  });
});

describe("a run that dies mid-way", () => {
  const records = Array.from({ length: 23 }, (_, n) => ({
    title: `Crash Test Report ${n + 1}`,
    date: "2016-03-01",
    url: `http://example.org/crash/${n + 1}`,
    source: "KCNA",
    body: `Report number ${n + 1} was filed in Pyongyang.\nIt names Kim Jong Un.`,
  }));

  let storedBeforeRerun = 0;

  async function storedReports() {
    return harness.db.prisma.article.findMany({
      where: { title: { startsWith: "Crash Test Report" } },
      include: { personLinks: true, placeLinks: true },
      orderBy: { id: "asc" },
    });
  }

  it("keeps the batches committed before it died and no part of the one it died in", async () => {
    const file = writeJsonLines("crash.jsonl", records);
    const crash = await ingest(["--batch-size", "5", file], {
      hooks: {
        beforeCommit: (batch) => {
          if (batch === 3) throw new Error("simulated crash");
        },
      },
    });
    expect(crash.code).toBe(1);
    expect(crash.stdout).toBe("");
    expect(crash.stderr).toBe("ingest: run aborted in batch 3: simulated crash\n");
    // Batches 1 and 2 committed before; the batch written alongside 3 may have committed too.
    const stored = await storedReports();
    const titles = stored.map((article) => article.title);
    expect(titles).toEqual(expect.arrayContaining(records.slice(0, 10).map((record) => record.title)));
    for (const record of records.slice(10, 15)) expect(titles).not.toContain(record.title);
    storedBeforeRerun = stored.length;
    for (const article of stored) {
      expect(article.personLinks).toHaveLength(1);
      expect(article.placeLinks).toHaveLength(1);
    }
  });

  it("is finished by a rerun, without duplicates", async () => {
    const rerun = await ingest(["--batch-size", "5", path.join(scratch, "crash.jsonl")]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`read 23, inserted ${23 - storedBeforeRerun}, updated 0, unchanged ${storedBeforeRerun}, stubs 0, rejected 0`));
    const stored = await storedReports();
    expect(stored.map((article) => article.originalUrl).sort()).toEqual(records.map((record) => record.url).sort());
    for (const article of stored) {
      expect(article.personLinks).toHaveLength(1);
      expect(article.placeLinks).toHaveLength(1);
    }
  });
});
