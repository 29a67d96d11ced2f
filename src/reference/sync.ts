// Loads the reference tables into the database: inserts what is missing, updates what changed and
// leaves the rest untouched, so running it again changes nothing. `npm start` and the tests run it on
// every fresh database, so it costs a fixed handful of statements per table, not one per row.
//
// Rows are identified by code (places) or Wikidata id (persons), else by slug, so a row the ingester
// created for the same name is adopted rather than duplicated. Slugs are slugify(name), with -2, -3 ...
// on collision; a row keeps the slug it was given first even if its name changes later.
import { joinList, splitList } from "../db/bulk-rows.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { slugify, uniqueSlug } from "../lib/slug.ts";
import { PERSONS } from "./persons.ts";
import { PLACES } from "./places.ts";
import type { PersonRef, PlaceRef } from "./types.ts";

export interface ReferenceTables {
  places: readonly PlaceRef[];
  persons: readonly PersonRef[];
}

export interface ReferenceIds {
  /** Database id of every place, by PlaceRef.key. */
  placeIds: Map<string, number>;
  /** Database id of every person, by PersonRef.key. */
  personIds: Map<string, number>;
}

/** A reference table that cannot be loaded as it stands; the message lists every problem. */
export class ReferenceTableError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`The reference tables are inconsistent:\n- ${problems.join("\n- ")}`);
    this.problems = problems;
    this.name = "ReferenceTableError";
  }
}

type Db = Prisma.TransactionClient;

/** The whole sync is one transaction; a few hundred rows take well under a second. */
const TRANSACTION_TIMEOUT_MS = 60_000;
const WIKIDATA_ID = /^Q[1-9][0-9]*$/;

// ---------------------------------------------------------------------------------------------
// Checks

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

function blankFields(kind: string, key: string, fields: Record<string, string>): string[] {
  return Object.entries(fields)
    .filter(([, value]) => value.trim() === "")
    .map(([field]) => `${kind} "${key}" has an empty ${field}.`);
}

/**
 * Depth of every place below its root (0 for a place without parent), and the problems that leave a
 * depth undefined: a parent missing from the table, or a cycle. Each problem is reported once.
 */
function placeDepths(places: readonly PlaceRef[]): { depths: Map<string, number>; problems: string[] } {
  const byKey = new Map(places.map((place) => [place.key, place]));
  const depths = new Map<string, number>();
  const failed = new Set<string>();
  const problems: string[] = [];
  const depthOf = (place: PlaceRef, trail: readonly string[]): number | undefined => {
    const known = depths.get(place.key);
    if (known !== undefined || failed.has(place.key)) return known;
    let depth: number | undefined;
    if (trail.includes(place.key)) {
      const cycle = [...trail.slice(trail.indexOf(place.key)), place.key];
      problems.push(`Places ${cycle.map((key) => `"${key}"`).join(" -> ")} form a cycle.`);
    } else if (place.parentKey === undefined) {
      depth = 0;
    } else {
      const parent = byKey.get(place.parentKey);
      if (!parent) problems.push(`Place "${place.key}" names parent "${place.parentKey}", which is not in the table.`);
      const parentDepth = parent && depthOf(parent, [...trail, place.key]);
      if (parentDepth !== undefined) depth = parentDepth + 1;
    }
    if (depth === undefined) failed.add(place.key);
    else depths.set(place.key, depth);
    return depth;
  };
  for (const place of places) depthOf(place, []);
  return { depths, problems };
}

/** Everything that would stop the place table from loading: empty lists mean it is sound. */
export function placeTableProblems(places: readonly PlaceRef[]): string[] {
  const problems: string[] = [];
  for (const place of places) {
    problems.push(...blankFields("Place", place.key, { key: place.key, name: place.name }));
    if (place.code !== undefined && place.code.trim() === "") problems.push(`Place "${place.key}" has an empty code.`);
    if (place.latitude !== undefined && !(Math.abs(place.latitude) <= 90)) {
      problems.push(`Place "${place.key}" has latitude ${place.latitude}, outside -90..90.`);
    }
    if (place.longitude !== undefined && !(Math.abs(place.longitude) <= 180)) {
      problems.push(`Place "${place.key}" has longitude ${place.longitude}, outside -180..180.`);
    }
    if ((place.latitude === undefined) !== (place.longitude === undefined)) {
      problems.push(`Place "${place.key}" has only one of latitude and longitude.`);
    }
  }
  for (const key of duplicates(places.map((place) => place.key))) problems.push(`Place key "${key}" is used twice.`);
  const codes = places.flatMap((place) => (place.code === undefined ? [] : [place.code]));
  for (const code of duplicates(codes)) problems.push(`Place code "${code}" is used twice.`);
  if (problems.length === 0) problems.push(...placeDepths(places).problems);
  return problems;
}

/** Everything that would stop the person table from loading: empty lists mean it is sound. */
export function personTableProblems(persons: readonly PersonRef[]): string[] {
  const problems: string[] = [];
  for (const person of persons) {
    problems.push(...blankFields("Person", person.key, { key: person.key, name: person.name }));
    if (person.wikidataId !== undefined && !WIKIDATA_ID.test(person.wikidataId)) {
      problems.push(`Person "${person.key}" has Wikidata id "${person.wikidataId}"; expected Q followed by digits.`);
    }
  }
  for (const key of duplicates(persons.map((person) => person.key))) problems.push(`Person key "${key}" is used twice.`);
  const ids = persons.flatMap((person) => (person.wikidataId === undefined ? [] : [person.wikidataId]));
  for (const id of duplicates(ids)) problems.push(`Wikidata id "${id}" is given to two persons.`);
  return problems;
}

/** Places ordered so that every parent comes before its children (stable otherwise). */
export function parentFirst(places: readonly PlaceRef[]): PlaceRef[] {
  const { depths, problems } = placeDepths(places);
  if (problems.length > 0) throw new ReferenceTableError(problems);
  return places
    .map((place, index) => ({ place, index, depth: depths.get(place.key) ?? 0 }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ place }) => place);
}

// ---------------------------------------------------------------------------------------------
// Matching table rows to database rows

export interface ExistingRow {
  id: number;
  slug: string;
  /** Code (places) or Wikidata id (persons). */
  identity: string | null;
}

export interface PlannedRow {
  slug: string;
  /** The row this reference updates, or null when it is inserted. */
  existingId: number | null;
}

/**
 * Decides, for each reference in order, which existing row it is (same identity, else a row with
 * its slug and no identity of its own) and which slug it has. Rows with another identity are never
 * taken over: a new row gets the next free suffix instead.
 */
export function planRows(refs: readonly { name: string; identity?: string }[], existing: readonly ExistingRow[]): PlannedRow[] {
  const byIdentity = new Map(existing.filter((row) => row.identity !== null).map((row) => [row.identity, row]));
  const bySlug = new Map(existing.map((row) => [row.slug, row]));
  // Slugs a reference may not take: given out in this run, or held by a row with an identity.
  const taken = new Set(existing.filter((row) => row.identity !== null).map((row) => row.slug));
  const matched = refs.map((ref) => (ref.identity === undefined ? undefined : byIdentity.get(ref.identity)));
  return refs.map((ref, index) => {
    const row = matched[index];
    if (row) return { slug: row.slug, existingId: row.id };
    const slug = uniqueSlug(slugify(ref.name), taken);
    return { slug, existingId: bySlug.get(slug)?.id ?? null };
  });
}

// ---------------------------------------------------------------------------------------------
// Database

type ReferenceTable = "Place" | "Person";

// Table and column names cannot be parameters: they come from this fixed map, never from data.
const REFERENCE_TABLES: Record<ReferenceTable, { table: Prisma.Sql; identity: Prisma.Sql }> = {
  Place: { table: Prisma.raw(`"Place"`), identity: Prisma.raw(`"code"`) },
  Person: { table: Prisma.raw(`"Person"`), identity: Prisma.raw(`"wikidataId"`) },
};

/** Existing rows that could be these references: same identity, or a slug of the same family. */
async function existingRows(db: Db, name: ReferenceTable, slugs: string[], identities: string[]): Promise<ExistingRow[]> {
  const { table, identity } = REFERENCE_TABLES[name];
  return db.$queryRaw<ExistingRow[]>(Prisma.sql`
    SELECT id, slug, ${identity} AS identity FROM ${table}
    WHERE ${identity} = ANY(${identities}::text[])
       OR slug = ANY(${slugs}::text[])
       OR regexp_replace(slug, '-[0-9]+$', '') = ANY(${slugs}::text[])`);
}

async function idsBySlug(db: Db, name: ReferenceTable, slugs: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ id: number; slug: string }[]>(
    Prisma.sql`SELECT id, slug FROM ${REFERENCE_TABLES[name].table} WHERE slug = ANY(${slugs}::text[])`,
  );
  return new Map(rows.map((row) => [row.slug, row.id]));
}

function requireId(ids: Map<string, number>, slug: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`Reference row "${slug}" was written but cannot be read back.`);
  return id;
}

async function syncPlaces(db: Db, places: readonly PlaceRef[]): Promise<Map<string, number>> {
  const ordered = parentFirst(places);
  const existing = await existingRows(
    db,
    "Place",
    [...new Set(ordered.map((place) => slugify(place.name)))],
    ordered.flatMap((place) => (place.code === undefined ? [] : [place.code])),
  );
  const plan = planRows(
    ordered.map((place) => ({ name: place.name, identity: place.code })),
    existing,
  );
  const slugs = plan.map((row) => row.slug);
  // Inserted in parent-first order, so parents get the lower ids; unchanged rows are not touched.
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "Place" (slug, name, aliases, kind, latitude, longitude, code, "updatedAt")
    SELECT r.slug, r.name, ${splitList(Prisma.sql`r.aliases`)}, r.kind::"PlaceKind", r.latitude, r.longitude, r.code, now()
    FROM unnest(
      ${slugs}::text[],
      ${ordered.map((place) => place.name)}::text[],
      ${ordered.map((place) => joinList(place.aliases))}::text[],
      ${ordered.map((place) => place.kind)}::text[],
      ${ordered.map((place) => place.latitude ?? null)}::float8[],
      ${ordered.map((place) => place.longitude ?? null)}::float8[],
      ${ordered.map((place) => place.code ?? null)}::text[])
      WITH ORDINALITY AS r(slug, name, aliases, kind, latitude, longitude, code, ord)
    ORDER BY r.ord
    ON CONFLICT (slug) DO UPDATE SET
      name = EXCLUDED.name, aliases = EXCLUDED.aliases, kind = EXCLUDED.kind, latitude = EXCLUDED.latitude,
      longitude = EXCLUDED.longitude, code = EXCLUDED.code, "updatedAt" = now()
    WHERE ("Place".name, "Place".aliases, "Place".kind, "Place".latitude, "Place".longitude, "Place".code)
      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.aliases, EXCLUDED.kind, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.code)`);

  const ids = await idsBySlug(db, "Place", slugs);
  const placeIds = new Map(ordered.map((place, index) => [place.key, requireId(ids, plan[index]!.slug)]));
  await db.$executeRaw(Prisma.sql`
    UPDATE "Place" AS p SET "parentId" = r.parent_id, "updatedAt" = now()
    FROM unnest(
      ${ordered.map((place) => placeIds.get(place.key)!)}::int[],
      ${ordered.map((place) => (place.parentKey === undefined ? null : (placeIds.get(place.parentKey) ?? null)))}::int[])
      AS r(id, parent_id)
    WHERE p.id = r.id AND p."parentId" IS DISTINCT FROM r.parent_id`);
  return placeIds;
}

async function syncPersons(db: Db, persons: readonly PersonRef[]): Promise<Map<string, number>> {
  const existing = await existingRows(
    db,
    "Person",
    [...new Set(persons.map((person) => slugify(person.name)))],
    persons.flatMap((person) => (person.wikidataId === undefined ? [] : [person.wikidataId])),
  );
  const plan = planRows(
    persons.map((person) => ({ name: person.name, identity: person.wikidataId })),
    existing,
  );
  const slugs = plan.map((row) => row.slug);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "Person" (slug, name, aliases, titles, description, "wikidataId", "updatedAt")
    SELECT r.slug, r.name, ${splitList(Prisma.sql`r.aliases`)}, ${splitList(Prisma.sql`r.titles`)}, r.description, r.wikidata_id, now()
    FROM unnest(
      ${slugs}::text[],
      ${persons.map((person) => person.name)}::text[],
      ${persons.map((person) => joinList(person.aliases))}::text[],
      ${persons.map((person) => joinList(person.titles))}::text[],
      ${persons.map((person) => person.description ?? null)}::text[],
      ${persons.map((person) => person.wikidataId ?? null)}::text[])
      WITH ORDINALITY AS r(slug, name, aliases, titles, description, wikidata_id, ord)
    ORDER BY r.ord
    ON CONFLICT (slug) DO UPDATE SET
      name = EXCLUDED.name, aliases = EXCLUDED.aliases, titles = EXCLUDED.titles,
      description = EXCLUDED.description, "wikidataId" = EXCLUDED."wikidataId", "updatedAt" = now()
    WHERE ("Person".name, "Person".aliases, "Person".titles, "Person".description, "Person"."wikidataId")
      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.aliases, EXCLUDED.titles, EXCLUDED.description, EXCLUDED."wikidataId")`);

  const ids = await idsBySlug(db, "Person", slugs);
  return new Map(persons.map((person, index) => [person.key, requireId(ids, plan[index]!.slug)]));
}

/**
 * Upserts every reference place (parents resolved) and person; returns their database ids by key.
 * Checks both tables first and throws a ReferenceTableError, writing nothing, if either is unsound.
 */
export async function syncReferenceTables(prisma: PrismaClient, tables: ReferenceTables = { places: PLACES, persons: PERSONS }): Promise<ReferenceIds> {
  const problems = [...placeTableProblems(tables.places), ...personTableProblems(tables.persons)];
  if (problems.length > 0) throw new ReferenceTableError(problems);
  return prisma.$transaction(
    async (tx) => ({
      placeIds: await syncPlaces(tx, tables.places),
      personIds: await syncPersons(tx, tables.persons),
    }),
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}
