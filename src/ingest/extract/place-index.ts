// Looks places up by spelling, by bare name ("Anak" for "Anak County") and by key, and knows
// their hierarchy. Shared by the pattern rules, dateline rule and disambiguation.
import type { PlaceKind } from "../../generated/prisma/enums.ts";
import type { PlaceRef } from "../../reference/types.ts";
import { ADMIN_SUFFIX_KINDS, AMBIGUOUS_ALIASES, VILLAGE_SUFFIXES } from "./lexicon.ts";
import { nameKeys } from "./tokens.ts";
import { getOrInsert } from "../../lib/maps.ts";

/** Comparable form of a whole spelling: "Kim Jong-un" -> "kim jong un". */
export function spellingKey(name: string): string {
  return nameKeys(name).join(" ");
}

/** The spelling without its administrative suffix: "anak county" -> "anak", "oguk ri" -> "oguk". */
export function bareKey(key: string): string {
  const space = key.lastIndexOf(" ");
  if (space <= 0) return key;
  const last = key.slice(space + 1);
  if (last in ADMIN_SUFFIX_KINDS || VILLAGE_SUFFIXES.has(last)) return key.slice(0, space);
  return key;
}

/** Spellings of a place the matcher may link: its name and every alias that is not ambiguous. */
export function linkableSpellings(place: PlaceRef): string[] {
  const spellings = [place.name];
  for (const alias of place.aliases) {
    if (!AMBIGUOUS_ALIASES.has(spellingKey(alias))) spellings.push(alias);
  }
  return spellings;
}

const ADMIN_RANK: Partial<Record<PlaceKind, number>> = {
  VILLAGE: 0,
  DISTRICT: 1,
  COUNTY: 2,
  CITY: 2,
  PROVINCE: 3,
  SPECIAL_CITY: 3,
  COUNTRY: 4,
};

/** Whether a place of kind `child` can sit directly inside one of kind `parent`. */
export function canContain(parent: PlaceKind, child: PlaceKind): boolean {
  const parentRank = ADMIN_RANK[parent];
  const childRank = ADMIN_RANK[child];
  if (parentRank === undefined || childRank === undefined) return false;
  // Cities such as Nampho have counties of their own.
  return childRank < parentRank || (parent === "CITY" && child === "COUNTY");
}

/** Higher for larger units; used to break ties between places spelled alike. */
export function adminRank(kind: PlaceKind): number {
  return ADMIN_RANK[kind] ?? -1;
}

const MAX_DEPTH = 16;

export class PlaceIndex {
  private readonly byKey = new Map<string, PlaceRef>();
  private readonly bySpelling = new Map<string, PlaceRef[]>();
  private readonly byBare = new Map<string, PlaceRef[]>();
  /**
   * Kinds of the children each place has in the reference tables with an administrative code:
   * those come from a complete list of divisions (the gazetteer), unlike a foreign capital.
   */
  private readonly codedChildKinds = new Map<string, Set<PlaceKind>>();

  /** `fromReference`: the place comes from the reference tables, not from discovery. */
  add(place: PlaceRef, fromReference: boolean): void {
    this.byKey.set(place.key, place);
    if (fromReference && place.parentKey !== undefined && place.code) {
      getOrInsert(this.codedChildKinds, place.parentKey, () => new Set()).add(place.kind);
    }
    for (const spelling of linkableSpellings(place)) {
      const key = spellingKey(spelling);
      if (!key) continue;
      push(this.bySpelling, key, place);
      push(this.byBare, bareKey(key), place);
    }
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get(key: string): PlaceRef | undefined {
    return this.byKey.get(key);
  }

  /** Places with exactly this spelling key. */
  spelled(key: string): readonly PlaceRef[] {
    return this.bySpelling.get(key) ?? [];
  }

  /** Places whose spelling without its suffix is this bare key. */
  bare(key: string): readonly PlaceRef[] {
    return this.byBare.get(key) ?? [];
  }

  /**
   * Whether a place of `kind` unknown to the tables may be discovered directly under `parent`.
   * Where the reference tables list a parent's coded divisions of that kind, the list is
   * complete: an unknown name is a misspelling, an old name or a namesake elsewhere (south
   * Korea's Kangwon Province has counties the DPRK's lacks). A country whose provinces are listed
   * takes no new direct children at all: they would skip the province level.
   */
  acceptsNewChild(parent: PlaceRef, kind: PlaceKind): boolean {
    if (!canContain(parent.kind, kind)) return false;
    const listed = this.codedChildKinds.get(parent.key);
    if (!listed) return true;
    if (listed.has(kind)) return false;
    return !(parent.kind === "COUNTRY" && listed.has("PROVINCE"));
  }

  /** Whether `place` is `ancestorKey` or lies somewhere inside it. */
  isWithin(place: PlaceRef, ancestorKey: string): boolean {
    let current: PlaceRef | undefined = place;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      if (current.key === ancestorKey) return true;
      current = current.parentKey ? this.byKey.get(current.parentKey) : undefined;
    }
    return false;
  }

  /** Keys of the place's ancestors, nearest first. */
  ancestorKeys(place: PlaceRef): string[] {
    const keys: string[] = [];
    let current = place.parentKey ? this.byKey.get(place.parentKey) : undefined;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      keys.push(current.key);
      current = current.parentKey ? this.byKey.get(current.parentKey) : undefined;
    }
    return keys;
  }
}

function push(map: Map<string, PlaceRef[]>, key: string, place: PlaceRef): void {
  const list = map.get(key);
  if (!list) map.set(key, [place]);
  else if (!list.includes(place)) list.push(place);
}
