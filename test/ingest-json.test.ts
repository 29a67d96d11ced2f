// JSON Lines and JSON arrays, plain or gzip, through the ingest command into a database; and the
// field mapping on real lines of both ../shared/data files.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { useIngestHarness } from "./helpers/ingest.ts";

const DATA = path.resolve(import.meta.dirname, "../../shared/data");
const KCNA = path.join(DATA, "kcna-1997-2018.jsonl.gz");
const RODONG = path.join(DATA, "rodong-sinmun-2021-2022.jsonl");
const fixtures = path.join(import.meta.dirname, "fixtures/ingest");
const harness = useIngestHarness("ingest-json");
const { ingest, scratch } = harness;

async function firstLines(file: string, count: number): Promise<string[]> {
  const input = fs.createReadStream(file);
  const text = file.endsWith(".gz") ? input.pipe(zlib.createGunzip()) : input;
  const lines: string[] = [];
  for await (const line of readline.createInterface({ input: text, crlfDelay: Infinity })) {
    lines.push(line);
    if (lines.length === count) break;
  }
  input.destroy();
  return lines;
}

describe("JSON inputs", () => {
  it("read JSON Lines, with --source for records that name none", async () => {
    const run = await ingest(["--source", "Rodong Sinmun", path.join(fixtures, "articles.jsonl")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/read 3, inserted 3, updated 0, unchanged 0, stubs 0, rejected 0/);

    const spanish = await harness.db.prisma.article.findUniqueOrThrow({
      where: { originalUrl: "http://example.org/kcna/2018/04/21/1" },
      include: { source: true },
    });
    expect(spanish).toMatchObject({ title: "Delegacion llega a Pyongyang", language: "es", publishedAt: new Date("2018-04-21T00:00:00.000Z") });
    expect(spanish.source).toMatchObject({ label: "KCNA", name: "KCNA", slug: "kcna", language: "en", agency: "Korean Central News Agency" });

    const rodong = await harness.db.prisma.article.findUniqueOrThrow({
      where: { originalUrl: "http://example.org/rodong/2021-07-12-0003" },
      include: { source: true, authorships: true },
    });
    expect(rodong).toMatchObject({
      title: "Meeting Held in Pyongyang",
      body: "A meeting was held in Pyongyang on Sunday.\n\nKim Il Sung University sent a delegation.",
      byline: "Political News Team",
      wordCount: 15,
      language: "en",
    });
    expect(rodong.source).toMatchObject({ label: "Rodong Sinmun", slug: "rodong-sinmun", homepage: "http://www.rodong.rep.kp" });
    // A desk is a byline, not a person.
    expect(rodong.authorships).toEqual([]);
  });

  it("read JSON arrays, creating sources for new labels from the label and the outlets table", async () => {
    const run = await ingest([path.join(fixtures, "articles.json")]);
    expect(run.stdout).toMatch(/read 2, inserted 2/);
    const hamhung = await harness.db.prisma.article.findUniqueOrThrow({ where: { originalUrl: "http://example.org/array/1" }, include: { source: true } });
    expect(hamhung.source).toMatchObject({ label: "Voice of Korea (Es)", name: "Voice of Korea", language: "es", slug: "voice-of-korea-es", country: "KP" });
    const chongjin = await harness.db.prisma.article.findUniqueOrThrow({
      where: { originalUrl: "http://example.org/array/2" },
      include: { authorships: { include: { person: true }, orderBy: { position: "asc" } } },
    });
    expect(chongjin.authorships.map((authorship) => authorship.person.name)).toEqual(["Kim Ok Sun", "Ri Chol"]);
  });

  it("read gzip recognised by its bytes, from a file or from standard input", async () => {
    const record = (n: number) =>
      JSON.stringify({
        title: `Compressed Report ${n}`,
        date: `2020-01-0${n}`,
        url: `http://example.org/gz/${n}`,
        source: "KCNA",
        body: `Report ${n} from Pyongyang.`,
      });
    const file = path.join(scratch, "compressed.jsonl");
    fs.writeFileSync(file, zlib.gzipSync(`${record(1)}\n${record(2)}\n`));
    expect((await ingest([file])).stdout).toMatch(/read 2, inserted 2/);

    const fromStdin = await ingest(["-"], { stdin: Readable.from([zlib.gzipSync(`${record(3)}\n`)]) });
    expect(fromStdin.stdout).toMatch(/read 1, inserted 1/);
    expect(await harness.db.prisma.article.count({ where: { title: { startsWith: "Compressed Report" } } })).toBe(3);
  });
});

describe.skipIf(!fs.existsSync(KCNA) || !fs.existsSync(RODONG))("the field mapping on ../shared/data", () => {
  it("reads KCNA and Rodong Sinmun lines with one mapping", async () => {
    const kcnaLines = await firstLines(KCNA, 3);
    const rodongLines = await firstLines(RODONG, 3);
    const kcnaFile = path.join(scratch, "kcna-sample.jsonl");
    const rodongFile = path.join(scratch, "rodong-sample.jsonl");
    fs.writeFileSync(kcnaFile, `${kcnaLines.join("\n")}\n`);
    fs.writeFileSync(rodongFile, `${rodongLines.join("\n")}\n`);

    const run = await ingest(["--source", "Rodong Sinmun", kcnaFile, rodongFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/read 6, inserted 6/);

    for (const line of kcnaLines) {
      const record = JSON.parse(line) as { url: string; title: string; date: string; body: string; language: string };
      const article = await harness.db.prisma.article.findUniqueOrThrow({ where: { originalUrl: record.url }, include: { source: true } });
      expect(article.title).toBe(record.title.trim());
      expect(article.publishedAt).toEqual(new Date(`${record.date}T00:00:00.000Z`));
      expect(article.language).toBe(record.language);
      expect(article.source.label).toBe("KCNA");
      expect(article.body!.split("\n\n")).toEqual(
        record.body
          .split("\n")
          .map((paragraph) => paragraph.trim())
          .filter(Boolean),
      );
    }
    for (const line of rodongLines) {
      const record = JSON.parse(line) as { url: string; title: string; date: string; content: string[] };
      const article = await harness.db.prisma.article.findUniqueOrThrow({ where: { originalUrl: record.url }, include: { source: true } });
      expect(article.title).toBe(record.title.trim());
      expect(article.publishedAt).toEqual(new Date(`${record.date}T00:00:00.000Z`));
      expect(article.source.label).toBe("Rodong Sinmun");
      expect(article.body!.split("\n\n").slice(0, record.content.length)).toEqual(record.content.map((paragraph) => paragraph.trim()));
    }
  });
});
