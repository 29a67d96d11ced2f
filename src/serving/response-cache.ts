// Whole responses cached on the server (@graphql-yoga/plugin-response-cache), in memory or in
// Redis, and dropped when what they hold changes. Writers announce changes with NOTIFY in their
// transaction (db/changes.ts) from whichever process writes; each instance listens and drops the
// responses holding objects of the changed types. Types, not single ids: a response that shows
// a person's mention count without selecting the person's id is recorded under the type only,
// and a list that a new article joins holds no object of that article yet, only its connection.
import { type Cache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import { type GraphQLSchema, isObjectType } from "graphql";
import type { Plugin } from "graphql-yoga";
import { type ChangeSet, CHANGES_CHANNEL, decodeChanges } from "../db/changes.ts";
import type { Database } from "../db/database.ts";
import type { ChannelListener } from "../db/listen.ts";

/** How long a response may be served from the cache when nothing announces a change. */
export const RESPONSE_TTL_MS = 5 * 60_000;
/** Typeahead may miss a person created since; it is kept briefly. */
const SUGGEST_TTL_MS = 60_000;

export function createResponseCachePlugin(cache: Cache): Plugin {
  return useResponseCache({
    cache,
    // Reads are public: every client shares the cached answers.
    session: () => null,
    ttl: RESPONSE_TTL_MS,
    ttlPerSchemaCoordinate: { "Query.suggest": SUGGEST_TTL_MS },
  }) as Plugin;
}

/** The types whose cached responses a change makes stale. */
export function staleTypes(change: ChangeSet): string[] {
  const types = new Set<string>();
  if (change.articles.length > 0) types.add("Article").add("ArticleConnection").add("SearchConnection");
  if (change.sources.length > 0) types.add("Source").add("SourceConnection");
  if (change.persons.length > 0) types.add("Person").add("PersonConnection");
  if (change.places.length > 0) types.add("Place").add("PlaceConnection");
  return [...types];
}

/** Every object type of the schema: what a missed announcement may have made stale. */
function allObjectTypes(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
    .map((type) => type.name);
}

export interface InvalidationEvents {
  invalidated(types: readonly string[]): void;
  failed(error: unknown): void;
}

/** Listens for announced changes and drops the stale responses; returns the listener to close. */
export async function invalidateOnChanges(db: Database, cache: Cache, schema: GraphQLSchema, events: InvalidationEvents): Promise<ChannelListener> {
  const drop = (types: string[]) => {
    if (types.length === 0) return;
    Promise.resolve(cache.invalidate(types.map((typename) => ({ typename })))).then(
      () => events.invalidated(types),
      (error) => events.failed(error),
    );
  };
  return db.listen(CHANGES_CHANNEL, {
    message(payload) {
      const change = decodeChanges(payload);
      drop(change ? staleTypes(change) : allObjectTypes(schema));
    },
    gap: () => drop(allObjectTypes(schema)),
    error: (error) => events.failed(error),
  });
}
