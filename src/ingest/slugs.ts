// Article slugs unique across the batch and the rows already stored: the title's slug, else the
// first free "-2", "-3" ... Free candidates are found with one indexed query per round, probing a
// window of suffixes at once; for titles that repeat ("New Year editorial" every January) the next
// suffix is remembered for the rest of the run.
import { Prisma } from "../generated/prisma/client.ts";
import type { RawQuery } from "./raw-sql.ts";

const FIRST_WINDOW = 1;
// Forget remembered suffixes beyond this many titles; they are found again by probing.
const MEMORY_LIMIT = 200_000;

export class ArticleSlugAllocator {
  /** Smallest suffix not known to be taken, per slug base; 1 stands for the bare base. */
  private readonly nextSuffix = new Map<string, number>();

  private candidate(base: string, suffix: number): string {
    return suffix === 1 ? base : `${base}-${suffix}`;
  }

  /** One slug per base, in order; bases may repeat. `reserved`: slugs taken but not stored yet. */
  async allocate(db: RawQuery, bases: readonly string[], reserved: ReadonlySet<string> = new Set()): Promise<string[]> {
    if (this.nextSuffix.size > MEMORY_LIMIT) this.nextSuffix.clear();
    const result: string[] = new Array(bases.length);
    const takenNow = new Set<string>();
    let pending = bases.map((_, index) => index);
    let window = FIRST_WINDOW;
    while (pending.length > 0) {
      // Each pending record proposes `window` suffixes from where its base's counter stands.
      const pendingPerBase = new Map<string, number>();
      for (const index of pending) pendingPerBase.set(bases[index]!, (pendingPerBase.get(bases[index]!) ?? 0) + 1);
      const candidates = new Set<string>();
      for (const [base, count] of pendingPerBase) {
        const start = this.nextSuffix.get(base) ?? 1;
        for (let k = 0; k < window * count; k++) candidates.add(this.candidate(base, start + k));
      }
      const rows = await db.$queryRaw<{ slug: string }[]>(Prisma.sql`SELECT slug FROM "Article" WHERE slug = ANY(${[...candidates]}::text[])`);
      const stored = new Set(rows.map((row) => row.slug));
      for (const slug of candidates) if (reserved.has(slug)) stored.add(slug);
      const stillPending: number[] = [];
      for (const index of pending) {
        const base = bases[index]!;
        let suffix = this.nextSuffix.get(base) ?? 1;
        while (candidates.has(this.candidate(base, suffix)) && (stored.has(this.candidate(base, suffix)) || takenNow.has(this.candidate(base, suffix)))) {
          suffix++;
        }
        if (suffix > 1) this.nextSuffix.set(base, suffix);
        const slug = this.candidate(base, suffix);
        if (!candidates.has(slug)) {
          // Past what this round checked: ask again with a wider window.
          stillPending.push(index);
          continue;
        }
        takenNow.add(slug);
        result[index] = slug;
        // Titles used once are not remembered (most never repeat, and the second round's window
        // finds their next suffix), so memory stays small on a big run.
        if (suffix > 1) this.nextSuffix.set(base, suffix + 1);
        else this.nextSuffix.delete(base);
      }
      pending = stillPending;
      window *= 8;
    }
    return result;
  }
}
