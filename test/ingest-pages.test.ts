// Article pages through the ingest command into a database: the real seed page field by field,
// its "More From" stubs, and stubs upgraded in place when their text arrives.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type IngestRun, useIngestHarness } from "./helpers/ingest.ts";

const SEED = path.resolve(import.meta.dirname, "../../shared/seeds/000_5080696ffac5501b.txt");
const fixtures = path.join(import.meta.dirname, "fixtures/ingest");
const harness = useIngestHarness("ingest-pages");
const { ingest, rejectsPath, scratch } = harness;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe.skipIf(!fs.existsSync(SEED))("the seed page (../shared/seeds)", () => {
  const LISTED = [
    ["Friendship Gathering for Chinese Embassy Officials Held", "2026-02-16"],
    ["Paektusan Secret Camp", "2026-02-16"],
    ["Undying Patriotic Achievements", "2026-02-16"],
    ["Congratulatory Group of Koreans in Japan Arrives", "2026-02-16"],
    ["Art Festival for Celebrating February 16 Held in DPRK", "2026-02-16"],
    ["Korean Women Celebrate Birthday of Chairman Kim Jong Il", "2026-02-15"],
    ["Korean People Benefit from Advanced Medical Service", "2026-02-15"],
    ["Joy of Enjoyment", "2026-02-15"],
    ["Reflecting People’s Intentions and Wishes in Policies", "2026-02-14"],
    ["25th National Youth and Children’s Festival of Loyalty Opens in DPRK", "2026-02-14"],
    ["Photo Exhibitions Go On in DPRK", "2026-02-14"],
    ["Chinese Ambassador to DPRK Gives Reception", "2026-02-14"],
    ["New Intensive Rice Cleaning Line Established", "2026-02-13"],
    ["Ever-developing Light Industry", "2026-02-13"],
    ["Mausoleum of King Kogugwon", "2026-02-13"],
  ] as const;

  let firstRun: IngestRun;
  beforeAll(async () => {
    firstRun = await ingest([SEED]);
  });

  it("goes in with exit code 0 and a summary of one article and fifteen stubs", () => {
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout).toMatch(/^ingest: read 16, inserted 1, updated 0, unchanged 0, stubs 15, rejected 0, elapsed [\d.]+ s, [\d,]+ articles\/s\n$/);
    expect(fs.existsSync(rejectsPath)).toBe(false);
  });

  it("stores the article with its title, dates, source, language, author and paragraphs", async () => {
    const article = await harness.db.prisma.article.findFirstOrThrow({
      where: { title: "Mass Movement Promotes Socialist Construction" },
      include: { source: true, authorships: { include: { person: true } } },
    });
    expect(article.isStub).toBe(false);
    expect(article.publishedAt).toEqual(day("2023-01-21"));
    expect(article.listedAt).toEqual(day("2026-02-16"));
    expect(article.language).toBe("en");
    expect(article.slug).toBe("mass-movement-promotes-socialist-construction");
    expect(article.originalUrl).toBeNull();
    expect(article.byline).toBe("Yang Ryon Hui");
    expect(article.source).toMatchObject({ name: "Naenara", label: "Naenara (En)", slug: "naenara", language: "en", country: "KP" });
    expect(article.authorships.map((authorship) => [authorship.person.name, authorship.position])).toEqual([["Yang Ryon Hui", 0]]);

    // The page's paragraphs are the non-blank lines between the Date line and the byline.
    const lines = fs.readFileSync(SEED, "utf8").split("\n");
    const start = lines.findIndex((line) => line.startsWith("Date: 21/01/2023 | Source: Naenara (En)"));
    const end = lines.indexOf("Yang Ryon Hui");
    const onPage = lines.slice(start + 1, end).filter((line) => line.trim() !== "");
    const stored = article.body!.split("\n\n");
    expect(stored).toEqual(onPage);
    expect(stored).toHaveLength(14);
    expect(stored[0]).toMatch(
      /^The socialist patriotic movement and the revolutionary mass movement are now in full swing in the Democratic People’s Republic of Korea/,
    );
    expect(stored[13]).toMatch(/gives wisdom and courage to them\.$/);
    expect(article.wordCount).toBe(article.body!.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length);
  });

  it("stores one stub per More From item with its title, teaser and listing date", async () => {
    const stubs = await harness.db.prisma.article.findMany({
      where: { isStub: true, source: { label: "Naenara (En)" } },
      orderBy: { id: "asc" },
      include: { source: true },
    });
    expect(stubs.map((stub) => [stub.title, stub.listedAt])).toEqual(LISTED.map(([title, listed]) => [title, day(listed)]));
    for (const stub of stubs) {
      expect(stub).toMatchObject({ body: null, publishedAt: null, wordCount: 0, language: "en", originalUrl: null });
      expect(stub.teaser).toBeTruthy();
    }
    expect(stubs[0]!.teaser).toBe(
      "A friendship gathering for staff members of the Chinese embassy in Pyongyang took place at the Wonsan Kalma Coastal Tourist Area",
    );
    expect(stubs[14]!.teaser).toBe(
      "The Mausoleum of King Kogugwon, also known as Anak Tomb No. 3, is located in Oguk-ri, Anak County, South Hwanghae Province.",
    );
  });

  it("links the people and places the article names, with counts, spellings and first offsets", async () => {
    const article = await harness.db.prisma.article.findFirstOrThrow({
      where: { title: "Mass Movement Promotes Socialist Construction" },
      include: { personLinks: { include: { person: true } }, placeLinks: { include: { place: true } } },
    });
    const kim = article.personLinks.find((link) => link.person.name === "Kim Jong Un");
    expect(kim).toMatchObject({ count: 2, surfaceForms: ["Kim Jong Un"] });
    expect(article.body!.slice(kim!.firstOffset, kim!.firstOffset + "Kim Jong Un".length)).toBe("Kim Jong Un");
    expect(article.placeLinks.map((link) => link.place.name)).toContain("Pyongyang");
  });

  it("changes nothing when the page is ingested again", async () => {
    const before = await harness.db.prisma.article.findMany({ orderBy: { id: "asc" } });
    const again = await ingest([SEED]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/read 16, inserted 0, updated 0, unchanged 16, stubs 0, rejected 0/);
    expect(await harness.db.prisma.article.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("stubs", () => {
  it("are upgraded in place when a page with their text is ingested later", async () => {
    expect((await ingest([path.join(fixtures, "listing-page.txt")])).code).toBe(0);
    const stub = await harness.db.prisma.article.findFirstOrThrow({ where: { title: "New Bridge Opens over Taedong River" } });
    expect(stub).toMatchObject({ isStub: true, body: null, listedAt: day("2024-03-02") });

    const upgrade = await ingest([path.join(fixtures, "listed-article-page.txt")]);
    expect(upgrade.stdout).toMatch(/read 1, inserted 0, updated 1, unchanged 0, stubs 0, rejected 0/);
    const articles = await harness.db.prisma.article.findMany({
      where: { title: "New Bridge Opens over Taedong River" },
      include: { authorships: { include: { person: true } }, placeLinks: { include: { place: true } } },
    });
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article).toMatchObject({
      id: stub.id,
      slug: stub.slug,
      isStub: false,
      publishedAt: day("2024-03-01"),
      // The listing's teaser stays; the page's own listing date replaces the stub's.
      teaser: stub.teaser,
      listedAt: day("2024-03-04"),
      body: "A new bridge over the Taedong River was opened in Pyongyang on March 1, easing traffic between the two banks of the city.\n\nBuilders finished the work two months ahead of schedule.",
    });
    expect(article!.authorships.map((authorship) => authorship.person.name)).toEqual(["Kang Song Ae"]);
    expect(article!.placeLinks.map((link) => link.place.name)).toContain("Pyongyang");
  });

  it("are upgraded in place by a JSON record with the same source and title, which adds its URL", async () => {
    const stub = await harness.db.prisma.article.findFirstOrThrow({ where: { title: "Students Plant Trees in Wonsan" } });
    const file = path.join(scratch, "full-text.jsonl");
    fs.writeFileSync(
      file,
      `${JSON.stringify({
        title: "Students Plant Trees in Wonsan",
        source: "The Pyongyang Times (En)",
        date: "2024-02-29",
        url: "http://example.org/pt/trees",
        body: "Students of schools in Wonsan planted thousands of saplings on the hills around the city on Thursday.",
      })}\n`,
    );
    expect((await ingest([file])).stdout).toMatch(/updated 1/);
    const articles = await harness.db.prisma.article.findMany({ where: { title: "Students Plant Trees in Wonsan" } });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ id: stub.id, isStub: false, originalUrl: "http://example.org/pt/trees", listedAt: day("2024-03-01") });
  });

  it("already known are not listed twice, and never replace an article's text", async () => {
    const again = await ingest([path.join(fixtures, "listing-page.txt")]);
    expect(again.stdout).toMatch(/read 3, inserted 0, updated 0, unchanged 3, stubs 0, rejected 0/);
    expect(await harness.db.prisma.article.count({ where: { title: "New Bridge Opens over Taedong River" } })).toBe(1);
    expect(await harness.db.prisma.article.findFirstOrThrow({ where: { title: "New Bridge Opens over Taedong River" } })).toMatchObject({ isStub: false });
  });
});
