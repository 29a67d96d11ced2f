// The ingest readers and their helpers, without a database: page parsing, JSON streaming, format
// and gzip detection, the field mapping, globs, arguments.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseIngestArgs } from "../src/ingest/args.ts";
import { looksLikeCredit, looksLikePersonName, splitCredit } from "../src/ingest/byline.ts";
import { parseDayMonthYear, parseMonthDayYear, parseRecordDate } from "../src/ingest/dates.ts";
import { UsageError } from "../src/ingest/errors.ts";
import { articleSlugBase, identify } from "../src/ingest/identity.ts";
import { expandGlob, globToRegExp } from "../src/ingest/input/glob.ts";
import { expandInputs } from "../src/ingest/input/inputs.ts";
import { splitJsonArray } from "../src/ingest/input/json-array.ts";
import { decodeUtf8, gunzipIfCompressed, splitLines } from "../src/ingest/input/streams.ts";
import type { ReaderItem, RecordDefaults } from "../src/ingest/readers/items.ts";
import { mapJsonRecord } from "../src/ingest/readers/json-record.ts";
import { parsePage } from "../src/ingest/readers/page.ts";
import { detectFormat, readInput } from "../src/ingest/readers/read-input.ts";
import { parseSourceLabel, sourceSlugBase } from "../src/ingest/source-label.ts";
import { countWords } from "../src/ingest/text.ts";
import { articleRecord } from "./helpers/records.ts";

const fixtures = path.join(import.meta.dirname, "fixtures/ingest");
const noDefaults: RecordDefaults = { source: null, language: null };

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function pageLines(text: string) {
  return text.split("\n").map((line, index) => ({ text: line, number: index + 1, offset: 0, truncated: false }));
}

async function readFile(file: string, defaults = noDefaults): Promise<ReaderItem[]> {
  const stat = fs.statSync(file);
  return collect(
    readInput({ kind: "file", name: path.basename(file), path: file, size: stat.size }, { stdin: Readable.from([]), defaults, onBytes: () => {} }),
  );
}

function records(items: ReaderItem[]) {
  return items.flatMap((item) => (item.kind === "record" ? [item.record] : []));
}

describe("the page reader", () => {
  const page = fs.readFileSync(path.join(fixtures, "listing-page.txt"), "utf8");

  it("reads title, dates, label, paragraphs and byline of the article", () => {
    const [article] = records(parsePage(pageLines(page), { file: "page.txt", defaultLanguage: null }));
    expect(article).toMatchObject({
      title: "Orchard Harvest Gathers Pace in Kwail County",
      publishedAt: "2024-03-02",
      listedAt: new Date("2024-03-03T00:00:00.000Z"),
      sourceLabel: "The Pyongyang Times (En)",
      language: "en",
      byline: ["Ri Chol Min"],
      isStub: false,
      teaser: null,
      originalUrl: null,
      origin: { file: "page.txt", line: 4 },
    });
    expect(article!.paragraphs).toEqual([
      "Farmers of the Kwail County orchard in South Hwanghae Province are busy picking apples this week.",
      "Kim Jong Un visited the orchard last year and praised the farmers for their work.",
      "The county plans to send the harvest to Pyongyang and Nampho by the end of the month.",
    ]);
  });

  it("turns each More From item into a stub with title, teaser and listing date", () => {
    const stubs = records(parsePage(pageLines(page), { file: "page.txt", defaultLanguage: null })).slice(1);
    expect(stubs).toEqual([
      expect.objectContaining({
        title: "New Bridge Opens over Taedong River",
        teaser: "A new bridge over the Taedong River was opened in Pyongyang on March 1, easing traffic between the",
        listedAt: new Date("2024-03-02T00:00:00.000Z"),
        publishedAt: null,
        paragraphs: [],
        isStub: true,
        sourceLabel: "The Pyongyang Times (En)",
      }),
      expect.objectContaining({ title: "Students Plant Trees in Wonsan", listedAt: new Date("2024-03-01T00:00:00.000Z"), isStub: true }),
    ]);
  });

  it("rejects a page without a Date line, keeping the page as the raw record", () => {
    const text = fs.readFileSync(path.join(fixtures, "page-without-date-line.txt"), "utf8");
    const [item] = parsePage(pageLines(text), { file: "bad.txt", defaultLanguage: null });
    expect(item).toMatchObject({ kind: "reject", origin: { file: "bad.txt", line: 1 }, raw: text });
    expect(item!.kind === "reject" && item!.reason).toMatch(/no 'Date: dd\/mm\/yyyy/);
  });

  it("rejects a page whose Date line holds an impossible date", () => {
    const text = page.replace("02/03/2024", "31/02/2024");
    const items = parsePage(pageLines(text), { file: "bad.txt", defaultLanguage: null });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "reject", origin: { line: 6 } });
  });

  it("rejects a More From item without a date but keeps the other items", () => {
    const text = page.replace("March 1, 2024\n", "");
    const items = parsePage(pageLines(text), { file: "p.txt", defaultLanguage: null });
    expect(records(items).map((record) => record.title)).toEqual(["Orchard Harvest Gathers Pace in Kwail County", "New Bridge Opens over Taedong River"]);
    expect(items.filter((item) => item.kind === "reject")).toHaveLength(1);
  });

  it("reads several pages from one file, each ending at More Articles", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-pages-"));
    const listed = fs.readFileSync(path.join(fixtures, "listed-article-page.txt"), "utf8");
    fs.writeFileSync(path.join(dir, "two.txt"), `${page}\n${listed}`);
    const titles = records(await readFile(path.join(dir, "two.txt"))).map((record) => `${record.isStub ? "stub" : "article"}: ${record.title}`);
    expect(titles).toEqual([
      "article: Orchard Harvest Gathers Pace in Kwail County",
      "stub: New Bridge Opens over Taedong River",
      "stub: Students Plant Trees in Wonsan",
      "article: New Bridge Opens over Taedong River",
    ]);
  });
});

describe("the JSON readers", () => {
  it("map the KCNA and Rodong Sinmun field names alike and ignore unknown fields", async () => {
    const items = await readFile(path.join(fixtures, "articles.jsonl"), { source: "Rodong Sinmun", language: null });
    expect(records(items)).toEqual([
      expect.objectContaining({
        title: "Kim Jong Un visits Wonsan",
        publishedAt: "2018-04-20",
        originalUrl: "http://example.org/kcna/2018/04/20/1",
        sourceLabel: "KCNA",
        language: "en",
        paragraphs: ["Pyongyang, April 20 (KCNA) -- Kim Jong Un visited Wonsan.", "He inspected the construction site of the coastal tourist area."],
        origin: { file: "articles.jsonl", line: 1 },
      }),
      expect.objectContaining({ title: "Delegacion llega a Pyongyang", language: "es", sourceLabel: "KCNA" }),
      expect.objectContaining({
        title: "Meeting Held in Pyongyang",
        sourceLabel: "Rodong Sinmun",
        language: "en",
        paragraphs: ["A meeting was held in Pyongyang on Sunday.", "Kim Il Sung University sent a delegation."],
        byline: ["Political News Team"],
        origin: { file: "articles.jsonl", line: 3 },
      }),
    ]);
  });

  it("stream JSON arrays element by element, with line and offset of each", async () => {
    const items = await readFile(path.join(fixtures, "articles.json"));
    const [first, second] = records(items);
    expect(first).toMatchObject({
      title: "Art Troupe Performs in Hamhung",
      sourceLabel: "Voice of Korea (Es)",
      language: "es",
      paragraphs: ["Una compania artistica actuo en Hamhung.", 'El publico aplaudio la actuacion, con "entusiasmo" [sic].'],
      origin: { line: 2, offset: 4 },
    });
    expect(second).toMatchObject({ byline: ["Kim Ok Sun", "Ri Chol"], origin: { line: 9 } });
  });

  it("split an array the same way whatever the chunk boundaries", async () => {
    const text = fs.readFileSync(path.join(fixtures, "articles.json"), "utf8");
    const expected = (JSON.parse(text) as unknown[]).map((element) => JSON.stringify(element));
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      const elements = await collect(splitJsonArray(chunksOf(text, size), 1_000_000));
      expect(elements.map((element) => JSON.stringify(JSON.parse(element.text)))).toEqual(expected);
    }
  });

  it("split arrays of bare values and nested brackets inside strings", async () => {
    const elements = await collect(splitJsonArray(chunksOf('[1, "a]b", {"x": ["}"]}, null]', 3), 1000));
    expect(elements.map((element) => element.text)).toEqual(["1", '"a]b"', '{"x": ["}"]}', "null"]);
  });

  it("report an array element cut off by the end of the input", async () => {
    const elements = await collect(splitJsonArray(chunksOf('[{"title": "a"}, {"title": "b', 5), 1000));
    expect(elements[1]).toMatchObject({ problem: "the input ends inside this array element", text: '{"title": "b' });
  });

  it("reject records without title, with a bad date or a relative URL, saying why", () => {
    const origin = { file: "f", line: 1 };
    expect(mapJsonRecord({ body: "x", source: "KCNA" }, origin, noDefaults)).toEqual({ reason: "record has no title" });
    expect(mapJsonRecord({ title: "t", date: "2018-02-30", source: "KCNA" }, origin, noDefaults)).toEqual({ reason: 'date "2018-02-30" is not a date' });
    expect(mapJsonRecord({ title: "t", url: "index.php?x", source: "KCNA" }, origin, noDefaults)).toEqual({
      reason: 'url "index.php?x" is not an absolute http(s) URL',
    });
    expect(mapJsonRecord({ title: "t", body: "b" }, origin, noDefaults)).toEqual({ reason: "record names no source; pass --source <label>" });
    expect(mapJsonRecord([1], origin, noDefaults)).toEqual({ reason: "expected a JSON object, got an array" });
  });

  it("keep a sentence found in the byline field as the last paragraph", () => {
    const mapped = mapJsonRecord(
      { title: "t", source: "Rodong Sinmun", content: ["First paragraph."], byline: "Long live our great people!" },
      { file: "f" },
      noDefaults,
    );
    expect(mapped).toMatchObject({ record: { paragraphs: ["First paragraph.", "Long live our great people!"], byline: [] } });
  });

  it("make a record without text a stub", () => {
    const mapped = mapJsonRecord({ title: "Only a title", source: "KCNA", url: "http://example.org/1", body: "" }, { file: "f" }, noDefaults);
    expect(mapped).toMatchObject({ record: { isStub: true, paragraphs: [] } });
  });
});

describe("input handling", () => {
  it("recognises the format by content first and the file name second", () => {
    expect(detectFormat('{"title": 1}', "articles.txt")).toBe("json-lines");
    expect(detectFormat("  [\n{", "x.jsonl")).toBe("json-array");
    expect(detectFormat("March 3, 2024Mar 3, 2024\nKCNA", "page.json")).toBe("page");
    expect(detectFormat("Some title\n", "notes.txt")).toBe("page");
    expect(detectFormat("Some title\n", "dump.jsonl.gz")).toBe("json-lines");
    expect(detectFormat("Some title\n", "README.md")).toBeNull();
  });

  it("decompresses gzip recognised by its magic bytes, whatever the file is called", async () => {
    const text = "line one\nline two\r\nline three";
    const gzipped = zlib.gzipSync(text);
    const lines = await collect(splitLines(decodeUtf8(gunzipIfCompressed(Readable.from([gzipped.subarray(0, 1), gzipped.subarray(1)]))), 100));
    expect(lines.map((line) => line.text)).toEqual(["line one", "line two", "line three"]);
    const plain = await collect(decodeUtf8(gunzipIfCompressed(Readable.from([Buffer.from(text)]))));
    expect(plain.join("")).toBe(text);
  });

  it("cuts lines longer than the limit and flags them", async () => {
    const lines = await collect(splitLines(chunksOf("short\nxxxxxxxxxx\nend", 3), 4));
    expect(lines.map((line) => [line.text, line.truncated, line.number])).toEqual([
      ["shor", true, 1],
      ["xxxx", true, 2],
      ["end", false, 3],
    ]);
  });

  it("expands folders recursively and globs, and rejects inputs that name nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-inputs-"));
    fs.mkdirSync(path.join(dir, "a/b"), { recursive: true });
    for (const file of ["a/one.jsonl", "a/b/two.jsonl.gz", "a/b/page.txt", "a/notes.md", "a/.hidden.jsonl"]) fs.writeFileSync(path.join(dir, file), "{}");
    const names = (inputs: Awaited<ReturnType<typeof expandInputs>>) => inputs.map((input) => input.name);
    expect(names(await expandInputs(["a"], dir))).toEqual(["a/b/page.txt", "a/b/two.jsonl.gz", "a/one.jsonl"]);
    expect(names(await expandInputs(["a/**/*.jsonl*"], dir))).toEqual(["a/b/two.jsonl.gz", "a/one.jsonl"]);
    expect(await expandGlob("a/*.md", dir)).toEqual(["a/notes.md"]);
    expect(names(await expandInputs(["-", "a/one.jsonl", "a/one.jsonl"], dir))).toEqual(["-", "a/one.jsonl"]);
    await expect(expandInputs(["missing.jsonl"], dir)).rejects.toThrow("missing.jsonl: no such file or folder.");
    await expect(expandInputs(["a/*.csv"], dir)).rejects.toThrow("a/*.csv: the pattern matches no files.");
  });

  it("matches globs the way a shell does", () => {
    expect(globToRegExp("*.{json,jsonl}").test("a.jsonl")).toBe(true);
    expect(globToRegExp("*.jsonl").test("dir/a.jsonl")).toBe(false);
    expect(globToRegExp("**/*.txt").test("a.txt")).toBe(true);
    expect(globToRegExp("**/*.txt").test("x/y/a.txt")).toBe(true);
    expect(globToRegExp("page-[!0-4].txt").test("page-7.txt")).toBe(true);
    expect(globToRegExp("page-[!0-4].txt").test("page-3.txt")).toBe(false);
  });
});

describe("fields derived from records", () => {
  it("parses the date forms pages and feeds use, checking the calendar", () => {
    expect(parseDayMonthYear("21/01/2023")).toBe("2023-01-21");
    expect(parseDayMonthYear("29/02/2023")).toBeNull();
    expect(parseMonthDayYear("February 16, 2026Feb 16, 2026")).toBe("2026-02-16");
    expect(parseMonthDayYear("Feb 16, 2026")).toBe("2026-02-16");
    expect(parseRecordDate("2021-07-23T13:22:35+00:00")).toBe("2021-07-23");
    expect(parseRecordDate("yesterday")).toBeNull();
  });

  it("derives source name, edition language and slug from a label", () => {
    expect(parseSourceLabel("Naenara (En)")).toMatchObject({ label: "Naenara (En)", name: "Naenara", edition: "en" });
    expect(sourceSlugBase(parseSourceLabel("Naenara (En)"))).toBe("naenara");
    expect(sourceSlugBase(parseSourceLabel("Voice of Korea (Es)"))).toBe("voice-of-korea-es");
    expect(parseSourceLabel("KCNA")).toMatchObject({ name: "KCNA", edition: null, outlet: expect.objectContaining({ homepage: "http://www.kcna.kp" }) });
    expect(parseSourceLabel("Some New Outlet (Fr)")).toMatchObject({ name: "Some New Outlet", edition: "fr", outlet: null });
  });

  it("tells names from desks and sentences in bylines", () => {
    expect(looksLikeCredit("Yang Ryon Hui")).toBe(true);
    expect(looksLikeCredit("Political News Team")).toBe(true);
    expect(looksLikeCredit("Long live our great people!")).toBe(false);
    expect(looksLikePersonName("Yang Ryon Hui")).toBe(true);
    expect(looksLikePersonName("Ri Pyong-chol")).toBe(true);
    expect(looksLikePersonName("Political News Team")).toBe(false);
    expect(splitCredit("By Kim Ok Sun and Ri Chol")).toEqual(["Kim Ok Sun", "Ri Chol"]);
  });

  it("counts words, hashes content and cuts long slugs at a word", () => {
    expect(countWords("Pyongyang, March 3 (KCNA) -- The  delegation left.")).toBe(7);
    const record = articleRecord({ title: "T", paragraphs: ["a b", "c"] });
    const identified = identify(record, "");
    expect(identified.body).toBe("a b\n\nc");
    expect(identified.wordCount).toBe(3);
    expect(identify({ ...record, paragraphs: ["a b", "c "] }, "").contentHash).not.toBe(identify({ ...record, paragraphs: ["a", "b c"] }, "").contentHash);
    const slug = articleSlugBase("Respected Comrade Kim Jong Un Meets and Congratulates Creators and Artistes of Major Art Troupes Again");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^respected-comrade-kim-jong-un-.*[a-z]$/);
  });
});

describe("command-line arguments", () => {
  it("reads flags and inputs", () => {
    expect(parseIngestArgs(["--source", "Rodong Sinmun", "--language", "EN", "--batch-size", "50", "--quiet", "a.jsonl", "-"])).toEqual({
      help: false,
      inputs: ["a.jsonl", "-"],
      source: "Rodong Sinmun",
      language: "en",
      rejectsPath: null,
      batchSize: 50,
      quiet: true,
    });
  });

  it("refuses unknown flags, bad values and a missing input with a usage error", () => {
    expect(() => parseIngestArgs(["--sauce", "x", "a"])).toThrow(UsageError);
    expect(() => parseIngestArgs(["--batch-size", "0", "a"])).toThrow("--batch-size must be a whole number from 1 to 5000");
    expect(() => parseIngestArgs(["--language", "english!", "a"])).toThrow("--language must be an ISO 639-1 code");
    expect(() => parseIngestArgs([])).toThrow("No inputs given");
    expect(parseIngestArgs(["--help"]).help).toBe(true);
  });
});
