// PersonMention: a person an article names, how often and in which spellings.
import { builder } from "./builder.ts";
import { PersonRef } from "./refs.ts";

export const PersonMention = builder.prismaObject("PersonMention", {
  description: "A person named in an article, with how often and how.",
  select: { articleId: true, personId: true },
  fields: (t) => ({
    count: t.exposeInt("count", { description: "How many times the text names the person." }),
    surfaceForms: t.exposeStringList("surfaceForms", { description: "The spellings the text uses, in order of first use." }),
    person: t.field({
      type: PersonRef,
      description: "The person named.",
      // A select field rather than t.relation, for speed: see Article.persons.
      select: (_args, _ctx, nestedSelection) => ({ person: nestedSelection(true) }),
      resolve: (mention) => mention.person,
    }),
  }),
});
