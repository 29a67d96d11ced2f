// PlaceMention: a place an article names, how often and in which spellings.
import { builder } from "./builder.ts";
import { PlaceRef } from "./refs.ts";

export const PlaceMention = builder.prismaObject("PlaceMention", {
  description: "A place named in an article, with how often and how.",
  select: { articleId: true, placeId: true },
  fields: (t) => ({
    count: t.exposeInt("count", { description: "How many times the text names the place." }),
    surfaceForms: t.exposeStringList("surfaceForms", { description: "The spellings the text uses, in order of first use." }),
    place: t.field({
      type: PlaceRef,
      description: "The place named.",
      // A select field rather than t.relation, for speed: see Article.persons.
      select: (_args, _ctx, nestedSelection) => ({ place: nestedSelection(true) }),
      resolve: (mention) => mention.place,
    }),
  }),
});
