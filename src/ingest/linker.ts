// Links records to people and places: runs the extractor over title and body (title and teaser
// for stubs), hands discovered places to the extractor so later texts link to them, queues new
// places, discovered people and bylined authors for insertion, and turns entity keys into row ids
// once stored.
import { looksLikePersonName } from "./byline.ts";
import type { IdentifiedRecord } from "./identity.ts";
import type { PersonRegistry } from "./persons.ts";
import type { PlaceRegistry } from "./places.ts";
import type { PlaceRef } from "../reference/types.ts";
import type { Extraction } from "./types.ts";
import type { MentionRow } from "./writer.ts";

/** The extractor's interface as the ingester uses it (src/ingest/extract). */
export interface Extractor {
  extract(text: string, options?: { title?: string }): Extraction;
  addPlaces(places: readonly PlaceRef[]): void;
}

export interface Extracted {
  extraction: Extraction;
  /** Names of the people the extractor discovered in this text, by the key its matches use. */
  discoveredNames: Map<string, string>;
  /** Byline names that read as persons (desks like "Political News Team" stay in the byline only). */
  authorNames: string[];
}

export interface Links {
  persons: MentionRow[];
  places: MentionRow[];
  authorIds: number[];
}

/** The earlier of two first offsets; a negative one (named only in the title) counts as unknown. */
function mergeOffsets(a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

export class Linker {
  private readonly extractor: Extractor;
  private readonly places: PlaceRegistry;
  private readonly persons: PersonRegistry;
  private readonly personIds: ReadonlyMap<string, number>;

  constructor(extractor: Extractor, places: PlaceRegistry, persons: PersonRegistry, personIds: ReadonlyMap<string, number>) {
    this.extractor = extractor;
    this.places = places;
    this.persons = persons;
    this.personIds = personIds;
  }

  /** CPU only: may run while the previous batch is being written. */
  extract(item: IdentifiedRecord): Extracted {
    const { record } = item;
    const text = item.body ?? record.teaser ?? "";
    const extraction = this.extractor.extract(text, { title: record.title });
    if (extraction.discoveredPlaces.length > 0) {
      this.extractor.addPlaces(extraction.discoveredPlaces);
      this.places.discover(extraction.discoveredPlaces);
    }
    const discoveredNames = new Map<string, string>();
    for (const person of extraction.discoveredPersons ?? []) {
      discoveredNames.set(person.key, person.name);
      this.persons.require(person);
    }
    const authorNames = [...new Set(record.byline.filter(looksLikePersonName))];
    for (const name of authorNames) this.persons.require({ name });
    return { extraction, discoveredNames, authorNames };
  }

  private personId(key: string, extracted: Extracted): number | undefined {
    const reference = this.personIds.get(key);
    if (reference !== undefined) return reference;
    const discovered = extracted.discoveredNames.get(key);
    return discovered === undefined ? undefined : this.persons.idOf(discovered);
  }

  /** Row ids for an extraction, once new places and authors are stored; throws on an unknown key. */
  links(extracted: Extracted): Links {
    const rows = (matches: Extraction["persons"], idOf: (key: string) => number | undefined, what: string): MentionRow[] => {
      // Two keys can name one row (a discovered spelling of a stored person): one mention each.
      const byId = new Map<number, MentionRow>();
      for (const match of matches) {
        const id = idOf(match.key);
        if (id === undefined) throw new Error(`the extractor returned ${what} key "${match.key}", which has no stored row`);
        const row = byId.get(id);
        if (!row) {
          byId.set(id, { entityId: id, count: match.count, surfaceForms: [...match.surfaceForms], firstOffset: match.firstOffset });
          continue;
        }
        row.count += match.count;
        for (const form of match.surfaceForms) if (!row.surfaceForms.includes(form)) row.surfaceForms.push(form);
        row.firstOffset = mergeOffsets(row.firstOffset, match.firstOffset);
      }
      return [...byId.values()];
    };
    const authorIds = extracted.authorNames.map((name) => {
      const id = this.persons.idOf(name);
      if (id === undefined) throw new Error(`author "${name}" has no stored row`);
      return id;
    });
    return {
      persons: rows(extracted.extraction.persons, (key) => this.personId(key, extracted), "person"),
      places: rows(extracted.extraction.places, (key) => this.places.idOf(key), "place"),
      authorIds: [...new Set(authorIds)],
    };
  }
}
