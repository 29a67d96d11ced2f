// ArticleFilter in database terms, rendered as one SQL condition shared by lists, counts and
// search. The client's ids and slugs are resolved to these ids beside the schema
// (schema/article-filter-input.ts).
import { Prisma } from "../generated/prisma/client.ts";

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
