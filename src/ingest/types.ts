// Shapes passed between the ingest stages: readers produce ArticleRecords, the extractor turns
// text into EntityMatches, the writer stores both.
import type { PersonRef, PlaceRef } from "../reference/types.ts";

/** Where a record came from, for the rejects file and error messages. */
export interface RecordOrigin {
  file: string;
  /** 1-based line for line-oriented inputs. */
  line?: number;
  /** Byte or character offset for other inputs. */
  offset?: number;
}

/** One article as a reader found it, before identity, linking and storage. */
export interface ArticleRecord {
  title: string;
  teaser: string | null;
  /** Body paragraphs in order; empty for stubs. */
  paragraphs: string[];
  /** ISO 639-1 code. */
  language: string;
  /** ISO date (YYYY-MM-DD) the outlet gives, if any. */
  publishedAt: string | null;
  /** When the archive listed it. */
  listedAt: Date | null;
  originalUrl: string | null;
  /** Author names as printed, e.g. ["Yang Ryon Hui"]. */
  byline: string[];
  /** Source label as shown, e.g. "Naenara (En)" or "KCNA". */
  sourceLabel: string;
  isStub: boolean;
  origin: RecordOrigin;
}

/** A reference entity found in a text. */
export interface EntityMatch {
  /** PersonRef.key or PlaceRef.key. */
  key: string;
  count: number;
  /** Distinct spellings as they appeared, in order of first appearance. */
  surfaceForms: string[];
  /** Character offset of the first occurrence in the text given to the extractor. */
  firstOffset: number;
}

export interface Extraction {
  persons: EntityMatch[];
  places: EntityMatch[];
  /**
   * Places recognised from patterns ("Oguk-ri, Anak County, South Hwanghae Province") that the
   * catalog did not hold; parents first, each parentKey naming a catalog place or an earlier one here.
   */
  discoveredPlaces: PlaceRef[];
  /**
   * People recognised from patterns (a Korean name's shape, a title or role next to a name) whose
   * key the catalog does not hold; each key is the slug of the name as written and also appears
   * in `persons` with its count, surface forms and first offset.
   */
  discoveredPersons: PersonRef[];
}

/** What the extractor knows: the reference tables plus places discovered in earlier articles. */
export interface EntityCatalog {
  persons: readonly PersonRef[];
  places: readonly PlaceRef[];
}
