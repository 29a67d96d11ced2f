// Typeahead matches: one statement per distinct prefix, kinds and limit in a request, however
// many aliased fields ask for the same.
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { type SuggestionMatch, type SuggestionType, suggestSql } from "../search/suggest.ts";

export interface SuggestionKey {
  /** The typed prefix, already folded (see lib/fold.ts). */
  folded: string;
  types: readonly SuggestionType[];
  limit: number;
}

export function createSuggestionLoader(prisma: PrismaClient) {
  return new DataLoader<SuggestionKey, SuggestionMatch[], string>(
    (keys) => Promise.all(keys.map((key) => prisma.$queryRaw<SuggestionMatch[]>(suggestSql(key.folded, key.types, key.limit)))),
    { cacheKeyFn: (key) => JSON.stringify([key.folded, [...key.types].sort(), key.limit]) },
  );
}
