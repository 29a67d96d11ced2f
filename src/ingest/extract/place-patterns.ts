// Finds place mentions from place units (see place-units.ts), reading chains of them from the
// smallest to the largest ("Oguk-ri, Anak County, South Hwanghae Province", "Kangdong County of
// Pyongyang Municipality", "Samjiyon County in Ryanggang Province"). A unit the catalog lacks is
// discovered only inside a chain whose larger end is a known place, so every new place gets a
// parent and nothing is invented from a lone capitalised word.
import type { PlaceKind } from "../../generated/prisma/enums.ts";
import { slugify } from "../../lib/slug.ts";
import type { PlaceRef } from "../../reference/types.ts";
import type { DiscoveredPlaces } from "./discovered-places.ts";
import type { NameHit } from "./name-matcher.ts";
import type { TextStyle } from "./person-rules.ts";
import { adminRank, type PlaceIndex, spellingKey } from "./place-index.ts";
import { namesOrganisation } from "./place-rules.ts";
import { findUnits, type Unit } from "./place-units.ts";
import type { Tokens } from "./tokens.ts";

export interface PlaceMention {
  key: string;
  start: number;
  end: number;
}

/** ", " or " of " / " in " (optionally "the") between a smaller unit and the larger one. */
const CHAIN_GAP = /^(?:\s*,\s*|\s+(?:of|in)\s+(?:the\s+)?)$/;

/** The place mentions of a text; places it discovers are added to `discovered`. */
export function findPlaces(tokens: Tokens, hits: readonly NameHit[], index: PlaceIndex, discovered: DiscoveredPlaces, style: TextStyle): PlaceMention[] {
  const units = findUnits(tokens, hits, index, discovered, style).filter((u) => !namesOrganisation(tokens, u.firstToken, u.lastToken, kindOf(u)));
  const chains = linkChains(tokens.text, units);
  for (const chain of chains) if (chain.length > 1) resolveChain(chain, index, discovered);
  for (const unit of units) {
    if (unit.place || unit.candidates.length > 0) continue;
    if (unit.name) unit.place = discovered.spelled(spellingKey(unit.name));
  }
  disambiguate(units, index);
  const mentions: PlaceMention[] = [];
  for (const unit of units) {
    if (unit.place) mentions.push({ key: unit.place.key, start: unit.start, end: unit.end });
  }
  return mentions;
}

function linkChains(text: string, units: readonly Unit[]): Unit[][] {
  const chains: Unit[][] = [];
  let chain: Unit[] = [];
  for (const unit of units) {
    const previous = chain[chain.length - 1];
    if (previous && unit.start >= previous.end && CHAIN_GAP.test(text.slice(previous.end, unit.start))) {
      chain.push(unit);
    } else {
      if (chain.length > 0) chains.push(chain);
      chain = [unit];
    }
  }
  if (chain.length > 0) chains.push(chain);
  return chains;
}

/** From the largest unit down: each known unit becomes the parent of the one before it. */
function resolveChain(chain: Unit[], index: PlaceIndex, discovered: DiscoveredPlaces): void {
  let parent: PlaceRef | undefined;
  for (let k = chain.length - 1; k >= 0; k--) {
    const unit = chain[k]!;
    if (unit.candidates.length > 0) {
      const inside = parent ? unit.candidates.find((c) => index.isWithin(c, parent!.key)) : undefined;
      unit.place = inside ?? (unit.candidates.length === 1 ? unit.candidates[0] : undefined);
      parent = unit.place;
    } else if (parent && unit.name && unit.kind && index.acceptsNewChild(parent, unit.kind)) {
      const spelled = spellingKey(unit.name);
      const existing = discovered.spelled(spelled);
      unit.place = existing ?? newPlace(unit.name, unit.kind, parent, index, discovered);
      if (!existing) discovered.add(unit.place);
      parent = unit.place;
    } else {
      parent = undefined;
    }
  }
}

function newPlace(name: string, kind: PlaceKind, parent: PlaceRef, index: PlaceIndex, discovered: DiscoveredPlaces): PlaceRef {
  // Derived from the parent so the same village found in two articles gets the same key.
  const base = `${parent.key}-${slugify(name)}`;
  let key = base;
  for (let n = 2; index.has(key) || discovered.has(key); n++) key = `${base}-${n}`;
  return { key, name, aliases: [], kind, parentKey: parent.key };
}

/**
 * A spelling shared by several places ("Kangso") goes to the one inside a place the article
 * also names, else to the largest unit, else to the first in the catalog.
 */
function disambiguate(units: Unit[], index: PlaceIndex): void {
  const context = new Set<string>();
  for (const unit of units) {
    const known = unit.place ?? (unit.candidates.length === 1 ? unit.candidates[0] : undefined);
    if (known) context.add(known.key);
  }
  for (const unit of units) {
    if (unit.place || unit.candidates.length < 2) {
      unit.place ??= unit.candidates[0];
      continue;
    }
    const inContext = unit.candidates.filter((c) => index.ancestorKeys(c).some((a) => context.has(a)));
    const pool = inContext.length > 0 ? inContext : unit.candidates;
    let best = pool[0]!;
    for (const candidate of pool) if (adminRank(candidate.kind) > adminRank(best.kind)) best = candidate;
    unit.place = best;
  }
}

/** A unit is treated as a country only when every place it may be is one. */
function kindOf(unit: Unit): PlaceKind {
  if (unit.candidates.length > 0 && unit.candidates.every((c) => c.kind === "COUNTRY")) return "COUNTRY";
  return unit.kind ?? unit.candidates[0]?.kind ?? "AREA";
}
