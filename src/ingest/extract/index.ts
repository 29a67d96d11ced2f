// Entity extraction: links the people and places a text names to the catalog. The matcher is
// built once per catalog; each extract() call tokenizes the text once and runs the rules over
// the tokens. The rules live in their modules: name-matcher.ts (longest match, glued and
// possessive forms, case), person-rules.ts (names given to institutions), person-discovery.ts
// and known-persons.ts (people the catalog lacks: korean-names.ts, chinese-names.ts,
// person-context.ts),
// place-units.ts and place-patterns.ts (administrative units, chains, discovery), place-rules.ts
// (places inside organisation names), dateline.ts.
import type { PersonRef, PlaceRef } from "../../reference/types.ts";
import type { EntityCatalog, Extraction } from "../types.ts";
import { CatalogHits } from "./catalog-hits.ts";
import { datelineMention } from "./dateline.ts";
import { type NameHit, NameMatcher } from "./name-matcher.ts";
import { namesSomethingElse, type TextStyle } from "./person-rules.ts";
import { linkableSpellings, PlaceIndex } from "./place-index.ts";
import { DiscoveredPlaces } from "./discovered-places.ts";
import { KnownPersons } from "./known-persons.ts";
import { findNewNames } from "./person-discovery.ts";
import { findPlaces, type PlaceMention } from "./place-patterns.ts";
import { MentionTally, TITLE_ONLY_OFFSET } from "./tally.ts";
import { type Tokens, tokenize } from "./tokens.ts";

export { TITLE_ONLY_OFFSET } from "./tally.ts";

export interface ExtractOptions {
  /**
   * The article's title. Names in it count as mentions; one named only in the title gets
   * `firstOffset` TITLE_ONLY_OFFSET (-1), since offsets point into the text.
   */
  title?: string;
}

/** One text tokenized and matched against the catalog. */
interface ScannedText {
  text: string;
  style: TextStyle;
  tokens: Tokens;
  hits: NameHit[];
  /** The same hits, searchable by token for the discovery rules. */
  catalogHits: CatalogHits;
  /** Per hit, whether the name is part of an institution's name (see person-rules.ts). */
  naming: boolean[];
}

export interface Extractor {
  extract(text: string, options?: ExtractOptions): Extraction;
  /** Adds places (typically earlier `discoveredPlaces`) so later texts link to them; parents first. */
  addPlaces(places: readonly PlaceRef[]): void;
}

export function createExtractor(catalog: EntityCatalog): Extractor {
  if (!catalog || !Array.isArray(catalog.persons) || !Array.isArray(catalog.places)) {
    throw new TypeError("createExtractor: catalog must have `persons` and `places` arrays");
  }
  const matcher = new NameMatcher();
  const places = new PlaceIndex();

  const personKeys = new Set<string>();
  for (const person of catalog.persons) {
    checkEntity(person, "person");
    if (personKeys.has(person.key)) throw new Error(`createExtractor: duplicate person key "${person.key}"`);
    personKeys.add(person.key);
    for (const spelling of [person.name, ...person.aliases]) matcher.add(spelling, { type: "person", key: person.key });
  }

  const addPlace = (place: PlaceRef, source: "createExtractor" | "addPlaces"): void => {
    checkEntity(place, "place");
    if (place.parentKey !== undefined && !places.has(place.parentKey)) {
      throw new Error(`${source}: place "${place.key}" names unknown parent "${place.parentKey}" (parents first)`);
    }
    places.add(place, source === "createExtractor");
    for (const spelling of linkableSpellings(place)) matcher.add(spelling, { type: "place", key: place.key });
  };
  for (const place of catalog.places) {
    if (places.has(place.key)) throw new Error(`createExtractor: duplicate place key "${place.key}"`);
    addPlace(place, "createExtractor");
  }

  /** Catalog names in one text; persons wait until the body has been read for new people. */
  const read = (text: string, style: TextStyle): ScannedText => {
    const tokens = tokenize(text);
    const hits = matcher.findAll(tokens);
    return { text, style, tokens, hits, catalogHits: new CatalogHits(hits), naming: namesSomethingElse(tokens, hits, style) };
  };

  const tallyPersons = (scanned: ScannedText, known: KnownPersons, tally: MentionTally): void => {
    const { text, tokens, hits, catalogHits, naming, style } = scanned;
    const { mentions, replacedHits } = known.mentionsIn(tokens, catalogHits, style);
    // Catalog hits and discovered mentions merged in text order, so ties keep order of appearance.
    let m = 0;
    for (let h = 0; h <= hits.length; h++) {
      const hit = hits[h];
      const hitStart = hit ? hit.start : Infinity;
      for (; m < mentions.length && tokens.starts[mentions[m]!.first]! < hitStart; m++) {
        const mention = mentions[m]!;
        const start = tokens.starts[mention.first]!;
        tally.add(mention.key, text.slice(start, tokens.ends[mention.last]), style === "headline" ? TITLE_ONLY_OFFSET : start);
      }
      if (!hit || naming[h] || replacedHits.has(h)) continue;
      // Namesakes share a spelling; without more to go on the first in the catalog is linked.
      const person = hit.entries.find((e) => e.type === "person");
      if (person) tally.add(person.key, text.slice(hit.start, hit.end), style === "headline" ? TITLE_ONLY_OFFSET : hit.start);
    }
  };

  const tallyPlaces = (scanned: ScannedText, tally: MentionTally, discovered: DiscoveredPlaces): PlaceMention[] => {
    const { text, tokens, hits, style } = scanned;
    const mentions = findPlaces(tokens, hits, places, discovered, style);
    for (const m of mentions) tally.add(m.key, text.slice(m.start, m.end), style === "headline" ? TITLE_ONLY_OFFSET : m.start);
    return mentions;
  };

  return {
    extract(text: string, options?: ExtractOptions): Extraction {
      if (typeof text !== "string") throw new TypeError("extract: text must be a string");
      const title = options?.title;
      if (title !== undefined && typeof title !== "string") throw new TypeError("extract: title must be a string");
      const headline = title ? read(title, "headline") : null;
      const body = read(text, "body");

      const known = new KnownPersons(personKeys);
      known.learn(body.tokens, findNewNames(body.tokens, body.catalogHits));
      const persons = new MentionTally();
      if (headline) tallyPersons(headline, known, persons);
      tallyPersons(body, known, persons);

      const placeTally = new MentionTally();
      const discovered = new DiscoveredPlaces();
      if (headline) tallyPlaces(headline, placeTally, discovered);
      const mentions = tallyPlaces(body, placeTally, discovered);
      const dateline = datelineMention(text, mentions, places);
      if (dateline) placeTally.add(dateline.key, text.slice(dateline.start, dateline.end), dateline.start);
      return {
        persons: persons.toMatches(),
        places: placeTally.toMatches(),
        discoveredPlaces: discovered.list,
        discoveredPersons: known.discovered,
      };
    },
    addPlaces(newPlaces: readonly PlaceRef[]): void {
      if (!Array.isArray(newPlaces)) throw new TypeError("addPlaces: expected an array of places");
      for (const place of newPlaces) {
        if (!places.has(place.key)) addPlace(place, "addPlaces");
      }
    },
  };
}

function checkEntity(entity: PersonRef | PlaceRef, what: string): void {
  if (!entity || typeof entity.key !== "string" || entity.key === "") {
    throw new TypeError(`createExtractor: every ${what} needs a non-empty string key`);
  }
  if (typeof entity.name !== "string" || entity.name.trim() === "") {
    throw new TypeError(`createExtractor: ${what} "${entity.key}" needs a name`);
  }
  if (!Array.isArray(entity.aliases)) {
    throw new TypeError(`createExtractor: ${what} "${entity.key}" needs an aliases array`);
  }
}
