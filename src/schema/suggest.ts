// Typeahead over the names and aliases of persons, places and sources, ignoring case and accents:
// exact matches first, then name prefixes, then word prefixes; popular entities before rare ones.
import { Prisma } from "../generated/prisma/client.ts";
import type { Person as PersonRow, Place as PlaceRow, Source as SourceRow } from "../generated/prisma/client.ts";
import { foldSql, foldText } from "../lib/fold.ts";
import { builder } from "./builder.ts";
import { selectedRow } from "./computed-objects.ts";
import { badInput } from "../graphql-errors.ts";
import { checkSize } from "./pagination.ts";
import { Person } from "./person.ts";
import { Place } from "./place.ts";
import { Source } from "./source.ts";

const SUGGESTION_TYPES = ["PERSON", "PLACE", "SOURCE"] as const;
type SuggestionType = (typeof SUGGESTION_TYPES)[number];
/** The model, and union member, each kind of suggestion is. */
const SUGGESTION_MODELS = { PERSON: "Person", PLACE: "Place", SOURCE: "Source" } as const satisfies Record<SuggestionType, string>;
const MAX_PREFIX = 100;

/** The model a suggested row was loaded from, for the union's resolveType. */
const KIND = Symbol("suggestion kind");
type Tagged = (PersonRow | PlaceRow | SourceRow) & { [KIND]: (typeof SUGGESTION_MODELS)[SuggestionType] };

const SuggestionTypeEnum = builder.enumType("SuggestionType", {
  description: "Kinds of objects typeahead can suggest.",
  values: {
    PERSON: { description: "Persons, by name and aliases." },
    PLACE: { description: "Places, by name and aliases." },
    SOURCE: { description: "Sources, by name and label." },
  },
});

const Suggestion = builder.unionType("Suggestion", {
  description: "A person, place or source whose name or alias matches a typed prefix.",
  types: [Person, Place, Source],
  // Rows carry only the columns the operation selects, so their shape cannot tell the kind.
  resolveType: (row) => (row as Tagged)[KIND],
});

interface Match {
  type: SuggestionType;
  id: number;
}

/** One statement: candidates from each table with a match rank, then their popularity. */
function suggestSql(folded: string, types: readonly SuggestionType[], limit: number): Prisma.Sql {
  const word = `% ${folded}%`;
  const prefix = `${folded}%`;
  const rank = (names: Prisma.Sql) => Prisma.sql`(
    SELECT min(CASE WHEN f = ${folded} THEN 0 WHEN f LIKE ${prefix} THEN 1 ELSE 2 END + CASE WHEN n.ord > 1 THEN 0.5 ELSE 0 END)
    FROM unnest(${names}) WITH ORDINALITY AS n(name, ord), LATERAL (SELECT ${foldSql(Prisma.sql`n.name`)} AS f) folded
    WHERE f LIKE ${prefix} OR f LIKE ${word})`;
  const parts: Prisma.Sql[] = [];
  if (types.includes("PERSON")) {
    parts.push(Prisma.sql`SELECT 'PERSON' AS type, id, name, ${rank(Prisma.sql`array_prepend(name, aliases)`)} AS rank,
      (SELECT count(*) FROM "PersonMention" m WHERE m."personId" = p.id) AS popularity FROM "Person" p`);
  }
  if (types.includes("PLACE")) {
    parts.push(Prisma.sql`SELECT 'PLACE', id, name, ${rank(Prisma.sql`array_prepend(name, aliases)`)},
      (SELECT count(*) FROM "PlaceMention" m WHERE m."placeId" = p.id) FROM "Place" p`);
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

builder.queryField("suggest", (t) =>
  t.field({
    type: [Suggestion],
    description:
      "Typeahead: persons, places and sources whose name or alias starts with the prefix (or has a word that does), ignoring case and accents; best matches first.",
    args: {
      prefix: t.arg.string({ required: true, description: 'What the user typed so far, e.g. "kim jong-un".' }),
      types: t.arg({ type: [SuggestionTypeEnum], description: "Kinds to suggest (default all)." }),
      first: t.arg.int({ defaultValue: 10, description: "At most this many (default 10, at most 100)." }),
    },
    resolve: async (_root, args, ctx, info) => {
      const limit = checkSize("first", args.first, 10);
      if (args.prefix.length > MAX_PREFIX) throw badInput(`"prefix" is longer than ${MAX_PREFIX} characters.`, "prefix");
      const folded = foldText(args.prefix);
      if (!folded || limit === 0) return [];
      const types = args.types?.length ? args.types : SUGGESTION_TYPES;
      const matches = await ctx.prisma.$queryRaw<Match[]>(suggestSql(folded, types, limit));
      const rows = await Promise.all(
        matches.map(async (match) => {
          const model = SUGGESTION_MODELS[match.type];
          // The field's type is a union: the selection is the member's.
          const row = await selectedRow<PersonRow | PlaceRow | SourceRow>(ctx, info, model, match.id, model);
          return row && (Object.assign(row, { [KIND]: model }) as Tagged);
        }),
      );
      return rows.filter((row) => row !== null);
    },
  }),
);
