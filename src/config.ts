// Reads and validates the environment once. Everything else receives a Config, never process.env.
import path from "node:path";

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize: number; statementTimeoutMs?: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" };

/** How the GraphQL endpoint protects itself and its clients (README, "Serving"). */
export interface ServingConfig {
  /** Most an operation may cost, in points computed from the document before it runs. */
  costLimit: number;
  /** Points a client may spend per minute; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Deadline of one request; PostgreSQL statements get the same `statement_timeout`. */
  requestTimeoutMs: number;
  /** The client preset's persisted-documents manifest (hash to document), or null. */
  persistedDocumentsPath: string | null;
  /** Accept documents sent as text; false accepts only the persisted ones. */
  allowArbitraryOperations: boolean;
  /** Cache whole responses on the server, invalidated when articles or entities change. */
  responseCache: boolean;
  /** Origins allowed to call the API from a browser on another origin; empty: none. */
  corsOrigins: string[];
  /** Largest request body accepted. */
  maxBodyBytes: number;
  /** Answer introspection (and serve GraphiQL); false for closed deployments. */
  introspection: boolean;
  /** Proxies in front of the service whose X-Forwarded-For entries are trusted (0: none). */
  trustProxyHops: number;
  /** Operations slower than this are logged as slow. */
  slowOperationMs: number;
  /** Start of every Redis key (cache, rate limits), so deployments can share one Redis. */
  redisPrefix: string;
  /** Search matches counted and ranked exhaustively; past it totals are lower bounds and relevance ranks candidates. */
  searchExactLimit: number;
}

export interface Config {
  database: DatabaseConfig;
  /** Redis shared by instances for the response cache and rate limits; null: in memory. */
  redisUrl: string | null;
  port: number;
  /** Seed the demo corpus into an empty database at start-up. */
  seedDemo: boolean;
  /** Hide error details and development checks. */
  production: boolean;
  logLevel: LogLevel;
  /** Worker processes serving the same port (node:cluster); 1 serves from the main process. */
  webConcurrency: number;
  serving: ServingConfig;
}

/**
 * Search matches counted and ranked exhaustively. Counting stops one past it, so its cost bounds
 * every search's: a phrase re-reads each match it counts (about 8 µs each in the KCNA archive).
 */
export const DEFAULT_SEARCH_EXACT_LIMIT = 2_000;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A configuration problem the user can fix; the CLI prints its message without a stack. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}".`);
}

/** Checks a PostgreSQL URL's shape so a typo fails here, not as a driver stack trace. */
export function validatePostgresUrl(url: string, name = "DATABASE_URL"): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`${name} is not a valid URL. Expected postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.`);
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new ConfigError(`${name} must start with postgresql:// (got "${parsed.protocol}//"). Unset it to use the embedded database.`);
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) {
    throw new ConfigError(`${name} names no host. Expected postgresql://USER@HOST:PORT/DATABASE.`);
  }
  if (parsed.pathname.length <= 1) {
    throw new ConfigError(`${name} names no database. Expected postgresql://USER@HOST:PORT/DATABASE.`);
  }
  return url;
}

function validateRedisUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError("REDIS_URL is not a valid URL. Expected redis://[:PASSWORD@]HOST[:PORT][/DB].");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss:// (got "${parsed.protocol}//").`);
  }
  return raw;
}

function parseOrigins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw.split(",").map((entry) => {
    const origin = entry.trim();
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(`CORS_ORIGINS lists "${origin}", which is not an origin such as https://reader.example.org.`);
    }
    if (parsed.origin !== origin.replace(/\/$/, "")) {
      throw new ConfigError(`CORS_ORIGINS lists "${origin}"; give only scheme, host and port, e.g. ${parsed.origin}.`);
    }
    return parsed.origin;
  });
}

function parseLogLevel(raw: string | undefined): LogLevel {
  const value = raw?.trim().toLowerCase();
  if (!value) return "info";
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}".`);
  }
  return value as LogLevel;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    return {
      kind: "postgres",
      url: validatePostgresUrl(url),
      poolSize: parseInteger("DATABASE_POOL_SIZE", env.DATABASE_POOL_SIZE, 10, 1, 500),
      statementTimeoutMs: parseInteger(
        "DATABASE_STATEMENT_TIMEOUT_MS",
        env.DATABASE_STATEMENT_TIMEOUT_MS,
        parseInteger("REQUEST_TIMEOUT_MS", env.REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, 1, 3_600_000),
        0,
        3_600_000,
      ),
    };
  }
  const dir = env.PGLITE_DIR?.trim();
  if (dir === ":memory:") return { kind: "pglite-memory" };
  return { kind: "pglite", dataDir: path.resolve(dir || "data") };
}

export function loadServingConfig(env: NodeJS.ProcessEnv = process.env): ServingConfig {
  const persisted = env.PERSISTED_DOCUMENTS?.trim();
  return {
    costLimit: parseInteger("COST_LIMIT", env.COST_LIMIT, 100_000, 1, 1_000_000_000),
    rateLimitPerMinute: parseInteger("RATE_LIMIT_PER_MINUTE", env.RATE_LIMIT_PER_MINUTE, 1_000_000, 0, 1_000_000_000_000),
    requestTimeoutMs: parseInteger("REQUEST_TIMEOUT_MS", env.REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, 1, 3_600_000),
    persistedDocumentsPath: persisted ? path.resolve(persisted) : null,
    allowArbitraryOperations: parseBoolean("ALLOW_ARBITRARY_OPERATIONS", env.ALLOW_ARBITRARY_OPERATIONS, true),
    responseCache: parseBoolean("RESPONSE_CACHE", env.RESPONSE_CACHE, true),
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    maxBodyBytes: parseInteger("MAX_BODY_BYTES", env.MAX_BODY_BYTES, 100_000, 1_000, 100_000_000),
    introspection: parseBoolean("INTROSPECTION", env.INTROSPECTION, true),
    trustProxyHops: parseInteger("TRUST_PROXY", env.TRUST_PROXY, 0, 0, 10),
    slowOperationMs: parseInteger("SLOW_OPERATION_MS", env.SLOW_OPERATION_MS, 1_000, 1, 3_600_000),
    searchExactLimit: parseInteger("SEARCH_EXACT_LIMIT", env.SEARCH_EXACT_LIMIT, DEFAULT_SEARCH_EXACT_LIMIT, 1, 10_000_000),
    redisPrefix: parseRedisPrefix(env.REDIS_PREFIX),
  };
}

function parseRedisPrefix(value: string | undefined): string {
  if (value === undefined || value === "") return "newsgraph:";
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(value)) {
    throw new ConfigError(`REDIS_PREFIX must be 1 to 64 letters, digits, dots, dashes, underscores or colons; got "${value}".`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const serving = loadServingConfig(env);
  if (serving.allowArbitraryOperations === false && !serving.persistedDocumentsPath) {
    throw new ConfigError("ALLOW_ARBITRARY_OPERATIONS=false accepts only persisted documents: set PERSISTED_DOCUMENTS to their manifest.");
  }
  const redis = env.REDIS_URL?.trim();
  const production = env.NODE_ENV === "production";
  return {
    database: loadDatabaseConfig(env),
    redisUrl: redis ? validateRedisUrl(redis) : null,
    port: parseInteger("PORT", env.PORT, 4000, 0, 65535),
    // Synthetic demo articles are for trying the service out, never for a production archive.
    seedDemo: parseBoolean("SEED_DEMO", env.SEED_DEMO, !production),
    production,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    webConcurrency: parseInteger("WEB_CONCURRENCY", env.WEB_CONCURRENCY, 1, 1, 64),
    serving,
  };
}
