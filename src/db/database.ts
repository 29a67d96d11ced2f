// The one place that chooses the database: PostgreSQL through a pg pool when DATABASE_URL is set,
// embedded PGlite (persisted or in memory) otherwise. Both run the same migrations and queries.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { ConfigError, type DatabaseConfig } from "../config.ts";
import { PrismaClient } from "../generated/prisma/client.ts";

export interface QueryEvent {
  sql: string;
  durationMs: number;
}

export interface Database {
  readonly config: DatabaseConfig;
  readonly prisma: PrismaClient;
  /** The adapter factory, for the schema engine (migrations). */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Subscribe to every SQL statement sent; returns an unsubscribe function. */
  onQuery(listener: (event: QueryEvent) => void): () => void;
  /** A short description for logs, without credentials. */
  describe(): string;
  close(): Promise<void>;
}

function describeConfig(config: DatabaseConfig): string {
  switch (config.kind) {
    case "postgres": {
      const url = new URL(config.url);
      return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
    }
    case "pglite":
      return `embedded PGlite in ${config.dataDir}`;
    case "pglite-memory":
      return "embedded PGlite in memory";
  }
}

/** Turns a driver error at connect time into one sentence that says what to check. */
function connectionProblem(config: DatabaseConfig, error: unknown): ConfigError {
  const err = error as { code?: string; message?: string };
  const where = describeConfig(config);
  switch (err.code) {
    case "ECONNREFUSED":
      return new ConfigError(`Cannot connect to ${where}: connection refused. Check that the server is running and that DATABASE_URL names the right host and port.`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new ConfigError(`Cannot connect to ${where}: unknown host. Check the host name in DATABASE_URL.`);
    case "ETIMEDOUT":
      return new ConfigError(`Cannot connect to ${where}: timed out. Check the host, port and firewall.`);
    case "28P01":
    case "28000":
      return new ConfigError(`Cannot connect to ${where}: authentication failed. Check the user and password in DATABASE_URL.`);
    case "3D000":
      return new ConfigError(`Cannot connect to ${where}: the database does not exist. Create it (createdb) or fix DATABASE_URL.`);
    default:
      return new ConfigError(`Cannot open ${where}: ${err.message ?? String(error)}`);
  }
}

async function openPglite(config: DatabaseConfig & { kind: "pglite" | "pglite-memory" }): Promise<PGlite> {
  if (config.kind === "pglite-memory") return new PGlite();
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    return new PGlite(config.dataDir);
  } catch (error) {
    throw connectionProblem(config, error);
  }
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  let adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void>;

  if (config.kind === "postgres") {
    const pg = await import("pg");
    const pool = new pg.default.Pool({
      connectionString: config.url,
      max: config.poolSize,
      connectionTimeoutMillis: 10_000,
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", () => {});
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => {});
      throw connectionProblem(config, error);
    }
    adapterFactory = new PrismaPg(pool);
    closeDriver = () => pool.end();
  } else {
    const pglite = await openPglite(config);
    try {
      await pglite.waitReady;
    } catch (error) {
      throw connectionProblem(config, error);
    }
    adapterFactory = new PrismaPGlite(pglite);
    closeDriver = () => pglite.close();
  }

  const listeners = new Set<(event: QueryEvent) => void>();
  const prisma = new PrismaClient({
    adapter: adapterFactory,
    log: [{ emit: "event", level: "query" }],
  });
  prisma.$on("query", (event) => {
    for (const listener of listeners) listener({ sql: event.query, durationMs: event.duration });
  });

  let closed = false;
  return {
    config,
    prisma,
    adapterFactory,
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    describe: () => describeConfig(config),
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
