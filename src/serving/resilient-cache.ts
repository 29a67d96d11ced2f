// A cache that cannot fail a request: when its store (Redis) errs, a read is a miss and a write
// or invalidation is skipped, and the error is reported once per burst for the log.
import type { Cache } from "@graphql-yoga/plugin-response-cache";

export function resilientCache(store: Cache, report: (error: unknown) => void): Cache {
  let quietUntil = 0;
  const failed = (error: unknown) => {
    const now = Date.now();
    if (now >= quietUntil) report(error);
    quietUntil = now + 10_000;
    return undefined;
  };
  return {
    async get(key) {
      try {
        return await store.get(key);
      } catch (error) {
        return failed(error);
      }
    },
    async set(...args) {
      try {
        await store.set(...args);
      } catch (error) {
        failed(error);
      }
    },
    async invalidate(entities) {
      try {
        await store.invalidate(entities);
      } catch (error) {
        failed(error);
      }
    },
  };
}
