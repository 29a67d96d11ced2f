// Writes one prepared batch in one transaction. If the database refuses a record's data, the
// batch is rolled back and its records are written one per transaction, so a bad record costs
// only itself; any other failure (connection lost, test abort) is thrown and ends the run.
import { type ChangeSet, notifyChanges } from "../db/changes.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { databaseMessage, IngestAbortedError, isRecordError } from "./errors.ts";
import { type ArticleWrite, writeArticles } from "./writer.ts";

// A batch of a few hundred long articles can take seconds on an embedded database.
const TRANSACTION_LIMITS = { maxWait: 60_000, timeout: 10 * 60_000 };

export interface BatchOutcome {
  /** An article went in: its write and stored id. */
  written(write: ArticleWrite, id: number): void;
  /** The database refused the record; the reason for the rejects file. */
  refused(write: ArticleWrite, reason: string): void;
}

/** Runs inside the transaction before it commits; throwing aborts the run (tests simulate a crash). */
export type BeforeCommit = (batchNumber: number) => void | Promise<void>;

export async function writeBatch(
  prisma: PrismaClient,
  batchNumber: number,
  writes: readonly ArticleWrite[],
  outcome: BatchOutcome,
  beforeCommit?: BeforeCommit,
): Promise<void> {
  if (writes.length === 0) return;
  const transaction = (part: readonly ArticleWrite[], isWholeBatch: boolean) =>
    prisma.$transaction(async (tx) => {
      const ids = await writeArticles(tx, part);
      // Delivered when this transaction commits: servers drop what they cached about these rows.
      await notifyChanges(tx, changesOf(part, ids));
      if (isWholeBatch && beforeCommit) {
        try {
          await beforeCommit(batchNumber);
        } catch (error) {
          throw new IngestAbortedError(`run aborted in batch ${batchNumber}: ${(error as Error).message}`);
        }
      }
      return ids;
    }, TRANSACTION_LIMITS);

  try {
    const ids = await transaction(writes, true);
    writes.forEach((write, index) => {
      outcome.written(write, ids[index]!);
    });
    return;
  } catch (error) {
    if (!isRecordError(error)) throw error;
  }
  for (const write of writes) {
    try {
      const [id] = await transaction([write], false);
      outcome.written(write, id!);
    } catch (error) {
      if (!isRecordError(error)) throw error;
      outcome.refused(write, `the database refused the record: ${databaseMessage(error) ?? (error as Error).message}`);
    }
  }
}

/** The articles written and every source, person and place they link to. */
function changesOf(writes: readonly ArticleWrite[], ids: readonly number[]): ChangeSet {
  return {
    articles: [...ids],
    sources: writes.map((write) => write.sourceId),
    persons: writes.flatMap((write) => [...write.persons.map((mention) => mention.entityId), ...write.authorIds]),
    places: writes.flatMap((write) => write.places.map((mention) => mention.entityId)),
  };
}
