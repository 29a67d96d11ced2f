// A budget of cost points per client per minute (rate-limiter-flexible): in memory for one
// process, in the primary process for node:cluster workers, in Redis when instances share it.
import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterCluster, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

const WINDOW_SECONDS = 60;

export interface Allowance {
  allowed: boolean;
  /** Points per window. */
  limit: number;
  remaining: number;
  /** Seconds until the window starts afresh. */
  resetSeconds: number;
}

export interface ClientRateLimiter {
  readonly limit: number;
  /** Spends `points` of the client's budget; refused when that would go past it. */
  spend(client: string, points: number): Promise<Allowance>;
}

export type RateLimitStore = { kind: "memory" } | { kind: "cluster" } | { kind: "redis"; client: Redis };

function allowance(limit: number, res: RateLimiterRes, allowed: boolean): Allowance {
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

/** `keyPrefix` is the deployment's REDIS_PREFIX; budgets are kept under `<prefix>cost:<client>`. */
export function createRateLimiter(pointsPerMinute: number, store: RateLimitStore, keyPrefix: string): ClientRateLimiter {
  const options = { points: pointsPerMinute, duration: WINDOW_SECONDS, keyPrefix: `${keyPrefix}cost` };
  let limiter: RateLimiterAbstract;
  switch (store.kind) {
    case "memory":
      limiter = new RateLimiterMemory(options);
      break;
    case "cluster":
      // Workers ask the primary (which runs RateLimiterClusterMaster); if it does not answer in
      // time, each worker limits on its own rather than refusing everyone.
      limiter = new RateLimiterCluster({ ...options, timeoutMs: 1000, insuranceLimiter: new RateLimiterMemory(options) });
      break;
    case "redis":
      // A Redis outage must not take reads down: each instance then limits in its own memory.
      limiter = new RateLimiterRedis({ ...options, storeClient: store.client, insuranceLimiter: new RateLimiterMemory(options) });
      break;
  }
  return {
    limit: pointsPerMinute,
    async spend(client, points) {
      try {
        const res = await limiter.consume(client, Math.max(0, Math.ceil(points)));
        return allowance(pointsPerMinute, res, true);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return allowance(pointsPerMinute, rejection, false);
        throw rejection;
      }
    },
  };
}
