// The Redis that tests of shared caches and limits use (TEST_REDIS_URL, or the local one).
// Without one, such a test skips on a developer's machine and fails under CI, where Redis runs.
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect } from "vitest";

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Registers hooks that connect a client for the file; `require(skip)` starts a test needing Redis. */
export function useTestRedis() {
  let redis: Redis | undefined;
  let reachable = false;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    reachable = await redis.connect().then(
      () => true,
      () => false,
    );
  });
  afterAll(() => redis?.disconnect());
  return {
    /** The connected client, for a test that looks at keys. */
    get client(): Redis {
      if (!redis) throw new Error("the Redis client connects in beforeAll: read it inside a test");
      return redis;
    },
    require(skip: (note: string) => void): void {
      if (!reachable && !process.env.CI) skip(`no Redis at ${REDIS_URL}`);
      expect(reachable, `Redis at ${REDIS_URL}`).toBe(true);
    },
  };
}
