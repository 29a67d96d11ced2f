// A fresh, migrated database per test file: in-memory PGlite by default, or a new PostgreSQL
// database (dropped afterwards) when TEST_DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseConfig } from "../../src/config.ts";
import { type Database, openDatabase } from "../../src/db/database.ts";
import { applyMigrations } from "../../src/db/migrations.ts";

export interface TestDatabase {
  db: Database;
  /** Every SQL statement sent since the last reset. */
  statements: string[];
  resetStatements(): void;
  destroy(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let config: DatabaseConfig = { kind: "pglite-memory" };
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `newsgraph_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    config = { kind: "postgres", url: url.toString(), poolSize: 4 };
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const db = await openDatabase(config);
  await applyMigrations(db);
  const statements: string[] = [];
  db.onQuery((event) => statements.push(event.sql));
  return {
    db,
    statements,
    resetStatements: () => {
      statements.length = 0;
    },
    async destroy() {
      await db.close();
      await dropDatabase();
    },
  };
}
