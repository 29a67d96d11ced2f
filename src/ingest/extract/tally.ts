// Adds up mentions per entity: how often, in which spellings, and where first.
import type { EntityMatch } from "../types.ts";

/** Offset recorded for an entity named in the title but not (yet) in the text. */
export const TITLE_ONLY_OFFSET = -1;

interface Entry {
  key: string;
  count: number;
  surfaceForms: string[];
  firstOffset: number;
  order: number;
}

export class MentionTally {
  private readonly entries = new Map<string, Entry>();

  /** `offset` is the position in the text, or TITLE_ONLY_OFFSET for a mention in the title. */
  add(key: string, surface: string, offset: number): void {
    const form = surface.replace(/\s+/g, " ");
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { key, count: 1, surfaceForms: [form], firstOffset: offset, order: this.entries.size });
      return;
    }
    entry.count++;
    if (!entry.surfaceForms.includes(form)) entry.surfaceForms.push(form);
    if (entry.firstOffset === TITLE_ONLY_OFFSET) entry.firstOffset = offset;
  }

  /** Most mentioned first; ties in order of first appearance. */
  toMatches(): EntityMatch[] {
    return [...this.entries.values()]
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .map(({ key, count, surfaceForms, firstOffset }) => ({ key, count, surfaceForms, firstOffset }));
  }
}
