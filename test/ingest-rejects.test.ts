// What the ingest command does with bad input and bad arguments: rejected records go to the
// rejects file with file, line, reason and the raw record while the run goes on (exit 2); bad
// arguments and an unreachable database end the run with one line and exit 1.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { runIngestCommand } from "../src/ingest/command.ts";
import { type IngestRun, captureIO, useIngestHarness } from "./helpers/ingest.ts";

const fixtures = path.join(import.meta.dirname, "fixtures/ingest");
// The rejects path and the working folder are what these tests check, so they pass their own
// flags to the harness's bare `run`, each group in its own folder under the scratch one.
const harness = useIngestHarness("ingest-rejects");

function readRejects(file: string) {
  return fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { file: string; line?: number; offset?: number; reason: string; raw: string });
}

describe("rejected records", () => {
  const dir = fs.mkdtempSync(path.join(harness.scratch, "rejected-"));
  const good = (n: number) =>
    JSON.stringify({ title: `Good Record ${n}`, date: `2017-01-0${n}`, url: `http://example.org/good/${n}`, source: "KCNA", body: `Text ${n}.` });
  const malformed = '{"title": "Broken", "body": ';
  const untitled = JSON.stringify({ body: "A body without a title.", source: "KCNA" });
  let run: IngestRun;

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, "mixed.jsonl"), [good(1), malformed, untitled, good(2)].join("\n"));
    fs.copyFileSync(path.join(fixtures, "page-without-date-line.txt"), path.join(dir, "undated.txt"));
    run = await harness.run(["--quiet", "--rejects", "out/rejects.jsonl", "mixed.jsonl", "undated.txt"], { cwd: dir });
  });

  it("do not stop the run, which exits 2 and counts them", () => {
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/read 5, inserted 2, updated 0, unchanged 0, stubs 0, rejected 3/);
    expect(run.stderr).toBe(`ingest: 3 records rejected; see ${path.join(dir, "out/rejects.jsonl")}\n`);
  });

  it("are written to the rejects file with input file, line, reason and the raw record", () => {
    const rejects = readRejects(path.join(dir, "out/rejects.jsonl"));
    expect(rejects).toEqual([
      { file: "mixed.jsonl", line: 2, reason: expect.stringMatching(/^malformed JSON: /), raw: malformed },
      { file: "mixed.jsonl", line: 3, reason: "record has no title", raw: untitled },
      {
        file: "undated.txt",
        line: 1,
        reason: "page has no 'Date: dd/mm/yyyy | Source: <label>' line",
        raw: fs.readFileSync(path.join(fixtures, "page-without-date-line.txt"), "utf8").replace(/\n$/, ""),
      },
    ]);
  });

  it("leave the good records of the same file stored", async () => {
    expect(await harness.db.prisma.article.count({ where: { title: { startsWith: "Good Record" } } })).toBe(2);
  });

  it("refused by the database cost only themselves, not their batch", async () => {
    // A URL too long for its unique index: only the database can tell.
    const tooLong = JSON.stringify({ title: "Unindexable", url: `http://example.org/${randomBytes(4000).toString("hex")}`, source: "KCNA", body: "x" });
    const batch = [good(3), tooLong, good(4)].join("\n");
    fs.writeFileSync(path.join(dir, "batch.jsonl"), batch);
    const refused = await harness.run(["--quiet", "--rejects", "refused.jsonl", "batch.jsonl"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/read 3, inserted 2, updated 0, unchanged 0, stubs 0, rejected 1/);
    const [reject] = readRejects(path.join(dir, "refused.jsonl"));
    expect(reject).toMatchObject({ file: "batch.jsonl", line: 2, raw: tooLong });
    expect(reject!.reason).toMatch(/^the database refused the record: /);
  });

  it("go to rejects-<timestamp>.jsonl in the working folder by default, created only when needed", async () => {
    const cwd = fs.mkdtempSync(path.join(harness.scratch, "default-rejects-"));
    fs.writeFileSync(path.join(cwd, "clean.jsonl"), `${good(5)}\n`);
    expect((await harness.run(["--quiet", "clean.jsonl"], { cwd })).code).toBe(0);
    expect(fs.readdirSync(cwd)).toEqual(["clean.jsonl"]);

    fs.writeFileSync(path.join(cwd, "dirty.jsonl"), `${malformed}\n`);
    expect((await harness.run(["--quiet", "dirty.jsonl"], { cwd })).code).toBe(2);
    const created = fs.readdirSync(cwd).filter((name) => name.startsWith("rejects-"));
    expect(created).toEqual([expect.stringMatching(/^rejects-\d{8}T\d{6}Z\.jsonl$/)]);
  });
});

describe("fatal errors", () => {
  const dir = fs.mkdtempSync(path.join(harness.scratch, "fatal-"));

  it("bad arguments exit 1 with one line and a pointer to --help", async () => {
    const badFlag = await harness.run(["--batch-size", "0", "a.jsonl"], { cwd: dir });
    expect(badFlag).toEqual({
      code: 1,
      stdout: "",
      stderr: 'ingest: --batch-size must be a whole number from 1 to 5000, got "0".\nRun "newsgraph ingest --help" for usage.\n',
    });
    const missing = await harness.run(["missing.jsonl"], { cwd: dir });
    expect(missing).toEqual({ code: 1, stdout: "", stderr: "ingest: missing.jsonl: no such file or folder.\n" });
  });

  it("an unreachable database exits 1 with one line, no stack", async () => {
    fs.writeFileSync(path.join(dir, "one.jsonl"), "{}\n");
    const streams = captureIO();
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const code = await runIngestCommand(
        ["--quiet", "one.jsonl"],
        streams.io,
        loadConfig({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/newsgraph", DATABASE_POOL_SIZE: "1" }),
      );
      expect(code).toBe(1);
    } finally {
      process.chdir(previous);
    }
    expect(streams.stderr()).toMatch(/^ingest: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/newsgraph: connection refused\.[^\n]*\n$/);
  });

  it("--help documents the exit codes", async () => {
    const help = await harness.run(["--help"], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes:\n  0  every record went in");
    expect(help.stdout).toContain("  2  finished, but some records were rejected");
  });
});

describe("runIngestCommand", () => {
  it("opens and migrates the configured database, ingests and closes it", async () => {
    const streams = captureIO();
    const code = await runIngestCommand(["--quiet", path.join(fixtures, "listed-article-page.txt")], streams.io, loadConfig({ PGLITE_DIR: ":memory:" }));
    expect(streams.stderr()).toBe("");
    expect(code).toBe(0);
    expect(streams.stdout()).toMatch(/read 1, inserted 1/);
  });
});
