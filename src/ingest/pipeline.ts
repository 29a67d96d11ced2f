// The ingest pipeline: read records from the inputs, group them in batches, plan each batch
// (batch-planner.ts: decisions, links, new rows) and write it in one transaction
// (batch-writer.ts). Several batches are written at once (write-slots.ts) while the next is read
// and linked, and reading pauses while all write slots are busy, so memory holds a few batches
// whatever the input size.
//
// A batch is cut before a record that may be the same article as one already in it (same URL or
// content, or a stub and an article with its title), so every batch is decided against settled
// rows.
import type { Readable } from "node:stream";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { PersonRef, PlaceRef } from "../reference/types.ts";
import { BatchPlanner } from "./batch-planner.ts";
import { type BeforeCommit, writeBatch } from "./batch-writer.ts";
import { HeapCeiling } from "./heap-ceiling.ts";
import { identify, type IdentifiedRecord } from "./identity.ts";
import type { InputSource } from "./input/inputs.ts";
import { type Extractor, Linker } from "./linker.ts";
import { PersonRegistry } from "./persons.ts";
import { PlaceRegistry } from "./places.ts";
import type { ProgressSnapshot } from "./progress.ts";
import type { RecordDefaults } from "./readers/items.ts";
import { readInput } from "./readers/read-input.ts";
import type { RejectsSink } from "./rejects.ts";
import { ArticleSlugAllocator } from "./slugs.ts";
import { SourceRegistry } from "./sources.ts";
import { emptyCounts, type IngestStats } from "./stats.ts";
import type { EntityCatalog, RecordOrigin } from "./types.ts";
import { WriteSlots } from "./write-slots.ts";
import type { ArticleWrite } from "./writer.ts";

export interface ReferenceData {
  persons: readonly PersonRef[];
  places: readonly PlaceRef[];
  /** Reference keys to their synced rows (syncReferenceTables). */
  personIds: ReadonlyMap<string, number>;
  placeIds: ReadonlyMap<string, number>;
}

export interface IngestHooks {
  /**
   * Runs inside each batch's transaction after its statements, before the commit (tests use it
   * to simulate a crash mid-run). Throwing rolls the batch back and ends the run.
   */
  beforeCommit?: BeforeCommit;
}

export interface IngestOptions {
  prisma: PrismaClient;
  inputs: readonly InputSource[];
  stdin: Readable;
  defaults: RecordDefaults;
  batchSize: number;
  reference: ReferenceData;
  createExtractor: (catalog: EntityCatalog) => Extractor;
  rejects: RejectsSink;
  onProgress?: (snapshot: ProgressSnapshot) => void;
  hooks?: IngestHooks;
}

const PROGRESS_EVERY_RECORDS = 200;
/** Used heap above which a full collection runs (see heap-ceiling.ts). */
const HEAP_CEILING_BYTES = 160 * 1024 * 1024;
/** Batches written at once; PostgreSQL runs each on its own connection. */
const WRITE_SLOTS = 3;

export async function ingest(options: IngestOptions): Promise<IngestStats> {
  const { prisma, reference, rejects } = options;
  const startedAt = performance.now();
  const counts = emptyCounts();
  let bytesRead = 0;
  const totalBytes = options.inputs.every((input) => input.kind === "file")
    ? options.inputs.reduce((sum, input) => sum + (input.kind === "file" ? input.size : 0), 0)
    : null;

  const sources = await SourceRegistry.load(prisma);
  const places = await PlaceRegistry.load(prisma, reference.placeIds);
  const persons = await PersonRegistry.load(prisma);
  const extractor = options.createExtractor({
    persons: reference.persons,
    places: [...reference.places, ...places.storedExtras],
  });
  const linker = new Linker(extractor, places, persons, reference.personIds);
  /** Articles this run wrote or confirmed; see `decide`. */
  const touched = new Set<number>();
  const heap = new HeapCeiling(HEAP_CEILING_BYTES);

  const reportProgress = () => options.onProgress?.({ counts: { ...counts }, bytesRead, totalBytes, elapsedMs: performance.now() - startedAt });

  const reject = (origin: RecordOrigin, reason: string, raw: string) => {
    rejects.write({ origin, reason, raw });
    counts.rejected++;
  };

  const planner = new BatchPlanner({ prisma, sources, places, persons, linker, slugs: new ArticleSlugAllocator(), touched });
  const planOutcome = {
    unchanged(_item: IdentifiedRecord, id: number) {
      touched.add(id);
      counts.unchanged++;
    },
    rejected: (item: IdentifiedRecord, reason: string) => reject(item.record.origin, reason, item.raw),
  };
  const batchOutcome = {
    written(write: ArticleWrite, id: number) {
      touched.add(id);
      if (write.updateId !== null) counts.updated++;
      else if (write.item.record.isStub) counts.stubs++;
      else counts.inserted++;
    },
    refused: (write: ArticleWrite, reason: string) => reject(write.item.record.origin, reason, write.item.raw),
  };
  const slots = new WriteSlots(WRITE_SLOTS, () => {
    heap.check();
    reportProgress();
  });

  let batch: IdentifiedRecord[] = [];
  let batchKeys = new Set<string>();
  let batchNumber = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    const keys = batchKeys;
    batch = [];
    batchKeys = new Set();
    await slots.waitForRoom(current.flatMap((item) => item.batchKeys.dependsOn));
    const number = ++batchNumber;
    const writes = await planner.plan(current, slots.reservedSlugs, planOutcome);
    slots.start({
      keys,
      slugs: new Set(writes.filter((write) => write.updateId === null).map((write) => write.slug)),
      done: writeBatch(prisma, number, writes, batchOutcome, options.hooks?.beforeCommit),
    });
  };

  try {
    for (const input of options.inputs) {
      const items = readInput(input, { stdin: options.stdin, defaults: options.defaults, onBytes: (bytes) => (bytesRead += bytes) });
      for await (const item of items) {
        counts.read++;
        if (item.kind === "reject") {
          reject(item.origin, item.reason, item.raw);
          continue;
        }
        const identified = identify(item.record, item.raw);
        if (identified.batchKeys.dependsOn.some((key) => batchKeys.has(key))) await flush();
        batch.push(identified);
        for (const key of identified.batchKeys.own) batchKeys.add(key);
        if (batch.length >= options.batchSize) await flush();
        if (counts.read % PROGRESS_EVERY_RECORDS === 0) reportProgress();
      }
    }
    await flush();
    await slots.drain();
  } finally {
    await slots.abandon();
  }
  return { ...counts, elapsedMs: performance.now() - startedAt };
}
