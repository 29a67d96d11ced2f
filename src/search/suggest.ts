// The typeahead statement over the names and aliases of persons, places and sources, folded for
// case and accents: exact matches first, then name prefixes, then word prefixes; among equals,
// the more often mentioned (or published) first.
import { Prisma } from "../generated/prisma/client.ts";
import { foldSql } from "../lib/fold.ts";

export const SUGGESTION_TYPES = ["PERSON", "PLACE", "SOURCE"] as const;
export type SuggestionType = (typeof SUGGESTION_TYPES)[number];

export interface SuggestionMatch {
  type: SuggestionType;
  id: number;
}

/** One statement: candidates from each table with a match rank, then their popularity. */
export function suggestSql(folded: string, types: readonly SuggestionType[], limit: number): Prisma.Sql {
  const word = `% ${folded}%`;
  const prefix = `${folded}%`;
  const rank = (names: Prisma.Sql) => Prisma.sql`(
    SELECT min(CASE WHEN f = ${folded} THEN 0 WHEN f LIKE ${prefix} THEN 1 ELSE 2 END + CASE WHEN n.ord > 1 THEN 0.5 ELSE 0 END)
    FROM unnest(${names}) WITH ORDINALITY AS n(name, ord), LATERAL (SELECT ${foldSql(Prisma.sql`n.name`)} AS f) folded
    WHERE f LIKE ${prefix} OR f LIKE ${word})`;
  const parts: Prisma.Sql[] = [];
  if (types.includes("PERSON")) {
    parts.push(Prisma.sql`SELECT 'PERSON' AS type, id, name, ${rank(Prisma.sql`array_prepend(name, aliases)`)} AS rank,
      coalesce((SELECT st."articleCount" FROM "PersonStats" st WHERE st."personId" = p.id), 0) AS popularity FROM "Person" p`);
  }
  if (types.includes("PLACE")) {
    parts.push(Prisma.sql`SELECT 'PLACE', id, name, ${rank(Prisma.sql`array_prepend(name, aliases)`)},
      coalesce((SELECT st."articleCount" FROM "PlaceStats" st WHERE st."placeId" = p.id), 0) FROM "Place" p`);
  }
  if (types.includes("SOURCE")) {
    parts.push(Prisma.sql`SELECT 'SOURCE', id, label, ${rank(Prisma.sql`ARRAY[label, name]`)},
      (SELECT count(*) FROM "Article" a WHERE a."sourceId" = s.id) FROM "Source" s`);
  }
  return Prisma.sql`SELECT type, id FROM (${Prisma.join(parts, " UNION ALL ")}) candidates
    WHERE rank IS NOT NULL
    ORDER BY rank, popularity DESC, length(name), name, id
    LIMIT ${limit}`;
}
