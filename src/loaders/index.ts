// All per-request DataLoaders. A new set is made for every request, so caches never leak
// between requests or users.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createArticlePageLoaders } from "./article-pages.ts";
import { createEntityStatsLoaders } from "./entity-stats.ts";
import { createReferenceLoaders } from "./references.ts";
import { createSearchLoaders } from "./search.ts";
import { createRelatedLoader } from "./related.ts";

export function createLoaders(prisma: PrismaClient) {
  return {
    ...createReferenceLoaders(prisma),
    ...createArticlePageLoaders(prisma),
    ...createEntityStatsLoaders(prisma),
    ...createSearchLoaders(prisma),
    related: createRelatedLoader(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
