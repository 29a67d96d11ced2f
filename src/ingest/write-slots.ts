// Batches being written, oldest first. Several are written at once, each on its own connection,
// so PostgreSQL uses both cores while the next batch is read and linked; a batch that could touch
// the same article as one being written waits for it, and the slugs a batch inserts stay reserved
// until it is committed.

export interface WriteInFlight {
  /** The batch's identity keys (IdentifiedRecord.batchKeys.own). */
  keys: ReadonlySet<string>;
  /** Slugs it inserts. */
  slugs: ReadonlySet<string>;
  done: Promise<void>;
}

interface Slot extends Omit<WriteInFlight, "done"> {
  /** Kept rather than thrown, so a failure is never an unhandled rejection. */
  outcome: Promise<{ error: unknown } | null>;
}

export class WriteSlots {
  private readonly capacity: number;
  /** Called after each batch settles successfully. */
  private readonly onSettled: () => void;
  private readonly slots: Slot[] = [];
  /** Slugs of batches not committed yet, which the next batch must not take. */
  readonly reservedSlugs = new Set<string>();

  constructor(capacity: number, onSettled: () => void) {
    this.capacity = capacity;
    this.onSettled = onSettled;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Waits until a slot is free and no batch being written shares a key with `dependsOn`. */
  async waitForRoom(dependsOn: readonly string[]): Promise<void> {
    const depends = () => this.slots.some((slot) => dependsOn.some((key) => slot.keys.has(key)));
    while (this.slots.length >= this.capacity || (this.slots.length > 0 && depends())) await this.settleOldest();
  }

  start(write: WriteInFlight): void {
    for (const slug of write.slugs) this.reservedSlugs.add(slug);
    this.slots.push({
      keys: write.keys,
      slugs: write.slugs,
      outcome: write.done.then(
        () => null,
        (error: unknown) => ({ error }),
      ),
    });
  }

  /** Waits for the oldest batch; rethrows its failure. */
  async settleOldest(): Promise<void> {
    const slot = this.slots.shift();
    if (!slot) return;
    const outcome = await slot.outcome;
    for (const slug of slot.slugs) this.reservedSlugs.delete(slug);
    if (outcome) throw outcome.error;
    this.onSettled();
  }

  /** Waits for every batch; rethrows the first failure. */
  async drain(): Promise<void> {
    while (this.slots.length > 0) await this.settleOldest();
  }

  /** Waits for every batch, ignoring failures: after an error, never leave a transaction running. */
  async abandon(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.outcome));
  }
}
