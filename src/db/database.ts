// The one place that chooses the database: PostgreSQL through a pg pool when DATABASE_URL is set,
// embedded PGlite (persisted or in memory) otherwise. Both run the same migrations and queries.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { ConfigError, type DatabaseConfig } from "../config.ts";
import { PrismaClient } from "../generated/prisma/client.ts";
import { type ChannelListener, type ListenHandlers, listenPostgres } from "./listen.ts";
import { lockDataDirectory } from "./pglite-lock.ts";
import { recordStatement } from "./statement-count.ts";

export interface QueryEvent {
  sql: string;
  durationMs: number;
}

export interface PoolStats {
  /** Connections open, in use or idle. */
  total: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
  max: number;
}

export interface Database {
  readonly config: DatabaseConfig;
  readonly prisma: PrismaClient;
  /** The adapter factory, for the schema engine (migrations). */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Subscribe to every SQL statement sent; returns an unsubscribe function. */
  onQuery(listener: (event: QueryEvent) => void): () => void;
  /** Connections of the PostgreSQL pool; null for PGlite, which is one connection in the process. */
  poolStats(): PoolStats | null;
  /** Connects once and hands the connection back; throws the driver's own error when it cannot. */
  probe(): Promise<void>;
  /** Notifications on `channel` (NOTIFY), from any process writing to this database. */
  listen(channel: string, handlers: ListenHandlers): Promise<ChannelListener>;
  /** A short description for logs, without credentials. */
  describe(): string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Connect once before returning, so an unreachable server fails here with a sentence saying
   * what to check (default). The server skips it: it starts, reports not ready, and retries.
   */
  verify?: boolean;
}

export function describeConfig(config: DatabaseConfig): string {
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
export function connectionProblem(config: DatabaseConfig, error: unknown): ConfigError {
  if (error instanceof ConfigError) return error;
  const err = error as { code?: string; message?: string };
  const where = describeConfig(config);
  switch (err.code) {
    case "ECONNREFUSED":
      return new ConfigError(
        `Cannot connect to ${where}: connection refused. Check that the server is running and that DATABASE_URL names the right host and port.`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new ConfigError(`Cannot connect to ${where}: unknown host. Check the host name in DATABASE_URL.`);
    case "ETIMEDOUT":
      return new ConfigError(`Cannot connect to ${where}: timed out. Check the host, port and firewall.`);
    case "57P03":
      return new ConfigError(`Cannot connect to ${where}: the server is starting up or shutting down. Wait for it, or check its log.`);
    case "28P01":
    case "28000":
      return new ConfigError(`Cannot connect to ${where}: authentication failed. Check the user and password in DATABASE_URL.`);
    case "3D000":
      return new ConfigError(`Cannot connect to ${where}: the database does not exist. Create it (createdb) or fix DATABASE_URL.`);
    default:
      return new ConfigError(`Cannot open ${where}: ${err.message ?? String(error)}`);
  }
}

/** Connection failures that end by themselves (a server starting or restarting), unlike a wrong password. */
export function isTransientConnectionError(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "ECONNRESET" || code === "EAI_AGAIN" || code === "57P03";
}

async function openPglite(config: DatabaseConfig & { kind: "pglite" | "pglite-memory" }): Promise<{ pglite: PGlite; unlock: () => void }> {
  if (config.kind === "pglite-memory") return { pglite: new PGlite(), unlock: () => {} };
  let unlock = () => {};
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    unlock = lockDataDirectory(config.dataDir);
    return { pglite: new PGlite(config.dataDir), unlock };
  } catch (error) {
    unlock();
    throw connectionProblem(config, error);
  }
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  let adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void>;
  let pool: pg.Pool | null = null;
  let listen: Database["listen"];
  let probe: () => Promise<void> = async () => {};

  if (config.kind === "postgres") {
    const { default: pgModule } = await import("pg");
    pool = new pgModule.Pool({
      connectionString: config.url,
      max: config.poolSize,
      // A request waiting longer than this for a connection fails rather than hangs.
      connectionTimeoutMillis: 5_000,
      application_name: "newsgraph",
      keepAlive: true,
      ...(config.statementTimeoutMs ? { statement_timeout: config.statementTimeoutMs } : {}),
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const ownPool = pool;
    probe = async () => {
      const client = await ownPool.connect();
      client.release();
    };
    if (options.verify !== false) {
      try {
        await probe();
      } catch (error) {
        await pool.end().catch(() => {});
        throw connectionProblem(config, error);
      }
    }
    adapterFactory = new PrismaPg(pool);
    closeDriver = () => ownPool.end();
    listen = async (channel, handlers) => listenPostgres(config.url, channel, handlers);
  } else {
    const { pglite, unlock } = await openPglite(config);
    try {
      await pglite.waitReady;
    } catch (error) {
      unlock();
      throw connectionProblem(config, error);
    }
    adapterFactory = new PrismaPGlite(pglite);
    closeDriver = async () => {
      await pglite.close();
      unlock();
    };
    listen = async (channel, handlers) => {
      const unlisten = await pglite.listen(channel, (payload) => handlers.message(payload));
      return { close: () => unlisten() };
    };
  }

  const listeners = new Set<(event: QueryEvent) => void>();
  const prisma = new PrismaClient({
    adapter: adapterFactory,
    log: [{ emit: "event", level: "query" }],
  });
  prisma.$on("query", (event) => {
    recordStatement();
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
    poolStats: () => (pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 } : null),
    probe,
    listen,
    describe: () => describeConfig(config),
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
