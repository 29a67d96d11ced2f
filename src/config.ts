// Reads and validates the environment once. Everything else receives a Config, never process.env.
import path from "node:path";

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" };

export interface Config {
  database: DatabaseConfig;
  port: number;
  /** Seed the demo corpus into an empty database at start-up. */
  seedDemo: boolean;
  /** Show errors unmasked (development only). */
  production: boolean;
}

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
    throw new ConfigError(
      `${name} is not a valid URL. Expected postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE.`,
    );
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new ConfigError(
      `${name} must start with postgresql:// (got "${parsed.protocol}//"). Unset it to use the embedded database.`,
    );
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) {
    throw new ConfigError(`${name} names no host. Expected postgresql://USER@HOST:PORT/DATABASE.`);
  }
  if (parsed.pathname.length <= 1) {
    throw new ConfigError(`${name} names no database. Expected postgresql://USER@HOST:PORT/DATABASE.`);
  }
  return url;
}

export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    return {
      kind: "postgres",
      url: validatePostgresUrl(url),
      poolSize: parseInteger("DATABASE_POOL_SIZE", env.DATABASE_POOL_SIZE, 10, 1, 500),
    };
  }
  const dir = env.PGLITE_DIR?.trim();
  if (dir === ":memory:") return { kind: "pglite-memory" };
  return { kind: "pglite", dataDir: path.resolve(dir || "data") };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    database: loadDatabaseConfig(env),
    port: parseInteger("PORT", env.PORT, 4000, 0, 65535),
    seedDemo: parseBoolean("SEED_DEMO", env.SEED_DEMO, true),
    production: env.NODE_ENV === "production",
  };
}
