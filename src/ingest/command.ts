// `newsgraph ingest`: parses the arguments, opens and migrates the database, syncs the reference
// tables, runs the pipeline and prints one summary line. Exit codes are in args.ts (HELP).
import { refreshSearchListsIfGrown } from "../db/derived-tables.ts";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { ConfigError, type Config } from "../config.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { applyMigrations } from "../db/migrations.ts";
import { PERSONS } from "../reference/persons.ts";
import { PLACES } from "../reference/places.ts";
import { syncReferenceTables } from "../reference/sync.ts";
import { EXIT_FATAL, EXIT_OK, EXIT_REJECTED, HELP, parseIngestArgs } from "./args.ts";
import { databaseMessage, IngestAbortedError, UsageError } from "./errors.ts";
import { createExtractor } from "./extract/index.ts";
import { expandInputs } from "./input/inputs.ts";
import { ingest, type IngestHooks } from "./pipeline.ts";
import { createProgressReporter } from "./progress.ts";
import { defaultRejectsPath, RejectsFile } from "./rejects.ts";
import { formatSummary } from "./stats.ts";

export interface CommandIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** Where the command writes: the configured database, or one a test already holds open. */
export interface IngestTarget {
  /** Opens the database, migrated. */
  open(): Promise<Database>;
  /** Close it when done; false when the caller owns it. */
  closeWhenDone: boolean;
  /** Folder for relative inputs and the default rejects file (default: the process's). */
  cwd?: string;
  hooks?: IngestHooks;
}

export function runIngestCommand(argv: string[], io: CommandIO, config: Config): Promise<number> {
  return runIngest(argv, io, {
    closeWhenDone: true,
    async open() {
      const db = await openDatabase(config.database);
      try {
        await applyMigrations(db);
      } catch (error) {
        await db.close().catch(() => {});
        throw new Error(`cannot apply the database migrations: ${describeFailure(error)}`);
      }
      return db;
    },
  });
}

/** One line for a failure: the message the user can act on, never a stack. */
function describeFailure(error: unknown): string {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof IngestAbortedError) return error.message;
  const fromDatabase = databaseMessage(error);
  if (fromDatabase) return `database error: ${fromDatabase}`;
  // Prisma's own errors end with the cause ("Invalid `...` invocation: ... Message: ..."); other
  // multi-line errors (the migration engine's) start with it and append a trace.
  const lines = ((error as Error)?.message ?? String(error))
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines[0]?.startsWith("Invalid `")) return lines.at(-1)!;
  const untilTrace = lines.findIndex((line) => /^(\d+:|at )/.test(line));
  return lines.slice(0, untilTrace === -1 ? 2 : Math.min(untilTrace, 2)).join(": ") || String(error);
}

export async function runIngest(argv: string[], io: CommandIO, target: IngestTarget): Promise<number> {
  let args;
  try {
    args = parseIngestArgs(argv);
  } catch (error) {
    io.stderr.write(`ingest: ${describeFailure(error)}\nRun "newsgraph ingest --help" for usage.\n`);
    return EXIT_FATAL;
  }
  if (args.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }

  const cwd = target.cwd ?? process.cwd();
  const rejects = new RejectsFile(args.rejectsPath ? path.resolve(cwd, args.rejectsPath) : defaultRejectsPath(cwd));
  const progress = createProgressReporter({ stream: io.stderr, quiet: args.quiet });
  let db: Database | null = null;
  try {
    const inputs = await expandInputs(args.inputs, cwd);
    db = await target.open();
    const ids = await syncReferenceTables(db.prisma);
    const stats = await ingest({
      prisma: db.prisma,
      inputs,
      stdin: io.stdin,
      defaults: { source: args.source, language: args.language },
      batchSize: args.batchSize,
      reference: { persons: PERSONS, places: PLACES, personIds: ids.personIds, placeIds: ids.placeIds },
      createExtractor,
      rejects,
      onProgress: (snapshot) => progress.update(snapshot),
      ...(target.hooks ? { hooks: target.hooks } : {}),
    });
    progress.stop();
    io.stdout.write(`${formatSummary(stats)}\n`);
    const started = performance.now();
    if (await refreshSearchListsIfGrown(db.prisma)) {
      io.stdout.write(`ingest: search candidate lists rebuilt for the grown archive in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    if (stats.rejected > 0) {
      io.stderr.write(`ingest: ${stats.rejected} record${stats.rejected === 1 ? "" : "s"} rejected; see ${rejects.path}\n`);
      return EXIT_REJECTED;
    }
    return EXIT_OK;
  } catch (error) {
    progress.stop();
    io.stderr.write(`ingest: ${describeFailure(error)}\n`);
    return EXIT_FATAL;
  } finally {
    rejects.close();
    if (db && target.closeWhenDone) await db.close().catch(() => {});
  }
}
