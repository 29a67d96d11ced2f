// Article: the node, its relations, and the article connection every list field shares.
import type { ArgBuilder } from "@pothos/core";
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import { type ArticleFilterInput, resolveFilter } from "./article-filter-input.ts";
import { ARTICLE_ORDERS, type ArticleOrder } from "../articles/order.ts";
import type { ArticleScope } from "../articles/scope.ts";
import { SLUG_PATTERN } from "../lib/slug.ts";
import { builder } from "./builder.ts";
import { badInput } from "../graphql-errors.ts";
import { decodeIdOf, truncate } from "./global-id.ts";
import { articleCursorShape } from "./cursor-shapes.ts";
import { type PageArgs, checkSize, parsePageArgs, toConnection, totalOf } from "./pagination.ts";
import { PersonMention } from "./person-mention.ts";
import { PlaceMention } from "./place-mention.ts";
import { PersonRef, RelatedArticleRef, SourceRef } from "./refs.ts";
import { selectsAny } from "./selection-lookahead.ts";

/** Mentions in the order lists show them: most mentioned first, then first named (a new array each time, as Prisma takes it). */
const MOST_MENTIONED = (): [{ count: "desc" }, { firstOffset: "asc" }] => [{ count: "desc" }, { firstOffset: "asc" }];

export const Article = builder.prismaNode("Article", {
  description: 'A news article as an outlet published it, or a stub known only from a "More From" list.',
  id: { field: "id" },
  // node(id:) answers null for an unknown id rather than an error.
  nullable: true,
  // Select mode: each query reads only the columns its fields need, so a list of titles never
  // drags bodies (some 58,000 characters) out of the database.
  select: { id: true },
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "URL-friendly name derived from the title; unique." }),
    title: t.exposeString("title", { description: "Headline as published." }),
    teaser: t.exposeString("teaser", { nullable: true, description: "Opening words shown in lists; null when unknown." }),
    body: t.exposeString("body", {
      nullable: true,
      description: "Full text as plain text, paragraphs separated by a blank line; null for stubs.",
    }),
    paragraphs: t.stringList({
      description: "The body split into paragraphs, in order; empty for stubs.",
      select: { body: true },
      resolve: (article) => (article.body ? article.body.split(/\n{2,}/) : []),
    }),
    language: t.exposeString("language", { description: 'ISO 639-1 code of the text, e.g. "en".' }),
    publishedAt: t.expose("publishedAt", {
      type: "Date",
      nullable: true,
      description: "The date the outlet gives; null when it gives none.",
    }),
    listedAt: t.expose("listedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the archive listed the article; null when unknown.",
    }),
    originalUrl: t.exposeString("originalUrl", { nullable: true, description: "Address of the article at its outlet." }),
    wordCount: t.exposeInt("wordCount", { description: "Words in the body; 0 for stubs." }),
    isStub: t.exposeBoolean("isStub", {
      description: 'True when the article is known only from a "More From" list and its text has not been fetched.',
    }),
    isSynthetic: t.exposeBoolean("isSynthetic", {
      description: "True for generated demo articles, which no outlet published.",
    }),
    byline: t.exposeString("byline", { nullable: true, description: "Byline as printed, when the article has one." }),
    // The relations every article list shows (persons, places, source, and the person or place
    // of each mention) are select fields rather than t.relation: the same joined SQL, with less
    // bookkeeping per object in Pothos; a list of 50 articles costs about 14% less CPU.
    persons: t.field({
      type: [PersonMention],
      description: "People the text names, most mentioned first.",
      args: { first: t.arg.int({ description: "At most this many (default all, at most 100)." }) },
      select: (args, _ctx, nestedSelection) => ({
        personLinks: nestedSelection({ orderBy: MOST_MENTIONED(), take: checkSize("first", args.first, 100) }),
      }),
      resolve: (article) => article.personLinks,
    }),
    places: t.field({
      type: [PlaceMention],
      description: "Places the text names, most mentioned first.",
      args: { first: t.arg.int({ description: "At most this many (default all, at most 100)." }) },
      select: (args, _ctx, nestedSelection) => ({
        placeLinks: nestedSelection({ orderBy: MOST_MENTIONED(), take: checkSize("first", args.first, 100) }),
      }),
      resolve: (article) => article.placeLinks,
    }),
  }),
});

export const ArticleOrderEnum = builder.enumType("ArticleOrder", {
  description: "Orderings of article lists; ties are broken by id so pages never skip or repeat.",
  values: {
    PUBLISHED_AT_DESC: { description: "Newest publication date first; undated articles last." },
    PUBLISHED_AT_ASC: { description: "Oldest publication date first; undated articles last." },
    LISTED_AT_DESC: { description: "Most recently listed by the archive first." },
    TITLE_ASC: { description: "By title, A to Z." },
  } satisfies Record<ArticleOrder, { description: string }>,
});

export const DateRange = builder.inputType("DateRange", {
  description: "An inclusive range of dates; either end may be left open.",
  fields: (t) => ({
    from: t.field({ type: "Date", description: "First date included." }),
    to: t.field({ type: "Date", description: "Last date included." }),
  }),
});

export const ArticleFilter = builder.inputType("ArticleFilter", {
  description: "Narrows an article list. Fields combine with AND.",
  fields: (t) => ({
    sources: t.idList({ description: "Published by any of these sources (ids or slugs)." }),
    persons: t.idList({ description: "Mentioning or written by ALL of these persons (ids or slugs)." }),
    authors: t.idList({ description: "Written by any of these persons (ids or slugs)." }),
    places: t.idList({
      description: "Mentioning ALL of these places (ids or slugs); a place also matches its descendants at any depth.",
    }),
    publishedAt: t.field({ type: DateRange, description: "Published within this range." }),
    languages: t.stringList({ description: "In any of these languages (ISO 639-1 codes)." }),
    includeStubs: t.boolean({ defaultValue: false, description: "Include stubs, whose text is not yet fetched." }),
    exclude: t.idList({ description: "Leave out these articles (ids)." }),
  }),
});

export const ArticleConnection = builder.connectionObject(
  {
    type: Article,
    name: "ArticleConnection",
    description: "A page of articles with the total count of the list.",
    fields: (t) => ({
      totalCount: t.int({
        description: "Articles in the whole filtered list, not just this page.",
        resolve: totalOf,
      }),
    }),
  },
  { name: "ArticleEdge", description: "An article in a list, with its cursor." },
);

export interface ArticleListArgs extends PageArgs {
  filter?: ArticleFilterInput | null;
  orderBy?: ArticleOrder | null;
}

/** Resolves any article connection field: the scope says which articles the list starts from. */
export async function resolveArticleConnection(scope: ArticleScope, args: ArticleListArgs, ctx: Context, info: GraphQLResolveInfo) {
  const order = args.orderBy ?? "PUBLISHED_AT_DESC";
  const shape = articleCursorShape(order);
  const page = parsePageArgs(args, shape);
  const filter = await resolveFilter(args.filter, ctx.loaders);
  const query = queryFromInfo({ context: ctx, info, path: ["edges", "node"] });
  const withTotal = selectsAny(info, ["totalCount"]);
  // The page's statement counts the total whenever the operation selects totalCount, so the
  // total is known here or never read.
  const { rows, total } = await ctx.loaders.articlePages.load({ scope, filter, order, page, query, withTotal });
  return {
    ...toConnection(rows, page, shape.scheme),
    totalCount: () => {
      if (total === null) throw new Error("totalCount resolved for a connection that did not select it");
      return total;
    },
  } as const;
}

/** The filter and order arguments every article connection takes. */
export const articleListArgs = (t: { arg: ArgBuilder<SchemaTypesOf<typeof builder>> }) => ({
  filter: t.arg({ type: ArticleFilter, description: "Narrow the list." }),
  orderBy: t.arg({ type: ArticleOrderEnum, defaultValue: "PUBLISHED_AT_DESC", description: "Order of the list." }),
});

type SchemaTypesOf<B> = B extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryFields((t) => ({
  article: t.prismaField({
    type: "Article",
    nullable: true,
    description: "One article by exactly one of: id, slug, original URL. Null when none matches.",
    args: {
      id: t.arg.id({ description: "Global id." }),
      slug: t.arg.string({ description: 'Slug, e.g. "mass-movement-promotes-socialist-construction".' }),
      originalUrl: t.arg.string({ description: "Address of the article at its outlet." }),
    },
    resolve: (query, _root, args, ctx) => {
      const given = [args.id, args.slug, args.originalUrl].filter((value) => value != null);
      if (given.length !== 1) throw badInput('Pass exactly one of "id", "slug" or "originalUrl".');
      if (args.id != null) return ctx.prisma.article.findUnique({ ...query, where: { id: decodeIdOf("Article", args.id) } });
      if (args.slug != null) {
        if (!SLUG_PATTERN.test(args.slug)) throw badInput(`"${truncate(args.slug)}" is not a valid slug.`, "slug");
        return ctx.prisma.article.findUnique({ ...query, where: { slug: args.slug } });
      }
      return ctx.prisma.article.findUnique({ ...query, where: { originalUrl: args.originalUrl! } });
    },
  }),
  articles: t.connection(
    {
      type: Article,
      description: "Articles, filtered and ordered; stubs are left out unless the filter asks for them.",
      args: articleListArgs(t),
      resolve: (_root, args, ctx, info) => resolveArticleConnection({ kind: "all" }, args, ctx, info),
    },
    ArticleConnection,
  ),
}));

export { ARTICLE_ORDERS };

// Fields returning types of other modules, through refs.ts.
builder.prismaObjectFields("Article", (t) => ({
  source: t.field({
    type: SourceRef,
    description: "The outlet edition that published the article.",
    // A select field rather than t.relation, for speed: see Article.persons.
    select: (_args, _ctx, nestedSelection) => ({ source: nestedSelection(true) }),
    resolve: (article) => article.source,
  }),
  authors: t.field({
    type: [PersonRef],
    description: "People credited with writing the article, in byline order.",
    select: (_args, _ctx, nestedSelection) => ({
      authorships: { orderBy: { position: "asc" }, select: { person: nestedSelection(true) } },
    }),
    resolve: (article) => article.authorships.map((authorship) => authorship.person),
  }),
  related: t.field({
    type: [RelatedArticleRef],
    description: "Other articles ranked by the people and places they share with this one; ties go to the more recent.",
    args: { first: t.arg.int({ defaultValue: 5, description: "At most this many (default 5, at most 100)." }) },
    resolve: (article, args, ctx) => ctx.loaders.related.load({ id: article.id, limit: checkSize("first", args.first, 5) }),
  }),
}));
