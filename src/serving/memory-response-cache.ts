// The response cache's store in this process's memory, for a single instance. Responses are kept
// as JSON text in an LRU bounded by size rather than by count: a cached article list as objects
// weighs several times its text, and the plugin's own in-memory store also indexes every object
// id of every response, which under load cost more memory than the responses themselves.
//
// Only types are indexed: changes are announced by type (response-cache.ts), and invalidating an
// object by id drops every response holding its type, which is coarser but never stale.
import type { Cache } from "@graphql-yoga/plugin-response-cache";
import { LRUCache } from "lru-cache";
import { getOrInsert } from "../lib/maps.ts";

/** About 32 MB of JSON text. */
export const MEMORY_CACHE_MAX_CHARACTERS = 32_000_000;

export function createMemoryResponseCache(maxCharacters = MEMORY_CACHE_MAX_CHARACTERS): Cache {
  const responsesByType = new Map<string, Set<string>>();
  const typesByResponse = new Map<string, readonly string[]>();

  const forget = (responseId: string) => {
    for (const typename of typesByResponse.get(responseId) ?? []) {
      const ids = responsesByType.get(typename);
      ids?.delete(responseId);
      if (ids?.size === 0) responsesByType.delete(typename);
    }
    typesByResponse.delete(responseId);
  };

  const responses = new LRUCache<string, string>({
    maxSize: maxCharacters,
    sizeCalculation: (json) => Math.max(1, json.length),
    // Evicted, expired, replaced or deleted: its entries in the type index go with it.
    dispose: (_json, responseId) => forget(responseId),
  });

  return {
    set(responseId, result, entities, ttl) {
      responses.set(responseId, JSON.stringify(result), Number.isFinite(ttl) && ttl > 0 ? { ttl } : {});
      if (!responses.has(responseId)) return; // larger than the whole cache
      const types = [...new Set([...entities].map((entity) => entity.typename))];
      typesByResponse.set(responseId, types);
      for (const typename of types) {
        getOrInsert(responsesByType, typename, () => new Set<string>()).add(responseId);
      }
    },
    get(responseId) {
      const json = responses.get(responseId);
      return json === undefined ? undefined : JSON.parse(json);
    },
    invalidate(entities) {
      for (const { typename } of entities) {
        for (const responseId of [...(responsesByType.get(typename) ?? [])]) responses.delete(responseId);
      }
    },
  };
}
