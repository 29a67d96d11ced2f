// Turns a batch of records into the writes to make, with everything the writes need from the
// database: source rows, the stored articles each record may be and the decision for it, links
// for the records to be written (a rerun of unchanged input links nothing), new places and
// persons inserted, and slugs for new articles.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { decide, type Decision } from "./decide.ts";
import type { IdentifiedRecord } from "./identity.ts";
import type { Extracted, Linker } from "./linker.ts";
import { findMatches } from "./stored-matches.ts";
import type { PersonRegistry } from "./persons.ts";
import type { PlaceRegistry } from "./places.ts";
import type { ArticleSlugAllocator } from "./slugs.ts";
import type { SourceRegistry } from "./sources.ts";
import type { ArticleWrite } from "./writer.ts";

export interface PlanContext {
  prisma: PrismaClient;
  sources: SourceRegistry;
  places: PlaceRegistry;
  persons: PersonRegistry;
  linker: Linker;
  slugs: ArticleSlugAllocator;
  /** Articles this run wrote or confirmed (see `decide`). */
  touched: ReadonlySet<number>;
}

export interface PlanOutcome {
  /** The record is stored exactly so already. */
  unchanged(item: IdentifiedRecord, id: number): void;
  rejected(item: IdentifiedRecord, reason: string): void;
}

export class BatchPlanner {
  private readonly context: PlanContext;

  constructor(context: PlanContext) {
    this.context = context;
  }

  /** `reservedSlugs`: slugs of batches still being written. */
  async plan(batch: readonly IdentifiedRecord[], reservedSlugs: ReadonlySet<string>, outcome: PlanOutcome): Promise<ArticleWrite[]> {
    const { prisma, sources, places, persons, linker, slugs, touched } = this.context;

    const firstLanguage = new Map<string, string>();
    for (const { record } of batch) if (!firstLanguage.has(record.sourceLabel)) firstLanguage.set(record.sourceLabel, record.language);
    await sources.ensure(prisma, firstLanguage.keys(), (label) => firstLanguage.get(label)!);
    const sourceIds = batch.map((item) => sources.idOf(item.record.sourceLabel)!);
    const matches = await findMatches(prisma, batch, sourceIds);

    const claimedStubs = new Set<number>();
    const extracted: (Extracted | null)[] = batch.map(() => null);
    const decisions: Decision[] = batch.map((item, index) => {
      const decision = decide(item, matches[index]!, touched, claimedStubs);
      if (decision.action !== "insert" && decision.action !== "update") return decision;
      try {
        extracted[index] = linker.extract(item);
      } catch (error) {
        return { action: "reject", reason: `entity extraction failed: ${(error as Error).message}` };
      }
      return decision;
    });

    await places.persist(prisma);
    await persons.persist(prisma);

    const inserting = batch.filter((_, index) => decisions[index]!.action === "insert");
    const newSlugs = await slugs.allocate(
      prisma,
      inserting.map((item) => item.slugBase),
      reservedSlugs,
    );
    const slugOf = new Map(inserting.map((item, index) => [item, newSlugs[index]!]));

    const writes: ArticleWrite[] = [];
    for (const [index, item] of batch.entries()) {
      const decision = decisions[index]!;
      if (decision.action === "reject") {
        outcome.rejected(item, decision.reason);
        continue;
      }
      if (decision.action === "unchanged") {
        outcome.unchanged(item, decision.id);
        continue;
      }
      let links: ReturnType<typeof linker.links>;
      try {
        links = linker.links(extracted[index]!);
      } catch (error) {
        outcome.rejected(item, (error as Error).message);
        continue;
      }
      writes.push({
        item,
        sourceId: sourceIds[index]!,
        updateId: decision.action === "update" ? decision.id : null,
        slug: slugOf.get(item) ?? "",
        ...links,
      });
    }
    return writes;
  }
}
