// The ArticleFilter input as a client sends it, resolved into database terms: global ids and
// slugs to ids (places expanded to their descendants), dates and language codes checked. Every
// mistake is the client's and answers BAD_USER_INPUT before any article SQL runs.
import { EMPTY_FILTER, type ResolvedFilter } from "../articles/filter.ts";
import { SLUG_PATTERN } from "../lib/slug.ts";
import { badInput } from "../graphql-errors.ts";
import { decodeGlobalId, type NodeType, truncate } from "./global-id.ts";

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

type ReferenceType = Exclude<NodeType, "Article">;

/** What resolving references needs of the request's loaders, and no more. */
export interface ReferenceLookup {
  idBySlug: Record<ReferenceType, { load(slug: string): Promise<number | null> }>;
  placeDescendants: { load(placeId: number): Promise<number[]> };
}

const LANGUAGE_PATTERN = /^[a-z]{2}$/;

/**
 * A reference is a global id of the expected type or a slug. Returns the database id, or null
 * for a well-formed slug that names nothing.
 */
export async function resolveRef(type: ReferenceType, ref: string, argument: string, loaders: ReferenceLookup): Promise<number | null> {
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

export async function resolveFilter(input: ArticleFilterInput | null | undefined, loaders: ReferenceLookup): Promise<ResolvedFilter> {
  if (!input) return EMPTY_FILTER;
  const refs = (type: ReferenceType, list: readonly string[], argument: string) => Promise.all(list.map((ref) => resolveRef(type, ref, argument, loaders)));

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
  const placeGroups = await Promise.all(places.filter((id): id is number => id !== null).map((id) => loaders.placeDescendants.load(id)));

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
