// The one command-line entry: serve, migrate, write a migration, print or check the SDL, ingest.
// Problems the user can fix (configuration, unreachable database) print one line and exit 1.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { MigrationError, applyMigrations, createMigration } from "./db/migrations.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sdlPath = path.join(root, "schema/schema.graphql");

const USAGE = `Usage: newsgraph <command> [options]

Commands:
  serve                 Apply pending migrations, seed demo data into an empty database, serve GraphQL (default)
  migrate               Apply pending migrations to the configured database
  migration <name>      Write the next migration from the difference between migrations and schema.prisma
  schema:print          Write the printed SDL to schema/schema.graphql
  schema:check          Fail when schema/schema.graphql differs from the code
  ingest <inputs...>    Load article pages and JSON dumps (see: newsgraph ingest --help)
  stats:rebuild         Recount persons', places' and co-mention statistics from the articles
  search:rebuild        Rebuild the search candidate lists (ingest does when the archive grows by a tenth)

Environment: DATABASE_URL, PGLITE_DIR, PORT, SEED_DEMO, REDIS_URL, WEB_CONCURRENCY and the serving
settings (COST_LIMIT, RATE_LIMIT_PER_MINUTE, REQUEST_TIMEOUT_MS, ...): see README.md.`;

async function printedSchema(): Promise<string> {
  const { printSchema, lexicographicSortSchema } = await import("graphql");
  const { schema } = await import("./schema/index.ts");
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function serve(): Promise<number> {
  const config = loadConfig();
  const { createLogger } = await import("./serving/logger.ts");
  const { serve: run } = await import("./serve.ts");
  return run(config, createLogger(config.logLevel));
}

async function migrate(): Promise<number> {
  const db = await openDatabase(loadConfig().database);
  try {
    const applied = await applyMigrations(db);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  } finally {
    await db.close();
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command = "serve", ...rest] = argv;
  switch (command) {
    case "serve":
      return serve();
    case "migrate":
      return migrate();
    case "migration": {
      const name = rest[0];
      if (!name) throw new ConfigError("Name the migration: npm run db:migration -- <name>");
      const folder = await createMigration(name);
      console.log(folder ? `Wrote ${path.relative(process.cwd(), folder)}/migration.sql` : "schema.prisma and the migrations agree; nothing to write.");
      return 0;
    }
    case "schema:print":
      fs.mkdirSync(path.dirname(sdlPath), { recursive: true });
      fs.writeFileSync(sdlPath, await printedSchema());
      console.log(`Wrote ${path.relative(process.cwd(), sdlPath)}`);
      return 0;
    case "schema:check": {
      const current = fs.existsSync(sdlPath) ? fs.readFileSync(sdlPath, "utf8") : "";
      if (current !== (await printedSchema())) {
        console.error("schema/schema.graphql is out of date with the code: run `npm run schema:print` and commit it.");
        return 1;
      }
      console.log("schema/schema.graphql matches the code.");
      return 0;
    }
    case "stats:rebuild":
    case "search:rebuild": {
      const derived = await import("./db/derived-tables.ts");
      const db = await openDatabase(loadConfig().database);
      try {
        await applyMigrations(db);
        const started = performance.now();
        if (command === "stats:rebuild") {
          await derived.rebuildEntityStats(db.prisma);
          console.log(`Recounted entity statistics in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
        } else {
          const lexemes = await derived.rebuildSearchLists(db.prisma);
          console.log(`Built search candidate lists for ${lexemes.toLocaleString("en")} lexemes in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
        }
      } finally {
        await db.close();
      }
      return 0;
    }
    case "ingest": {
      const { runIngestCommand } = await import("./ingest/command.ts");
      return runIngestCommand(rest, process, loadConfig());
    }
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof MigrationError) {
      console.error(`newsgraph: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);
