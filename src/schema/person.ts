// Person: someone articles name or who wrote them.
import type { Person as PersonRow, Prisma } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import { ArticleConnection, Article, articleListArgs, resolveArticleConnection } from "./article.ts";
import { findBySlugOrId } from "./id-or-slug.ts";
import { checkSize, guardPageSize, totalOf } from "./pagination.ts";
import { selectedRow } from "./computed-objects.ts";

export const MentionRoleEnum = builder.enumType("MentionRole", {
  description: "How an article relates to a person.",
  values: {
    ANY: { description: "Written by or mentioning the person." },
    AUTHOR: { description: "Written by the person." },
    MENTIONED: { description: "Mentioning the person." },
  },
});

export const Person = builder.prismaNode("Person", {
  description: "A person named in articles or credited as an author, e.g. Kim Jong Un.",
  id: { field: "id" },
  // Select mode: a row carries only the columns the operation asks for (see Article).
  select: { id: true },
  // node(id:) answers null for an unknown id rather than an error.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: 'URL-friendly name, e.g. "kim-jong-un".' }),
    name: t.exposeString("name", { description: "Canonical name in KCNA romanisation." }),
    aliases: t.exposeStringList("aliases", { description: 'Other spellings, e.g. "Kim Jong-un".' }),
    titles: t.exposeStringList("titles", { description: 'Titles seen with the name, e.g. "Chairman".' }),
    description: t.exposeString("description", { nullable: true, description: "Who the person is." }),
    wikidataId: t.exposeString("wikidataId", { nullable: true, description: 'Wikidata item id, e.g. "Q56226".' }),
    mentionCount: t.int({
      description: "Articles that mention the person, stubs left out.",
      resolve: (person, _args, ctx) => ctx.loaders.personMentionCount.load(person.id),
    }),
    articles: t.connection(
      {
        type: Article,
        description: "Articles written by or mentioning the person.",
        args: {
          role: t.arg({ type: MentionRoleEnum, defaultValue: "ANY", description: "Authored, mentioned, or either." }),
          ...articleListArgs(t),
        },
        resolve: (person, args, ctx, info) => resolveArticleConnection({ kind: "person", id: person.id, role: args.role ?? "ANY" }, args, ctx, info),
      },
      ArticleConnection,
    ),
  }),
});

export const PersonCount = builder.objectRef<{ personId: number; count: number }>("PersonCount").implement({
  description: "A person with a number of articles.",
  fields: (t) => ({
    person: t.field({
      type: Person,
      description: "The person.",
      // Non-null: the count was read from rows that reference the person.
      resolve: async (row, _args, ctx, info) => (await selectedRow<PersonRow>(ctx, info, "Person", row.personId))!,
    }),
    count: t.exposeInt("count", { description: "Articles counted." }),
  }),
});

// Fields that return persons from other types are added once Person exists, which keeps the
// type references acyclic.
builder.prismaObjectFields("Person", (t) => ({
  coMentioned: t.field({
    type: [PersonCount],
    description: "People named in the same articles, by how many articles they share.",
    args: { first: t.arg.int({ defaultValue: 10, description: "At most this many (default 10, at most 100)." }) },
    resolve: (person, args, ctx) => ctx.loaders.coMentioned.load({ id: person.id, limit: checkSize("first", args.first, 10) }),
  }),
}));

export const PersonFilter = builder.inputType("PersonFilter", {
  description: "Narrows the list of persons.",
  fields: (t) => ({
    nameStartsWith: t.string({ description: "Name starts with this text, ignoring case." }),
  }),
});

builder.queryFields((t) => ({
  person: t.prismaField({
    type: "Person",
    nullable: true,
    description: "One person by id or slug (exactly one). Null when none matches.",
    args: {
      id: t.arg.id({ description: "Global id." }),
      slug: t.arg.string({ description: 'Slug, e.g. "kim-jong-un".' }),
    },
    resolve: (query, _root, args, ctx) => findBySlugOrId("Person", args, (where) => ctx.prisma.person.findUnique({ ...query, where })),
  }),
  persons: t.prismaConnection(
    {
      type: "Person",
      cursor: "id",
      maxSize: guardPageSize,
      description: "Persons by name.",
      args: { filter: t.arg({ type: PersonFilter, description: "Narrow the list." }) },
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.person.findMany({ ...query, where: personWhere(args.filter), orderBy: [{ name: "asc" }, { id: "asc" }] }),
      totalCount: (_root, args, ctx) => ctx.prisma.person.count({ where: personWhere(args.filter) }),
    },
    {
      name: "PersonConnection",
      description: "A page of persons.",
      fields: (t) => ({
        totalCount: t.int({ description: "Persons in the whole list.", resolve: totalOf }),
      }),
    },
    { name: "PersonEdge", description: "A person in a list, with its cursor." },
  ),
}));

function personWhere(filter: { nameStartsWith?: string | null } | null | undefined): Prisma.PersonWhereInput {
  const prefix = filter?.nameStartsWith?.trim();
  return prefix ? { name: { startsWith: prefix, mode: "insensitive" } } : {};
}
