// Shapes of the project's own reference tables: the people and places the ingester links
// and the demo seed loads. Keys are stable identifiers used to express parent links.
import type { PlaceKind } from "../generated/prisma/enums.ts";

export interface PlaceRef {
  /** Stable key, unique across all places, e.g. "KP09" or "anak". Used for parent links. */
  key: string;
  /** Canonical name in KCNA romanisation, e.g. "South Hwanghae Province", "Anak County". */
  name: string;
  /** Other spellings and forms, e.g. "South Hwanghae", "Hwanghae-namdo", "Anak". */
  aliases: string[];
  kind: PlaceKind;
  parentKey?: string;
  latitude?: number;
  longitude?: number;
  /** Administrative code, e.g. "KP09". Unique when present. */
  code?: string;
}

export interface PersonRef {
  /** Stable key, e.g. "kim-jong-un". */
  key: string;
  /** Canonical name in KCNA romanisation, e.g. "Kim Jong Un". */
  name: string;
  /** Other spellings, e.g. "Kim Jong-un". */
  aliases: string[];
  /** Titles seen with the name, e.g. "Chairman", "Premier". */
  titles: string[];
  description?: string;
  wikidataId?: string;
}
