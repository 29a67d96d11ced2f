// Finds the dateline that opens a news-agency story ("Pyongyang, March 3 (KCNA) --",
// "Pyongyang, 3 de marzo (ACNC) --"). The place it names is where the story was filed, which
// counts as a mention even when the spelling is not one the matcher knows ("Samjiyon").
import type { PlaceRef } from "../../reference/types.ts";
import { adminRank, type PlaceIndex, spellingKey } from "./place-index.ts";
import type { PlaceMention } from "./place-patterns.ts";

/** Character span of the dateline's place name, or null when the text has no dateline. */
export interface DatelinePlace {
  name: string;
  start: number;
  end: number;
}

const DATELINE =
  /^\s*([A-Z][\p{L}.' -]{0,40}?),\s+(?:\p{L}+\.?\s+\d{1,2}|\d{1,2}\s+(?:de\s+)?\p{L}+)\s*\(\s*\p{L}[\p{L} .-]{0,30}\)\s*(?:--|\u2014|\u2013|-)/du;

export function findDateline(text: string): DatelinePlace | null {
  const match = DATELINE.exec(text.slice(0, 160));
  const span = match?.indices?.[1];
  if (!match || !span) return null;
  return { name: match[1]!, start: span[0], end: span[1] };
}

/**
 * The dateline's place when the other rules have not already counted it: looked up by its
 * spelling, then by bare name ("Samjiyon" for Samjiyon County), preferring towns.
 */
export function datelineMention(text: string, mentions: readonly PlaceMention[], places: PlaceIndex): PlaceMention | null {
  const dateline = findDateline(text);
  if (!dateline) return null;
  if (mentions.some((m) => m.start < dateline.end && m.end > dateline.start)) return null;
  const spelled = spellingKey(dateline.name);
  const candidates = [...places.spelled(spelled), ...places.bare(spelled)];
  if (candidates.length === 0) return null;
  const best = candidates.reduce((a, b) => (townPreference(b) > townPreference(a) ? b : a));
  return { key: best.key, start: dateline.start, end: dateline.end };
}

/** A dateline names a town: cities first, then counties and districts, then anything else. */
function townPreference(place: PlaceRef): number {
  switch (place.kind) {
    case "SPECIAL_CITY":
    case "CITY":
      return 10;
    case "COUNTY":
    case "DISTRICT":
      return 9;
    default:
      return adminRank(place.kind);
  }
}
