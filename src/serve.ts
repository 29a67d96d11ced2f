// `newsgraph serve`: listen at once, then bring the database up (migrations, demo seed) and
// report ready. A PostgreSQL server that is down or restarting is waited for, with a log line
// saying what to check; /ready answers 503 meanwhile. With WEB_CONCURRENCY above 1 the primary
// process migrates and forks workers that serve the same port (node:cluster); each worker turns
// ready once the migrations it expects are applied.
import cluster from "node:cluster";
import { setTimeout as sleep } from "node:timers/promises";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";
import { createApp } from "./app.ts";
import { type Config, ConfigError } from "./config.ts";
import { type Database, connectionProblem, isTransientConnectionError, openDatabase } from "./db/database.ts";
import { applyMigrations, pendingMigrations } from "./db/migrations.ts";
import type { Logger } from "./serving/logger.ts";
import type { StartupState } from "./serving/readiness.ts";
import { startServer } from "./server.ts";

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 15_000;

/** Resolves on the first of SIGINT or SIGTERM, with its name. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => () => resolve(signal);
    process.once("SIGINT", on("SIGINT"));
    process.once("SIGTERM", on("SIGTERM"));
  });
}

/**
 * Retries `step` while it fails because the database cannot be reached, logging what to check;
 * any other failure (a wrong password, a migration that does not apply) is thrown.
 */
async function untilReachable(db: Database, config: Config, logger: Logger, startup: StartupState, step: () => Promise<void>, stopped: () => boolean) {
  let waitMs = FIRST_RETRY_MS;
  for (;;) {
    try {
      await db.probe();
      await step();
      return;
    } catch (error) {
      if (!isTransientConnectionError(error) || stopped()) throw error;
      startup.reason = "the database does not answer";
      logger.warn({ retryInMs: waitMs }, `${connectionProblem(config.database, error).message} Not ready; retrying in ${Math.round(waitMs / 1000)} s.`);
      await sleep(waitMs);
      waitMs = Math.min(waitMs * 2, LAST_RETRY_MS);
    }
  }
}

async function migrateAndSeed(db: Database, config: Config, logger: Logger): Promise<void> {
  const applied = await applyMigrations(db);
  if (applied.length) logger.info({ migrations: applied }, `Applied migrations: ${applied.join(", ")}`);
  if (config.seedDemo) {
    const { seedDemoCorpus } = await import("./seed/index.ts");
    const seeded = await seedDemoCorpus(db.prisma);
    if (seeded.seeded) logger.info(`Seeded the demo corpus: ${seeded.articles} synthetic articles, ${seeded.sources} sources.`);
  }
}

/** Opens the database without insisting that it answers yet; configuration mistakes still end the start. */
async function openForServing(config: Config): Promise<Database> {
  const db = await openDatabase(config.database, { verify: false });
  try {
    await db.probe();
  } catch (error) {
    if (!isTransientConnectionError(error)) {
      await db.close().catch(() => {});
      throw connectionProblem(config.database, error);
    }
  }
  return db;
}

/** One process serving: the default, and each worker of a cluster. */
async function serveOne(config: Config, logger: Logger, role: "single" | "worker"): Promise<number> {
  const started = performance.now();
  const db = await openForServing(config);
  const startup: StartupState = { ready: false, reason: "applying migrations" };
  const app = await createApp({
    db,
    serving: config.serving,
    production: config.production,
    logger,
    redisUrl: config.redisUrl,
    clustered: role === "worker",
    startup,
  });
  const running = await startServer(app, db, config.port);
  logger.info({ url: running.url, database: db.describe() }, `listening on port ${running.port}; ready once the database is migrated`);

  let stopping = false;
  const bringUp = async () => {
    if (role === "single") {
      await untilReachable(
        db,
        config,
        logger,
        startup,
        () => migrateAndSeed(db, config, logger),
        () => stopping,
      );
    } else {
      // The primary migrates; a worker waits until what it expects is there.
      await untilReachable(
        db,
        config,
        logger,
        startup,
        async () => {
          for (let pending = await pendingMigrations(db); pending.length > 0 && !stopping; pending = await pendingMigrations(db)) {
            startup.reason = `waiting for migrations: ${pending.join(", ")}`;
            await sleep(500);
          }
        },
        () => stopping,
      );
    }
    startup.ready = true;
    startup.reason = "";
    logger.info(
      { url: running.url, database: db.describe(), readyInMs: Math.round(performance.now() - started) },
      `newsgraph on ${db.describe()}: GraphiQL at ${running.url} (ready in ${Math.round(performance.now() - started)} ms)`,
    );
  };

  const signal = nextSignal();
  const outcome = await Promise.race([
    bringUp().then(
      () => signal,
      (error: unknown) => error,
    ),
    signal,
  ]);
  stopping = true;
  if (typeof outcome !== "string") {
    logger.fatal({ err: outcome }, describeFatal(outcome));
    await running.stop(1_000).catch(() => {});
    return 1;
  }
  logger.info(`${outcome}: finishing in-flight requests, then closing the database.`);
  await running.stop();
  // A worker's channel to the primary would keep its process alive after everything closed.
  if (role === "worker") cluster.worker?.disconnect();
  return 0;
}

function describeFatal(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

/** The primary of a cluster: migrates, forks the workers, replaces any that die, stops them on a signal. */
async function servePrimary(config: Config, logger: Logger): Promise<number> {
  // Workers keep their rate limits here when there is no Redis to share them through.
  if (!config.redisUrl) new RateLimiterClusterMaster();
  const workers = new Set<ReturnType<typeof cluster.fork>>();
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    workers.add(worker);
    worker.on("exit", (code) => {
      workers.delete(worker);
      if (stopping) return;
      logger.error({ workerPid: worker.process.pid, code }, "a worker stopped; starting another");
      setTimeout(fork, 1_000).unref();
    });
  };
  for (let index = 0; index < config.webConcurrency; index++) fork();
  logger.info({ workers: config.webConcurrency }, `started ${config.webConcurrency} workers`);

  const db = await openForServing(config);
  const startup: StartupState = { ready: false, reason: "applying migrations" };
  const migrated = untilReachable(
    db,
    config,
    logger,
    startup,
    () => migrateAndSeed(db, config, logger),
    () => stopping,
  ).then(
    () => db.close(),
    (error: unknown) => error,
  );
  const signal = nextSignal();
  const outcome = await Promise.race([migrated.then((failure) => failure ?? signal), signal]);
  stopping = true;
  const exited = [...workers].map((worker) => new Promise<void>((resolve) => worker.once("exit", () => resolve())));
  for (const worker of workers) worker.process.kill("SIGTERM");
  await Promise.all(exited);
  await db.close().catch(() => {});
  if (typeof outcome !== "string") {
    logger.fatal({ err: outcome }, describeFatal(outcome));
    return 1;
  }
  logger.info(`${outcome}: stopped the workers.`);
  return 0;
}

export async function serve(config: Config, logger: Logger): Promise<number> {
  if (config.webConcurrency === 1) return serveOne(config, logger, "single");
  if (config.database.kind !== "postgres") {
    throw new ConfigError("WEB_CONCURRENCY above 1 needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process.");
  }
  return cluster.isPrimary ? servePrimary(config, logger) : serveOne(config, logger, "worker");
}
