import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsDir, pendingSchemaChange, readMigrations, schemaPath, applyMigrations } from "../src/db/migrations.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/database.ts";

describe("migrations", () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.destroy();
  });

  it("apply to an empty database and record every folder in _prisma_migrations", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const folders = readMigrations().migrationDirectories.map((dir) => dir.path);
    expect(folders.length).toBeGreaterThan(0);
    const recorded = await database.db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.map((row) => row.migration_name)).toEqual(folders);
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("are idempotent: a second run applies nothing", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    expect(await applyMigrations(database.db)).toEqual([]);
  });

  it("match schema.prisma exactly, so a model change without a migration fails here", async () => {
    expect(await pendingSchemaChange()).toBeNull();
  });

  it("detect drift when schema.prisma gains a field the migrations lack", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-drift-"));
    const drifted = path.join(dir, "schema.prisma");
    fs.writeFileSync(drifted, fs.readFileSync(schemaPath, "utf8").replace("model Source {", "model Source {\n  driftProbe String?"));
    const change = await pendingSchemaChange(migrationsDir, drifted);
    expect(change).toMatch(/ADD COLUMN\s+"driftProbe"/);
  });
});
