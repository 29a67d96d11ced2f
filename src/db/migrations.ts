// Applies and writes standard Prisma migration folders (prisma/migrations/<name>/migration.sql)
// through the wasm schema engine, recording them in _prisma_migrations as `prisma migrate deploy` does.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Prisma } from "../generated/prisma/client.ts";
import type { Database } from "./database.ts";
import { createSchemaEngine } from "./schema-engine.ts";
import { getOrInsert } from "../lib/maps.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const schemaPath = path.join(projectRoot, "prisma/schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma/migrations");

const noFilters = { externalTables: [], externalEnums: [] };
const EMPTY_MIGRATION = "-- This is an empty migration.";

/** Reads the migration folders in name order, as the Prisma CLI does. */
export function readMigrations(dir = migrationsDir): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const folders = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: folders.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** A migration that could not be applied; the message is the engine's, without its wasm trace. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

function engineMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("at "));
  return lines.slice(0, 3).join(" ");
}

/** Applies pending migrations; returns the names applied (empty when the database is current). */
export async function applyMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const engine = await createSchemaEngine(schemaPath, db.adapterFactory);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(dir), filters: noFilters });
    return result.appliedMigrationNames;
  } catch (error) {
    throw new MigrationError(`Cannot apply migrations to ${db.describe()}: ${engineMessage(error)}`);
  } finally {
    engine.free();
  }
}

const namesByDir = new Map<string, readonly string[]>();

/**
 * The migrations a folder holds, by name. Read once per process: readiness probes ask every few
 * seconds, and a deployment brings new migrations with a new build, never under a running one.
 */
function migrationNames(dir: string): readonly string[] {
  return getOrInsert(namesByDir, dir, () => readMigrations(dir).migrationDirectories.map((migration) => migration.path));
}

/**
 * Migrations in the folder that the database has not applied (readiness checks this). A
 * database that was never migrated has no `_prisma_migrations` table: everything is pending.
 */
export async function pendingMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const expected = migrationNames(dir);
  const [table] = await db.prisma.$queryRaw<{ present: boolean }[]>(Prisma.sql`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
  if (!table?.present) return [...expected];
  const rows = await db.prisma.$queryRaw<{ name: string }[]>(
    Prisma.sql`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.name));
  return expected.filter((name) => !applied.has(name));
}

/**
 * The SQL that would bring the migrations up to schema.prisma, or null when they agree.
 * Runs on a throwaway in-memory PGlite: the engine replays the migrations into a shadow database,
 * which the pg adapter cannot describe (see docs), and the SQL is PostgreSQL's either way.
 */
export async function pendingSchemaChange(dir = migrationsDir, schema = schemaPath): Promise<string | null> {
  const pglite = new PGlite();
  const engine = await createSchemaEngine(schema, new PrismaPGlite(pglite));
  try {
    const migrations = readMigrations(dir);
    const result = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schema, content: fs.readFileSync(schema, "utf8") }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "" || sql === EMPTY_MIGRATION ? null : sql;
  } finally {
    engine.free();
    await pglite.close();
  }
}

/** Writes the next migration folder from the schema diff; returns its path, or null if nothing changed. */
export async function createMigration(name: string, dir = migrationsDir): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Migration names are lowercase letters, digits and underscores, got "${name}".`);
  }
  const sql = await pendingSchemaChange(dir);
  if (sql === null) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
  const lock = path.join(dir, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return folder;
}
