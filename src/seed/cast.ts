// Who and where the demo stories can name, chosen from the project's reference tables so that every
// person and place in the corpus is a real entity the API can link to.
import type { ReferenceTables } from "../reference/sync.ts";
import type { PersonRef, PlaceRef } from "../reference/types.ts";
import { entity, Fragment } from "./text.ts";

/** A city, county or district with the province or special city it belongs to. */
export interface Locality {
  place: PlaceRef;
  region: PlaceRef;
}

export interface Cast {
  leader: PersonRef;
  /** Kim Il Sung and Kim Jong Il, for anniversaries; absent when the tables lack them. */
  founder: PersonRef | undefined;
  predecessor: PersonRef | undefined;
  /** Officials who appear beside the leader, at meetings and with delegations. */
  officials: readonly PersonRef[];
  capital: PlaceRef;
  /** Provinces and special cities. */
  regions: readonly PlaceRef[];
  localities: readonly Locality[];
  /** Any place by key or code (countries are keyed by ISO code), for stories that name one if present. */
  placeByKey(key: string): PlaceRef | undefined;
}

/** Officials prominent in 2019-2026 reports; whichever of them the person table holds are used. */
const PROMINENT_OFFICIALS = [
  "Choe Ryong Hae",
  "Jo Yong Won",
  "Kim Tok Hun",
  "Pak Thae Song",
  "Ri Il Hwan",
  "Kim Jae Ryong",
  "Ri Pyong Chol",
  "Pak Jong Chon",
  "Choe Son Hui",
  "Kim Yo Jong",
  "Hyon Song Wol",
  "O Su Yong",
  "Jong Kyong Thaek",
  "Ri Hi Yong",
  "Kim Song Nam",
  "Pak Pong Ju",
  "Kim Yong Chol",
  "Ri Son Gwon",
  "No Kwang Chol",
  "Yang Sung Ho",
];

const REGION_KINDS = new Set(["PROVINCE", "SPECIAL_CITY"]);
const LOCALITY_KINDS = new Set(["CITY", "COUNTY", "DISTRICT"]);

/** Compares spellings without case, spaces or hyphens: "Kim Jong-un" matches "Kim Jong Un". */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function namedLike(ref: { name: string; aliases: readonly string[] }, wanted: string): boolean {
  const key = nameKey(wanted);
  return nameKey(ref.name) === key || ref.aliases.some((alias) => nameKey(alias) === key);
}

function findPerson(persons: readonly PersonRef[], name: string): PersonRef | undefined {
  return persons.find((person) => namedLike(person, name));
}

function findCapital(places: readonly PlaceRef[]): PlaceRef | undefined {
  const candidates = places.filter((place) => namedLike(place, "Pyongyang"));
  const rank = (place: PlaceRef) => ["SPECIAL_CITY", "CITY", "PROVINCE"].indexOf(place.kind) + 1 || 99;
  return candidates.sort((a, b) => rank(a) - rank(b))[0];
}

/** The nearest province or special city above a place, if any. */
function regionOf(place: PlaceRef, byKey: ReadonlyMap<string, PlaceRef>): PlaceRef | undefined {
  const seen = new Set<string>();
  let current = place.parentKey ? byKey.get(place.parentKey) : undefined;
  while (current && !seen.has(current.key)) {
    if (REGION_KINDS.has(current.kind)) return current;
    seen.add(current.key);
    current = current.parentKey ? byKey.get(current.parentKey) : undefined;
  }
  return undefined;
}

export function castFrom(tables: ReferenceTables): Cast {
  const leader = findPerson(tables.persons, "Kim Jong Un");
  if (!leader) throw new Error("The person reference table must include Kim Jong Un for the demo corpus.");
  const capital = findCapital(tables.places);
  if (!capital) throw new Error("The place reference table must include Pyongyang for the demo corpus.");

  const founder = findPerson(tables.persons, "Kim Il Sung");
  const predecessor = findPerson(tables.persons, "Kim Jong Il");
  const leaders = new Set([leader, founder, predecessor]);
  const prominent = PROMINENT_OFFICIALS.map((name) => findPerson(tables.persons, name)).filter(
    (person): person is PersonRef => person !== undefined && !leaders.has(person),
  );
  // With too few of the usual names the stories would repeat the same two people; fall back to anyone.
  const officials = prominent.length >= 4 ? prominent : tables.persons.filter((person) => !leaders.has(person));
  if (officials.length < 2) throw new Error("The person reference table must hold at least two officials besides the leaders.");

  const byKey = new Map(tables.places.map((place) => [place.key, place]));
  const regions = tables.places.filter((place) => REGION_KINDS.has(place.kind));
  const localities: Locality[] = [];
  for (const place of tables.places) {
    if (!LOCALITY_KINDS.has(place.kind)) continue;
    const region = regionOf(place, byKey);
    if (region) localities.push({ place, region });
  }
  if (regions.length < 3 || localities.length < 3) {
    throw new Error("The place reference table must hold provinces and the counties under them for the demo corpus.");
  }
  const byCode = new Map(tables.places.flatMap((place) => (place.code ? [[place.code, place] as const] : [])));
  const placeByKey = (key: string) => byKey.get(key) ?? byCode.get(key);
  return { leader, founder, predecessor, officials, capital, regions, localities, placeByKey };
}

export function personName(person: PersonRef): Fragment {
  return entity("person", person.key, person.name);
}

export function placeName(place: PlaceRef): Fragment {
  return entity("place", place.key, place.name);
}

/** A place named by key if the table holds it, else `fallback` as plain text. */
export function optionalPlace(cast: Cast, key: string, fallback: string): Fragment {
  const place = cast.placeByKey(key);
  return place ? placeName(place) : new Fragment(fallback);
}
