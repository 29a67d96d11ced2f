// Source: an outlet in one language edition, with its "More From" article list.
import { builder } from "./builder.ts";
import { ArticleConnection, Article, articleListArgs, resolveArticleConnection } from "./article.ts";
import { findBySlugOrId } from "./id-or-slug.ts";
import { guardPageSize, totalOf } from "./pagination.ts";

export const Source = builder.prismaNode("Source", {
  description: 'An outlet in one language edition, e.g. "Naenara (En)".',
  id: { field: "id" },
  // Select mode: a row carries only the columns the operation asks for (see Article).
  select: { id: true },
  // node(id:) answers null for an unknown id rather than an error.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: 'URL-friendly name, e.g. "naenara-en".' }),
    name: t.exposeString("name", { description: 'Outlet name without the edition, e.g. "Naenara".' }),
    label: t.exposeString("label", { description: 'Name as monitoring sites show it, e.g. "Naenara (En)".' }),
    language: t.exposeString("language", { description: "ISO 639-1 code of the edition." }),
    agency: t.exposeString("agency", { nullable: true, description: "Agency or publisher behind the outlet." }),
    homepage: t.exposeString("homepage", { nullable: true, description: "Address of the outlet's site." }),
    country: t.exposeString("country", { nullable: true, description: "ISO 3166-1 alpha-2 code of the publishing country." }),
    description: t.exposeString("description", { nullable: true, description: "What the outlet is." }),
    articleCount: t.int({
      description: "Articles from this source, stubs left out.",
      resolve: async (source, _args, ctx) => (await ctx.loaders.sourceStats.load(source.id)).articleCount,
    }),
    firstPublishedAt: t.field({
      type: "Date",
      nullable: true,
      description: "Publication date of its oldest article.",
      resolve: async (source, _args, ctx) => (await ctx.loaders.sourceStats.load(source.id)).firstPublishedAt,
    }),
    lastPublishedAt: t.field({
      type: "Date",
      nullable: true,
      description: "Publication date of its newest article.",
      resolve: async (source, _args, ctx) => (await ctx.loaders.sourceStats.load(source.id)).lastPublishedAt,
    }),
    articles: t.connection(
      {
        type: Article,
        description: 'Articles from this source: the "More From" list (pass `filter: {exclude: [$id]}`).',
        args: articleListArgs(t),
        resolve: (source, args, ctx, info) => resolveArticleConnection({ kind: "source", id: source.id }, args, ctx, info),
      },
      ArticleConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  source: t.prismaField({
    type: "Source",
    nullable: true,
    description: "One source by id or slug (exactly one). Null when none matches.",
    args: {
      id: t.arg.id({ description: "Global id." }),
      slug: t.arg.string({ description: 'Slug, e.g. "naenara-en".' }),
    },
    resolve: (query, _root, args, ctx) => findBySlugOrId("Source", args, (where) => ctx.prisma.source.findUnique({ ...query, where })),
  }),
  sources: t.prismaConnection(
    {
      type: "Source",
      cursor: "id",
      maxSize: guardPageSize,
      description: "All sources, by label.",
      resolve: (query, _root, _args, ctx) => ctx.prisma.source.findMany({ ...query, orderBy: [{ label: "asc" }, { id: "asc" }] }),
      totalCount: (_root, _args, ctx) => ctx.prisma.source.count(),
    },
    {
      name: "SourceConnection",
      description: "A page of sources.",
      fields: (t) => ({
        totalCount: t.int({ description: "Sources in the whole list.", resolve: totalOf }),
      }),
    },
    { name: "SourceEdge", description: "A source in a list, with its cursor." },
  ),
}));
