// The places one extract() call has discovered, so that a repeat later in the same text ("Oguk-ri
// ... Oguk-ri") resolves to the place made for the first occurrence.
import type { PlaceRef } from "../../reference/types.ts";
import { spellingKey } from "./place-index.ts";

export class DiscoveredPlaces {
  private readonly bySpelling = new Map<string, PlaceRef>();
  readonly list: PlaceRef[] = [];

  add(place: PlaceRef): void {
    this.list.push(place);
    this.bySpelling.set(spellingKey(place.name), place);
  }

  spelled(key: string): PlaceRef | undefined {
    return this.bySpelling.get(key);
  }

  has(key: string): boolean {
    return this.list.some((p) => p.key === key);
  }
}
