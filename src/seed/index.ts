// The demo corpus `npm start` loads into an empty database: the reference people and places, the
// outlets' language editions, and a few hundred generated articles marked synthetic, with their
// mentions written directly (the generator knows what it named), so the API has something to show
// without any ingest.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { PERSONS } from "../reference/persons.ts";
import { PLACES } from "../reference/places.ts";
import { syncReferenceTables } from "../reference/sync.ts";
import { generateDemoCorpus, type CorpusOptions } from "./generator.ts";
import { storeCorpus } from "./store.ts";

export { DEFAULT_ARTICLES, DEFAULT_SEED, generateDemoCorpus } from "./generator.ts";
export { mentionText } from "./text.ts";

export type SeedOptions = CorpusOptions;

export interface SeedResult {
  /** False when the database already held articles and nothing was written. */
  seeded: boolean;
  /** Rows in each table afterwards (whether or not this call wrote them). */
  sources: number;
  articles: number;
  persons: number;
  places: number;
}

/** The whole corpus goes in one transaction; on PGlite it takes about a second, so a minute is ample. */
const TRANSACTION_TIMEOUT_MS = 60_000;

async function countRows(prisma: PrismaClient): Promise<Omit<SeedResult, "seeded">> {
  const [sources, articles, persons, places] = await Promise.all([prisma.source.count(), prisma.article.count(), prisma.person.count(), prisma.place.count()]);
  return { sources, articles, persons, places };
}

/**
 * Seeds the demo corpus into a database without articles; a database that has any is left alone,
 * so restarting on the same data does not seed twice. Articles and their links are written in one
 * transaction: a failure leaves no half corpus that would block the next attempt.
 */
export async function seedDemoCorpus(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  if (await prisma.article.findFirst({ select: { id: true } })) {
    return { seeded: false, ...(await countRows(prisma)) };
  }
  // Generating first means bad options fail before anything is written.
  const corpus = generateDemoCorpus({ persons: PERSONS, places: PLACES }, options);
  const reference = await syncReferenceTables(prisma);
  await prisma.$transaction((tx) => storeCorpus(tx, corpus, reference), {
    timeout: TRANSACTION_TIMEOUT_MS,
    maxWait: TRANSACTION_TIMEOUT_MS,
  });
  return { seeded: true, ...(await countRows(prisma)) };
}
