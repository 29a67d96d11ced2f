// The serving application: the Yoga handler and the services it holds for its lifetime (Redis,
// the response cache and its invalidation listener, the rate limiter, metrics), built from the
// configuration and closed together. server.ts serves it; tests call `app.yoga.fetch`.
import type { Cache } from "@graphql-yoga/plugin-response-cache";
import { Redis } from "ioredis";
import type { ServingConfig } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { ChannelListener } from "./db/listen.ts";
import { schema } from "./schema/index.ts";
import { type Logger, createLogger } from "./serving/logger.ts";
import { type ServiceMetrics, createMetrics } from "./serving/metrics.ts";
import { type PersistedDocuments, loadPersistedDocuments } from "./serving/persisted-documents.ts";
import { type RateLimitStore, createRateLimiter } from "./serving/rate-limit.ts";
import type { StartupState } from "./serving/readiness.ts";
import { createRedisResponseCache } from "./serving/redis-response-cache.ts";
import { createMemoryResponseCache } from "./serving/memory-response-cache.ts";
import { RESPONSE_TTL_MS, invalidateOnChanges } from "./serving/response-cache.ts";
import { resilientCache } from "./serving/resilient-cache.ts";
import { type Yoga, buildYoga } from "./yoga.ts";

export interface AppOptions {
  db: Database;
  serving: ServingConfig;
  production: boolean;
  logger?: Logger;
  /** Shared Redis for the response cache and rate limits; in memory without it. */
  redisUrl?: string | null;
  /** Under node:cluster the workers' rate limits are kept by the primary process. */
  clustered?: boolean;
  /** Start-up progress; ready by default (tests open a migrated database first). */
  startup?: StartupState;
}

export interface App {
  yoga: Yoga;
  metrics: ServiceMetrics;
  logger: Logger;
  startup: StartupState;
  /** The response cache, when one is on (tests inspect it). */
  responseCache: Cache | null;
  close(): Promise<void>;
}

function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    // Fail fast while Redis is away: the cache misses and limits fall back to memory, reads go on.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    lazyConnect: false,
  });
  let reported = false;
  redis.on("error", (error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error }, "Redis is not answering: the response cache misses and rate limits are kept in memory until it is back");
  });
  redis.on("ready", () => {
    if (reported) logger.info("Redis is back");
    reported = false;
  });
  return redis;
}

/**
 * Waits (briefly) for Redis to be ready: commands are not queued while it connects, so without
 * this the first requests would miss the shared cache and limit in memory only.
 */
async function redisReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once("ready", done);
  });
}

export async function createApp(options: AppOptions): Promise<App> {
  const { db, serving } = options;
  const logger = options.logger ?? createLogger("info");
  const metrics = createMetrics(db);
  const startup = options.startup ?? { ready: true, reason: "" };
  const redis = options.redisUrl ? connectRedis(options.redisUrl, logger) : null;
  if (redis) await redisReady(redis, 2_000);
  const persistedDocuments: PersistedDocuments | null = serving.persistedDocumentsPath ? loadPersistedDocuments(serving.persistedDocumentsPath) : null;

  let responseCache: Cache | null = null;
  let listener: ChannelListener | null = null;
  if (serving.responseCache) {
    const store = redis ? createRedisResponseCache(redis, serving.redisPrefix, RESPONSE_TTL_MS) : createMemoryResponseCache();
    responseCache = resilientCache(store, (error) => logger.warn({ err: error }, "response cache unavailable"));
    listener = await invalidateOnChanges(db, responseCache, schema, {
      invalidated: () => metrics.invalidations.inc(),
      failed: (error) => logger.warn({ err: error }, "cannot follow database changes; cached responses may be stale until it reconnects"),
    });
  }

  const rateStore: RateLimitStore = redis ? { kind: "redis", client: redis } : options.clustered ? { kind: "cluster" } : { kind: "memory" };
  const rateLimiter = serving.rateLimitPerMinute > 0 ? createRateLimiter(serving.rateLimitPerMinute, rateStore, serving.redisPrefix) : null;

  const yoga = buildYoga({
    db,
    serving,
    logger,
    metrics,
    startup,
    exposeErrors: !options.production,
    persistedDocuments,
    responseCache,
    rateLimiter,
  });

  return {
    yoga,
    metrics,
    logger,
    startup,
    responseCache,
    async close() {
      await listener?.close();
      await yoga.dispose?.();
      redis?.disconnect();
    },
  };
}
