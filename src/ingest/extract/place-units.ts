// Finds the place units of a text: administrative units spelled with a suffix word ("Anak
// County", "Pyongyang Municipality", "north Phyongan province", "Oguk-ri") and the catalog place
// names the matcher found outside them. A suffix unit is resolved against the catalog by its
// full spelling, then by its bare name ("Samjiyon County" for the catalog's Samjiyon); one the
// catalog lacks carries the name it would be discovered under.
import type { PlaceKind } from "../../generated/prisma/enums.ts";
import type { PlaceRef } from "../../reference/types.ts";
import type { DiscoveredPlaces } from "./discovered-places.ts";
import { ADMIN_SUFFIX_KINDS, DESCRIPTIVE_WORDS, NAME_PARTICLES, NOT_NAME_WORDS, VILLAGE_SUFFIXES } from "./lexicon.ts";
import type { NameHit } from "./name-matcher.ts";
import type { TextStyle } from "./person-rules.ts";
import type { PlaceIndex } from "./place-index.ts";
import { type Tokens, WordFilter } from "./tokens.ts";

export interface Unit {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  /** Places this spelling may be; empty when unknown. */
  candidates: readonly PlaceRef[];
  /** Kind implied by the suffix word; null for a plain catalog name. */
  kind: PlaceKind | null;
  /** Name to give the place if it is discovered; null when it may not be discovered. */
  name: string | null;
  place?: PlaceRef;
}

const ADMIN_KINDS = new Map<string, PlaceKind>(Object.entries(ADMIN_SUFFIX_KINDS));
const SUFFIX_WORDS = new WordFilter([...ADMIN_KINDS.keys(), ...VILLAGE_SUFFIXES]);
const MAX_RUN = 5;
/** Lowercase in some feeds but part of the name ("north Phyongan province"). */
const COMPASS_WORDS = new Set(["north", "south", "east", "west"]);

/** Kinds a suffix word may refer to, first the exact ones, then those a renaming may explain. */
const SUFFIX_KINDS: Record<string, { exact: PlaceKind[]; renamed: PlaceKind[] }> = {
  PROVINCE: { exact: ["PROVINCE"], renamed: [] },
  SPECIAL_CITY: { exact: ["SPECIAL_CITY", "CITY"], renamed: [] },
  CITY: { exact: ["CITY", "SPECIAL_CITY"], renamed: ["COUNTY", "DISTRICT"] },
  COUNTY: { exact: ["COUNTY"], renamed: ["CITY", "DISTRICT"] },
  DISTRICT: { exact: ["DISTRICT"], renamed: ["COUNTY", "CITY"] },
  VILLAGE: { exact: ["VILLAGE"], renamed: [] },
};

/** Suffix units and the catalog names outside them, in text order. */
export function findUnits(tokens: Tokens, hits: readonly NameHit[], index: PlaceIndex, discovered: DiscoveredPlaces, style: TextStyle): Unit[] {
  const suffixUnits = findSuffixUnits(tokens, hits, index, discovered, style);
  return [...suffixUnits, ...unitsFromHits(hits, suffixUnits, index)].sort((a, b) => a.start - b.start);
}

function findSuffixUnits(tokens: Tokens, hits: readonly NameHit[], index: PlaceIndex, discovered: DiscoveredPlaces, style: TextStyle): Unit[] {
  const units: Unit[] = [];
  for (let t = 1; t < tokens.count; t++) {
    if (!SUFFIX_WORDS.mayContain(tokens, t)) continue;
    const key = tokens.key(t);
    const adminKind = ADMIN_KINDS.get(key);
    // The suffix may be lowercase ("Kangso district", "north Phyongan province").
    if (adminKind && tokens.capital[t - 1] && gapIs(tokens, t - 1, " ")) {
      const unit = adminUnit(tokens, hits, t, adminKind, index, discovered, style);
      if (unit) units.push(unit);
    } else if (VILLAGE_SUFFIXES.has(key) && tokens.capital[t - 1] && gapIs(tokens, t - 1, "-")) {
      if (!coveredByPerson(hits, t)) units.push(villageUnit(tokens, t, index, discovered));
    }
  }
  return units;
}

function adminUnit(
  tokens: Tokens,
  hits: readonly NameHit[],
  suffix: number,
  kind: PlaceKind,
  index: PlaceIndex,
  discovered: DiscoveredPlaces,
  style: TextStyle,
): Unit | null {
  let runStart = suffix - 1;
  while (
    runStart > 0 &&
    suffix - runStart < MAX_RUN &&
    tokens.capital[runStart - 1] &&
    (gapIs(tokens, runStart - 1, " ") || gapIs(tokens, runStart - 1, "-"))
  ) {
    runStart--;
  }
  const before = runStart - 1;
  if (before >= 0 && COMPASS_WORDS.has(tokens.key(before)) && gapIs(tokens, before, " ")) runStart = before;
  // Longest spelling first: "South Hwanghae Province" before "Hwanghae Province".
  for (let s = runStart; s < suffix; s++) {
    const spelled = spellingOf(tokens, s, suffix);
    const local = discovered.spelled(spelled);
    const candidates = local ? [local] : index.spelled(spelled);
    if (candidates.length > 0) return unit(tokens, s, suffix, candidates, kind, null);
  }
  for (let s = runStart; s < suffix; s++) {
    const candidates = byBareName(index, spellingOf(tokens, s, suffix - 1), kind);
    if (candidates.length > 0) return unit(tokens, s, suffix, candidates, kind, null);
  }
  const nameStart = discoverableStart(tokens, hits, runStart, suffix, style);
  if (nameStart < 0) return null;
  const written = tokens.text.slice(tokens.starts[nameStart], tokens.starts[suffix]) + tokens.key(suffix);
  return unit(tokens, nameStart, suffix, [], kind, capitaliseWords(written));
}

/** "Kunming city" and "south Jolla province" are named "Kunming City" and "South Jolla Province". */
function capitaliseWords(name: string): string {
  return name.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/**
 * Where the new place's name begins among the capitalised words before its suffix, or -1 when
 * they do not make a name. Words that start sentences are dropped. In sentence-cased text the
 * remaining capitalised words are the name ("Siem Reap Province", "Kim Jong Suk County"); a
 * headline capitalises every word, so there the name is the last word unless a person's name
 * ends just before the suffix. Descriptive words ("Capital City") and a foreign particle just
 * before ("Magdalena del Mar District") mean the words are not a whole name.
 */
function discoverableStart(tokens: Tokens, hits: readonly NameHit[], runStart: number, suffix: number, style: TextStyle): number {
  let start = runStart;
  while (start < suffix && NOT_NAME_WORDS.has(tokens.key(start))) start++;
  if (start === suffix) return -1;
  const before = start - 1;
  if (before >= 0 && NAME_PARTICLES.has(tokens.key(before)) && gapIs(tokens, before, " ")) return -1;
  if (style === "headline") {
    const person = hits.find((h) => h.lastToken === suffix - 1 && h.firstToken >= start && h.entries.some((e) => e.type === "person"));
    start = person ? person.firstToken : suffix - 1;
  }
  for (let t = start; t < suffix; t++) if (DESCRIPTIVE_WORDS.has(tokens.key(t))) return -1;
  return start;
}

function villageUnit(tokens: Tokens, suffix: number, index: PlaceIndex, discovered: DiscoveredPlaces): Unit {
  const spelled = spellingOf(tokens, suffix - 1, suffix);
  const local = discovered.spelled(spelled);
  const candidates = local ? [local] : index.spelled(spelled);
  const name = tokens.text.slice(tokens.starts[suffix - 1], tokens.ends[suffix]);
  return unit(tokens, suffix - 1, suffix, candidates, "VILLAGE", name);
}

/** Catalog names inside a unit found by its suffix belong to that unit ("Pyongyang Municipality"). */
function unitsFromHits(hits: readonly NameHit[], suffixUnits: readonly Unit[], index: PlaceIndex): Unit[] {
  const units: Unit[] = [];
  let u = 0;
  for (const hit of hits) {
    const places = hit.entries.filter((e) => e.type === "place");
    if (places.length === 0) continue;
    while (u < suffixUnits.length && suffixUnits[u]!.end <= hit.start) u++;
    const inside = suffixUnits[u];
    if (inside && inside.start <= hit.start && hit.end <= inside.end) continue;
    const candidates = places.map((e) => index.get(e.key)).filter((p): p is PlaceRef => p !== undefined);
    units.push({
      start: hit.start,
      end: hit.end,
      firstToken: hit.firstToken,
      lastToken: hit.lastToken,
      candidates,
      kind: null,
      name: null,
    });
  }
  return units;
}

function byBareName(index: PlaceIndex, bare: string, suffixKind: PlaceKind): readonly PlaceRef[] {
  const places = index.bare(bare);
  if (places.length === 0) return places;
  const kinds = SUFFIX_KINDS[suffixKind];
  if (!kinds) return [];
  const exact = places.filter((p) => kinds.exact.includes(p.kind));
  return exact.length > 0 ? exact : places.filter((p) => kinds.renamed.includes(p.kind));
}

function unit(tokens: Tokens, first: number, last: number, candidates: readonly PlaceRef[], kind: PlaceKind, name: string | null): Unit {
  return {
    start: tokens.starts[first]!,
    end: tokens.ends[last]!,
    firstToken: first,
    lastToken: last,
    candidates,
    kind,
    name,
  };
}

function spellingOf(tokens: Tokens, first: number, last: number): string {
  let spelled = tokens.key(first);
  for (let t = first + 1; t <= last; t++) spelled += ` ${tokens.key(t)}`;
  return spelled;
}

function gapIs(tokens: Tokens, t: number, separator: string): boolean {
  return tokens.text.slice(tokens.ends[t], tokens.starts[t + 1]) === separator;
}

function coveredByPerson(hits: readonly NameHit[], t: number): boolean {
  return hits.some((h) => h.firstToken <= t && t <= h.lastToken && h.entries.some((e) => e.type === "person"));
}
