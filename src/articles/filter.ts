// ArticleFilter: resolves the ids and slugs a client sends into database ids (places expanded
// to their descendants), then renders the filter as one SQL condition shared by lists, counts
// and search.
import { Prisma } from "../generated/prisma/client.ts";
import type { Loaders } from "../loaders/index.ts";
import { badInput } from "../schema/errors.ts";
import { decodeGlobalId, type NodeType, truncate } from "../schema/global-id.ts";
import { SLUG_PATTERN } from "../lib/slug.ts";

export interface DateRangeInput {
  from?: string | null;
  to?: string | null;
}

export interface ArticleFilterInput {
  sources?: readonly string[] | null;
  persons?: readonly string[] | null;
  authors?: readonly string[] | null;
  places?: readonly string[] | null;
  publishedAt?: DateRangeInput | null;
  languages?: readonly string[] | null;
  includeStubs?: boolean | null;
  exclude?: readonly string[] | null;
}

/** A filter in database terms. `impossible` is set when a reference names nothing that exists. */
export interface ResolvedFilter {
  sourceIds: number[] | null;
  /** Each person must be mentioned in or have written the article. */
  personIds: number[];
  authorIds: number[] | null;
  /** Each group is a place with its descendants; the article must mention one of every group. */
  placeGroups: number[][];
  from: string | null;
  to: string | null;
  languages: string[] | null;
  includeStubs: boolean;
  excludeIds: number[];
  impossible: boolean;
}

export const EMPTY_FILTER: ResolvedFilter = {
  sourceIds: null,
  personIds: [],
  authorIds: null,
  placeGroups: [],
  from: null,
  to: null,
  languages: null,
  includeStubs: false,
  excludeIds: [],
  impossible: false,
};

const LANGUAGE_PATTERN = /^[a-z]{2}$/;

/**
 * A reference is a global id of the expected type or a slug. Returns the database id, or null
 * for a well-formed slug that names nothing.
 */
export async function resolveRef(
  type: Exclude<NodeType, "Article">,
  ref: string,
  argument: string,
  loaders: Loaders,
): Promise<number | null> {
  if (SLUG_PATTERN.test(ref)) {
    const bySlug = await loaders.idBySlug[type].load(ref);
    if (bySlug !== null) return bySlug;
  }
  let decoded: { typename: NodeType; id: string };
  try {
    decoded = decodeGlobalId(ref);
  } catch {
    if (SLUG_PATTERN.test(ref)) return null;
    throw badInput(`"${truncate(ref)}" in "${argument}" is neither a ${type} id nor a slug.`, argument);
  }
  if (decoded.typename !== type) {
    throw badInput(`"${argument}" expects ${type} ids or slugs, got a ${decoded.typename} id.`, argument);
  }
  return Number(decoded.id);
}

function checkDate(value: string | null | undefined, argument: string): string | null {
  if (value == null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(`"${argument}" must be an ISO date (YYYY-MM-DD), got "${truncate(value)}".`, argument);
  }
  return value;
}

export async function resolveFilter(input: ArticleFilterInput | null | undefined, loaders: Loaders): Promise<ResolvedFilter> {
  if (!input) return EMPTY_FILTER;
  const refs = (type: Exclude<NodeType, "Article">, list: readonly string[], argument: string) =>
    Promise.all(list.map((ref) => resolveRef(type, ref, argument, loaders)));

  let impossible = false;
  let sourceIds: number[] | null = null;
  if (input.sources) {
    sourceIds = (await refs("Source", input.sources, "filter.sources")).filter((id): id is number => id !== null);
    if (sourceIds.length === 0) impossible = true;
  }
  let authorIds: number[] | null = null;
  if (input.authors) {
    authorIds = (await refs("Person", input.authors, "filter.authors")).filter((id): id is number => id !== null);
    if (authorIds.length === 0) impossible = true;
  }
  const persons = input.persons ? await refs("Person", input.persons, "filter.persons") : [];
  if (persons.includes(null)) impossible = true;
  const places = input.places ? await refs("Place", input.places, "filter.places") : [];
  if (places.includes(null)) impossible = true;
  const placeGroups = await Promise.all(
    places.filter((id): id is number => id !== null).map((id) => loaders.placeDescendants.load(id)),
  );

  const from = checkDate(input.publishedAt?.from, "filter.publishedAt.from");
  const to = checkDate(input.publishedAt?.to, "filter.publishedAt.to");
  if (from && to && from > to) {
    throw badInput(`"filter.publishedAt" runs backwards: from ${from} is after to ${to}.`, "filter.publishedAt");
  }

  let languages: string[] | null = null;
  if (input.languages) {
    languages = input.languages.map((code) => code.trim().toLowerCase());
    const bad = languages.find((code) => !LANGUAGE_PATTERN.test(code));
    if (bad !== undefined) throw badInput(`"filter.languages" takes ISO 639-1 codes such as "en", got "${truncate(bad)}".`, "filter.languages");
  }

  const excludeIds: number[] = [];
  for (const ref of input.exclude ?? []) {
    let decoded: { typename: NodeType; id: string };
    try {
      decoded = decodeGlobalId(ref);
    } catch {
      throw badInput(`"${truncate(ref)}" in "filter.exclude" is not an Article id.`, "filter.exclude");
    }
    if (decoded.typename !== "Article") throw badInput(`"filter.exclude" takes Article ids, got a ${decoded.typename} id.`, "filter.exclude");
    excludeIds.push(Number(decoded.id));
  }

  return {
    sourceIds,
    personIds: persons.filter((id): id is number => id !== null),
    authorIds,
    placeGroups,
    from,
    to,
    languages,
    includeStubs: input.includeStubs ?? false,
    excludeIds,
    impossible,
  };
}

const ids = (values: number[]) => Prisma.sql`${values}::int[]`;

/** The filter as a condition on the article alias `a`. */
export function filterSql(filter: ResolvedFilter, alias = "a"): Prisma.Sql {
  const a = (column: string) => Prisma.raw(`${alias}."${column}"`);
  const id = Prisma.raw(`${alias}.id`);
  const parts: Prisma.Sql[] = [];
  if (filter.impossible) return Prisma.sql`FALSE`;
  if (!filter.includeStubs) parts.push(Prisma.sql`${a("isStub")} = FALSE`);
  if (filter.sourceIds) parts.push(Prisma.sql`${a("sourceId")} = ANY(${ids(filter.sourceIds)})`);
  for (const personId of filter.personIds) {
    parts.push(Prisma.sql`(${id} IN (SELECT "articleId" FROM "PersonMention" WHERE "personId" = ${personId})
      OR ${id} IN (SELECT "articleId" FROM "Authorship" WHERE "personId" = ${personId}))`);
  }
  if (filter.authorIds) {
    parts.push(Prisma.sql`${id} IN (SELECT "articleId" FROM "Authorship" WHERE "personId" = ANY(${ids(filter.authorIds)}))`);
  }
  for (const group of filter.placeGroups) {
    parts.push(Prisma.sql`${id} IN (SELECT "articleId" FROM "PlaceMention" WHERE "placeId" = ANY(${ids(group)}))`);
  }
  if (filter.from) parts.push(Prisma.sql`${a("publishedAt")} >= CAST(${filter.from} AS date)`);
  if (filter.to) parts.push(Prisma.sql`${a("publishedAt")} <= CAST(${filter.to} AS date)`);
  if (filter.languages) parts.push(Prisma.sql`${a("language")} = ANY(${filter.languages}::text[])`);
  if (filter.excludeIds.length) parts.push(Prisma.sql`NOT (${id} = ANY(${ids(filter.excludeIds)}))`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}
