// Typeahead over the names and aliases of persons, places and sources, ignoring case and accents:
// exact matches first, then name prefixes, then word prefixes; popular entities before rare ones.
import type { Person as PersonRow, Place as PlaceRow, Source as SourceRow } from "../generated/prisma/client.ts";
import { foldText } from "../lib/fold.ts";
import { SUGGESTION_TYPES, type SuggestionType } from "../search/suggest.ts";
import { builder } from "./builder.ts";
import { selectedRow } from "./computed-objects.ts";
import { badInput } from "../graphql-errors.ts";
import { checkSize } from "./pagination.ts";
import { Person } from "./person.ts";
import { Place } from "./place.ts";
import { Source } from "./source.ts";

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
      const matches = await ctx.loaders.suggestions.load({ folded, types, limit });
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
