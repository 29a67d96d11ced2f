// The response cache's store in Redis, shared by every instance. It implements the plugin's
// Cache interface itself rather than through @envelop/response-cache-redis, which writes its
// keys unprefixed (a response under its bare hash, entity indexes under "Article") and finds
// entities with KEYS, a command that blocks Redis while it scans the whole keyspace.
//
// Keys: `<prefix>r:<response>` holds a response; `<prefix>t:<Type>` is the set of responses
// holding objects of that type, living as long as the longest response TTL, so it never expires
// before a response it points to. Only types are indexed, as in the memory store: changes are
// announced by type, and invalidating one object drops the responses holding its type.
import type { Cache } from "@graphql-yoga/plugin-response-cache";
import type { Redis } from "ioredis";

/** `keyPrefix` is the deployment's REDIS_PREFIX; the cache's keys follow it with "cache:". */
export function createRedisResponseCache(redis: Redis, keyPrefix: string, longestTtlMs: number): Cache {
  const PREFIX = `${keyPrefix}cache:`;
  const responseKey = (id: string) => `${PREFIX}r:${id}`;
  const typeKey = (typename: string) => `${PREFIX}t:${typename}`;
  return {
    async set(id, result, entities, ttl) {
      const pipeline = redis.multi();
      const json = JSON.stringify(result);
      if (Number.isFinite(ttl)) pipeline.set(responseKey(id), json, "PX", Math.max(1, Math.round(ttl)));
      else pipeline.set(responseKey(id), json);
      for (const typename of new Set([...entities].map((entity) => entity.typename))) {
        pipeline.sadd(typeKey(typename), id);
        pipeline.pexpire(typeKey(typename), longestTtlMs);
      }
      await pipeline.exec();
    },
    async get(id) {
      const json = await redis.get(responseKey(id));
      return json ? JSON.parse(json) : undefined;
    },
    async invalidate(entities) {
      const indexes = [...new Set([...entities].map((entity) => typeKey(entity.typename)))];
      if (indexes.length === 0) return;
      const read = redis.multi();
      for (const index of indexes) read.smembers(index);
      const members = ((await read.exec()) ?? []).flatMap(([, ids]) => (Array.isArray(ids) ? (ids as string[]) : []));
      const doomed = [...new Set(members)].map(responseKey);
      await redis.del(...doomed, ...indexes);
    },
  };
}
