// The derived tables of the entity_stats migration, rebuilt from the rows they derive from. The
// write triggers keep them current; these are for repairs (`newsgraph stats:rebuild`), for the
// search candidate lists when the archive has grown (`newsgraph search:rebuild`, and the end of an
// ingest), and for tests.
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";

/** Lexemes in fewer stored articles get no candidate list: a search for them stays under the exact limit. */
export const SEARCH_LIST_MIN_ARTICLES = 1_000;
/**
 * Articles per candidate list, most prominent first: the most a bounded search ranks per word
 * sought. search_lexeme_merge (the write trigger's part) keeps lists at this size too: change both.
 */
export const SEARCH_LIST_CAPACITY = 1_000;
/** The lists are rebuilt once the archive has this many times the articles it had at the last build. */
const SEARCH_LIST_GROWTH = 1.1;

// A full build reads every stored vector: minutes for a million articles.
const REBUILD_TIMEOUT = { maxWait: 60_000, timeout: 60 * 60_000 };
/** Lifts the serving statement timeout for this transaction only (PGlite has none to lift, and accepts it). */
const NO_STATEMENT_TIMEOUT = Prisma.sql`SET LOCAL statement_timeout = 0`;

/** Person and place counts, co-mentions and the archive's count from scratch, in one transaction. */
export async function rebuildEntityStats(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw(NO_STATEMENT_TIMEOUT);
    await tx.$executeRaw(Prisma.sql`SELECT entity_stats_rebuild()`);
  }, REBUILD_TIMEOUT);
}

export interface SearchListOptions {
  minArticles?: number;
  capacity?: number;
}

/** The search candidate lists from scratch; returns how many lexemes have one. */
export async function rebuildSearchLists(prisma: PrismaClient, options: SearchListOptions = {}): Promise<number> {
  const minArticles = options.minArticles ?? SEARCH_LIST_MIN_ARTICLES;
  const capacity = options.capacity ?? SEARCH_LIST_CAPACITY;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw(NO_STATEMENT_TIMEOUT);
    await tx.$executeRaw(Prisma.sql`SELECT search_lexeme_rebuild(${minArticles}::int, ${capacity}::int)`);
    const [row] = await tx.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "SearchLexeme"`);
    return row?.n ?? 0;
  }, REBUILD_TIMEOUT);
}

/**
 * Rebuilds the lists when the archive has grown by a tenth since they were built (or they never
 * were, and it is large enough to have frequent words): between builds, writes merge new
 * articles into existing lists, but only a build gives a list to a word that became frequent.
 * Returns whether it rebuilt.
 */
export async function refreshSearchListsIfGrown(prisma: PrismaClient): Promise<boolean> {
  const [stats] = await prisma.$queryRaw<{ articles: number; builtFor: number }[]>(
    Prisma.sql`SELECT "articleCount" AS articles, "searchListsBuiltFor" AS "builtFor" FROM "ArchiveStats" WHERE id = 1`,
  );
  if (!stats || stats.articles < SEARCH_LIST_MIN_ARTICLES || stats.articles < stats.builtFor * SEARCH_LIST_GROWTH) return false;
  await rebuildSearchLists(prisma);
  return true;
}
