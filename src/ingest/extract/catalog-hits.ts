// Which catalog name, if any, covers a token. The discovery rules ask this of a few tokens
// around each candidate, so the hits (sorted, non-overlapping) are searched rather than spread
// over an array as long as the text.
import type { NameHit } from "./name-matcher.ts";

export class CatalogHits {
  readonly list: readonly NameHit[];

  constructor(list: readonly NameHit[]) {
    this.list = list;
  }

  /** Index of the hit covering token t, or -1. */
  at(t: number): number {
    let low = 0;
    let high = this.list.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const hit = this.list[mid]!;
      if (t < hit.firstToken) high = mid - 1;
      else if (t > hit.lastToken) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  covers(t: number): boolean {
    return this.at(t) >= 0;
  }

  /** Whether hit h spells only people (not a place such as "Kim Chaek" the city). */
  onlyPersons(h: number): boolean {
    for (const entry of this.list[h]!.entries) if (entry.type !== "person") return false;
    return true;
  }

  /** Whether hit h spells a person, perhaps among others. */
  spellsPerson(h: number): boolean {
    for (const entry of this.list[h]!.entries) if (entry.type === "person") return true;
    return false;
  }
}
