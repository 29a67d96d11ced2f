// All per-request DataLoaders. A new set is made for every request, so caches never leak
// between requests or users.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createArticlePageLoaders } from "./article-pages.ts";
import { createEntityStatsLoaders } from "./entity-stats.ts";
import { createReferenceLoaders } from "./slugs-and-descendants.ts";
import { createSearchLoaders } from "./search.ts";
import { createRelatedLoader } from "./related.ts";
import { createSelectedRowLoaders } from "./selected-rows.ts";
import { createSuggestionLoader } from "./suggest.ts";

export function createLoaders(prisma: PrismaClient) {
  return {
    ...createReferenceLoaders(prisma),
    ...createArticlePageLoaders(prisma),
    ...createEntityStatsLoaders(prisma),
    ...createSearchLoaders(prisma),
    related: createRelatedLoader(prisma),
    suggestions: createSuggestionLoader(prisma),
    /** Rows by id with the selection of the field asking (computed lists return ids). */
    rows: createSelectedRowLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
