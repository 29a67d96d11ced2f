// The ingest command run in process against a test database, for the ingest test files: each
// file gets its own migrated database and scratch folder, and every run's exit code and output.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { type CommandIO, runIngest } from "../../src/ingest/command.ts";
import type { IngestHooks } from "../../src/ingest/pipeline.ts";
import { type TestDatabase, createTestDatabase } from "./database.ts";

/** What one run of the command left behind, as a user at a terminal would see it. */
export interface IngestRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface IngestRunOptions {
  /** Standard input (default: empty), for "-" inputs. */
  stdin?: Readable;
  /** Folder for relative paths and the default rejects file (default: the harness's scratch folder). */
  cwd?: string;
  hooks?: IngestHooks;
}

/** Streams for one command run: stdin (empty unless given), stdout and stderr collected as text. */
export function captureIO(stdin: Readable = Readable.from([])): { io: CommandIO; stdout(): string; stderr(): string } {
  const collect = () => {
    const chunks: string[] = [];
    return {
      stream: new Writable({
        write: (chunk, _encoding, done) => {
          chunks.push(String(chunk));
          done();
        },
      }),
      text: () => chunks.join(""),
    };
  };
  const stdout = collect();
  const stderr = collect();
  return { io: { stdin, stdout: stdout.stream, stderr: stderr.stream }, stdout: stdout.text, stderr: stderr.text };
}

/**
 * Registers beforeAll/afterAll hooks that open a fresh migrated database (PGlite in memory, or
 * PostgreSQL under TEST_DATABASE_URL) and remove it and the scratch folder afterwards. Call it at
 * the top level of a test file; read `db` only inside tests and hooks, once the database is open.
 */
export function useIngestHarness(scratchPrefix: string) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${scratchPrefix}-`));
  // Fixed rather than the command's timestamped default, so tests can look for it.
  const rejectsPath = path.join(scratch, "rejects.jsonl");
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  function db(): Database {
    if (!database) throw new Error("the test database opens in beforeAll: read harness.db inside a test or hook");
    return database.db;
  }

  /** The command exactly as given `argv`, writing into the test database, which it leaves open. */
  async function run(argv: string[], options: IngestRunOptions = {}): Promise<IngestRun> {
    const captured = captureIO(options.stdin);
    const code = await runIngest(argv, captured.io, {
      open: async () => db(),
      closeWhenDone: false,
      cwd: options.cwd ?? scratch,
      hooks: options.hooks,
    });
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  }

  return {
    scratch,
    rejectsPath,
    get db() {
      return db();
    },
    run,
    /** The command as most tests want it: no progress lines, rejects to `rejectsPath`. */
    ingest: (argv: string[], options?: IngestRunOptions) => run(["--quiet", "--rejects", rejectsPath, ...argv], options),
  };
}
