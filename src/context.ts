// The per-request context: the database client, fresh DataLoaders, a request id for logs, and
// the settings resolvers need.
import { randomUUID } from "node:crypto";
import { DEFAULT_SEARCH_EXACT_LIMIT } from "./config.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { type Loaders, createLoaders } from "./loaders/index.ts";

/** What resolvers need from the configuration. */
export interface ResolverSettings {
  /** Search matches counted and ranked exhaustively before a search is bounded (README, "Search at scale"). */
  searchExactLimit: number;
}

export const DEFAULT_RESOLVER_SETTINGS: ResolverSettings = { searchExactLimit: DEFAULT_SEARCH_EXACT_LIMIT };

export interface Context {
  requestId: string;
  prisma: PrismaClient;
  loaders: Loaders;
  settings: ResolverSettings;
}

export function createContext(prisma: PrismaClient, requestId: string = randomUUID(), settings: ResolverSettings = DEFAULT_RESOLVER_SETTINGS): Context {
  return { requestId, prisma, loaders: createLoaders(prisma), settings };
}
