// Full-text search: the `search` root field, its connection with scored and highlighted edges,
// and facets over everything the search finds.
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import { type ArticleFilterInput, resolveFilter } from "./article-filter-input.ts";
import type { Source as SourceRow } from "../generated/prisma/client.ts";
import type { PlaceKind } from "../generated/prisma/enums.ts";
import type { FacetCount, FacetRequest } from "../search/facets.ts";
import { type Highlights as HighlightsShape, MAX_MARK_LENGTH, MAX_SNIPPETS, renderHighlights } from "../search/highlight.ts";
import type { SearchScope } from "../search/match.ts";
import type { SearchOrder } from "../search/order.ts";
import { searchCursorShape } from "./cursor-shapes.ts";
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, QueryParseError, parseSearchQuery } from "../search/query-parser.ts";
import { soughtWordsText, toHighlightTsqueryText, toTsqueryText } from "../search/tsquery.ts";
import { type SearchTotal, totalFromCount } from "../loaders/search.ts";
import { Article, ArticleFilter } from "./article.ts";
import { builder } from "./builder.ts";
import { badInput } from "../graphql-errors.ts";
import { type PageArgs, checkSize, parsePageArgs, toConnection, totalOf } from "./pagination.ts";
import { PersonCount } from "./person.ts";
import { PlaceCount, PlaceKindEnum } from "./place.ts";
import { selectedRow } from "./computed-objects.ts";
import { selectsAny } from "./selection-lookahead.ts";
import { Source } from "./source.ts";

export const SearchOrderEnum = builder.enumType("SearchOrder", {
  description: "Orderings of search results; ties are broken by id so pages never skip or repeat.",
  values: {
    RELEVANCE: { description: "Best match first (see SearchEdge.score); equal scores newest first." },
    PUBLISHED_AT_DESC: { description: "Newest publication date first; undated articles last." },
    PUBLISHED_AT_ASC: { description: "Oldest publication date first; undated articles last." },
  } satisfies Record<SearchOrder, { description: string }>,
});

const Highlights = builder.objectRef<HighlightsShape>("Highlights").implement({
  description:
    "An article's title and body excerpts with the matched words marked. The text is HTML-escaped and the markers inserted afterwards, so the strings are safe to insert as HTML when the markers are.",
  fields: (t) => ({
    title: t.exposeString("title", { description: "The whole title, matches marked." }),
    snippets: t.exposeStringList("snippets", {
      description: "Excerpts of the body around matches, in the order they appear; when only the title matched, the opening words. Empty for stubs.",
    }),
  }),
});

const SourceCount = builder.objectRef<{ sourceId: number; count: number }>("SourceCount").implement({
  description: "A source with a number of articles.",
  fields: (t) => ({
    source: t.field({
      type: Source,
      description: "The source.",
      // Non-null: the count was read from articles that reference the source.
      resolve: async (row, _args, ctx, info) => (await selectedRow<SourceRow>(ctx, info, "Source", row.sourceId))!,
    }),
    count: t.exposeInt("count", { description: "Articles counted." }),
  }),
});

const MonthCount = builder.objectRef<{ month: string; count: number }>("MonthCount").implement({
  description: "A calendar month with a number of articles published in it.",
  fields: (t) => ({
    month: t.exposeString("month", { description: 'The month as YYYY-MM, e.g. "2023-01".' }),
    count: t.exposeInt("count", { description: "Articles counted." }),
  }),
});

const LanguageCount = builder.objectRef<{ language: string; count: number }>("LanguageCount").implement({
  description: "A language with a number of articles.",
  fields: (t) => ({
    language: t.exposeString("language", { description: 'ISO 639-1 code, e.g. "en".' }),
    count: t.exposeInt("count", { description: "Articles counted." }),
  }),
});

/** One facet's values, batched with the request's other facets of the same search. */
function facet(ctx: Context, search: SearchScope, request: FacetRequest): Promise<FacetCount[]> {
  return ctx.loaders.searchFacets.load({ search, request });
}

export const CountPrecisionEnum = builder.enumType("CountPrecision", {
  description: "Whether a count is exact or a lower bound.",
  values: {
    EXACT: { description: "The count is exact." },
    AT_LEAST: { description: "The count is a lower bound: there are at least this many, likely more." },
  } satisfies Record<SearchTotal["precision"], { description: string }>,
});

export const RelevanceScopeEnum = builder.enumType("RelevanceScope", {
  description: "Which articles a search ranked to order its results.",
  values: {
    EXHAUSTIVE: { description: "Every match: the order is exact." },
    CANDIDATES: {
      description:
        "The best among a bounded set of candidates (the articles where the words sought are most prominent), each ranked exactly; the order can differ from ranking every match, and pages end with the candidates. Use a date ordering to walk every match.",
    },
  },
});

const Facets = builder.objectRef<SearchScope>("Facets").implement({
  description:
    "Counts of everything a search finds (all pages, with its filter), for narrowing it down. Each count is the totalCount the search would have with that value added to its filter. The lists selected are computed together in one query, only when selected. Past the search's exact limit the facets count a sample of the matches, and say so in `precision`.",
  fields: (t) => ({
    precision: t.field({
      type: CountPrecisionEnum,
      description:
        "EXACT when every match was counted; AT_LEAST when the counts are of a sample of the matches (a search past the exact limit without exactTotal).",
      resolve: async (search, _args, ctx) => {
        const [matched] = await facet(ctx, search, { kind: "matched" });
        return totalFromCount(search, matched?.count ?? 0).precision;
      },
    }),
    sources: t.field({
      type: [SourceCount],
      description: "Sources, most articles first.",
      resolve: async (search, _args, ctx) => (await facet(ctx, search, { kind: "sources" })).map((row) => ({ sourceId: Number(row.key), count: row.count })),
    }),
    months: t.field({
      type: [MonthCount],
      description: "Months of publication in calendar order; undated articles are not counted.",
      resolve: async (search, _args, ctx) => (await facet(ctx, search, { kind: "months" })).map((row) => ({ month: String(row.key), count: row.count })),
    }),
    languages: t.field({
      type: [LanguageCount],
      description: "Languages, most articles first.",
      resolve: async (search, _args, ctx) => (await facet(ctx, search, { kind: "languages" })).map((row) => ({ language: String(row.key), count: row.count })),
    }),
    persons: t.field({
      type: [PersonCount],
      description: "People who are mentioned in or wrote the most articles found, most first.",
      args: { first: t.arg.int({ defaultValue: 10, description: "At most this many (default 10, at most 100)." }) },
      resolve: async (search, args, ctx) =>
        (await facet(ctx, search, { kind: "persons", first: checkSize("first", args.first, 10) })).map((row) => ({
          personId: Number(row.key),
          count: row.count,
        })),
    }),
    places: t.field({
      type: [PlaceCount],
      description:
        "Places with the most articles found, most first. A place counts articles that mention it or any place inside it, as the places filter matches.",
      args: {
        first: t.arg.int({ defaultValue: 10, description: "At most this many (default 10, at most 100)." }),
        kinds: t.arg({ type: [PlaceKindEnum], description: "Only places of these kinds, e.g. [PROVINCE]." }),
      },
      resolve: async (search, args, ctx) => {
        const kinds = args.kinds ? ([...new Set(args.kinds)].sort() as PlaceKind[]) : null;
        const rows = await facet(ctx, search, { kind: "places", first: checkSize("first", args.first, 10), kinds });
        return rows.map((row) => ({ placeId: Number(row.key), count: row.count }));
      },
    }),
  }),
});

interface SearchArgs extends PageArgs {
  query: string;
  filter?: ArticleFilterInput | null;
  orderBy?: SearchOrder | null;
  exactTotal?: boolean | null;
}

/** The tsquery text to match and rank with, the one to highlight with, and the words sought. */
function parseQuery(text: string): { tsquery: string; highlight: string; words: string } {
  try {
    const parsed = parseSearchQuery(text);
    return { tsquery: toTsqueryText(parsed), highlight: toHighlightTsqueryText(parsed), words: soughtWordsText(parsed) };
  } catch (error) {
    if (error instanceof QueryParseError) throw badInput(error.message, "query");
    throw error;
  }
}

/** Validates everything before the first statement: the query, the page, the cursor, the filter. */
async function resolveSearch(args: SearchArgs, ctx: Context, info: GraphQLResolveInfo) {
  const { tsquery, highlight, words } = parseQuery(args.query);
  const order = args.orderBy ?? "RELEVANCE";
  const shape = searchCursorShape(order);
  const scheme = shape.scheme;
  const page = parsePageArgs(args, shape);
  const search: SearchScope = {
    tsquery,
    words,
    filter: await resolveFilter(args.filter, ctx.loaders),
    exactLimit: ctx.settings.searchExactLimit,
    exactTotal: args.exactTotal === true,
  };
  // The page is not awaited here, so the total, the facets and the page are read concurrently.
  // A client asking only for totalCount or facets (a facet sidebar) gets no page ranked at all.
  const pageSelected = selectsAny(info, ["edges", "pageInfo"]);
  const connection = (
    pageSelected
      ? ctx.loaders.searchPages.load({ search, order, page, query: queryFromInfo({ context: ctx, info, path: ["edges", "node"] }) })
      : Promise.resolve({ hits: [], total: null, bounded: false })
  ).then(({ hits, total, bounded }) => {
    const scores = new Map(hits.map((hit) => [hit.node.id, hit.score]));
    const { edges, pageInfo } = toConnection(hits, page, scheme);
    return { pageInfo, total, bounded, edges: edges.map((edge) => ({ ...edge, score: scores.get(edge.node.id) ?? 0, highlight })) };
  });
  const edges = connection.then((c) => c.edges);
  const pageInfo = connection.then((c) => c.pageInfo);
  // GraphQL awaits only the fields selected; a failure of the other must not go unhandled.
  edges.catch(() => {});
  pageInfo.catch(() => {});
  // A relevance page counts its matches up to the exact limit on the way; otherwise (date
  // orders, exactTotal, a page past the last) the total is its own statement.
  const total = async (): Promise<SearchTotal> =>
    (pageSelected && order === "RELEVANCE" ? (await connection).total : null) ?? ctx.loaders.searchCounts.load(search);
  const relevance = async (): Promise<"EXHAUSTIVE" | "CANDIDATES"> => {
    if (order !== "RELEVANCE") return "EXHAUSTIVE";
    if (pageSelected) return (await connection).bounded ? "CANDIDATES" : "EXHAUSTIVE";
    // No page ranked: what a page of this search would be ranked among.
    const capped = await ctx.loaders.searchCounts.load({ ...search, exactTotal: false });
    return capped.precision === "AT_LEAST" ? "CANDIDATES" : "EXHAUSTIVE";
  };
  return { edges, pageInfo, search, total, relevance, totalCount: async () => (await total()).count } as const;
}

builder.queryFields((t) => ({
  search: t.connection(
    {
      type: Article,
      description: `Full-text search of titles, teasers and bodies, in each article's language (English and Spanish words match their other forms: "workers" finds "worker"). Syntax: words (all must match), "quoted phrases", OR between alternatives, -word to leave out, word* for any word starting so. At most ${MAX_QUERY_LENGTH} characters and ${MAX_QUERY_WORDS} words; a query with nothing to search for is a BAD_USER_INPUT error. Stubs are left out unless the filter asks for them.`,
      args: {
        query: t.arg.string({ required: true, description: 'What to search for, e.g. `"party congress" Pyongyang -sanctions`.' }),
        filter: t.arg({ type: ArticleFilter, description: "Narrow the results; combines with the query." }),
        orderBy: t.arg({
          type: SearchOrderEnum,
          defaultValue: "RELEVANCE",
          description: "Order of the results.",
        }),
        exactTotal: t.arg.boolean({
          defaultValue: false,
          description:
            "Count every match for totalCount and the facets, whatever it costs. Without it a search past the exact limit (2,000 matches unless the service sets SEARCH_EXACT_LIMIT) reports a lower bound, and says so in totalCountPrecision.",
        }),
      },
      resolve: (_root, args, ctx, info) => resolveSearch(args, ctx, info),
    },
    {
      name: "SearchConnection",
      description: "A page of search results with the total and facets of all results.",
      fields: (t) => ({
        totalCount: t.int({
          description: "Articles the search finds, across all pages: exact, or a lower bound past the exact limit (see totalCountPrecision).",
          resolve: totalOf,
        }),
        totalCountPrecision: t.field({
          type: CountPrecisionEnum,
          description: "EXACT, or AT_LEAST when totalCount is a lower bound: the search found more than the exact limit and exactTotal was not asked for.",
          resolve: async (connection) => (await connection.total()).precision,
        }),
        relevance: t.field({
          type: RelevanceScopeEnum,
          description: "Which articles the RELEVANCE order ranked: every match, or candidates past the exact limit. Date orders are always EXHAUSTIVE.",
          resolve: (connection) => connection.relevance(),
        }),
        facets: t.field({
          type: Facets,
          description: "Counts of the results by source, month, language, person and place.",
          resolve: (connection) => connection.search,
        }),
      }),
    },
    {
      name: "SearchEdge",
      description: "An article the search found, with its score, highlights and cursor.",
      fields: (t) => ({
        score: t.float({
          description:
            "Relevance from 0 to 1: how densely the words occur, title above teaser above body, damped for long texts. Comparable within one search.",
          resolve: (edge) => edge.score,
        }),
        highlights: t.field({
          type: Highlights,
          description: "The title and body excerpts with the matched words marked, HTML-escaped.",
          args: {
            snippets: t.arg.int({
              defaultValue: 3,
              description: `At most this many body excerpts (default 3, at most ${MAX_SNIPPETS}).`,
            }),
            startMark: t.arg.string({ defaultValue: "<mark>", description: "Inserted before each match, as is." }),
            endMark: t.arg.string({ defaultValue: "</mark>", description: "Inserted after each match, as is." }),
          },
          resolve: async (edge, args, ctx) => {
            const snippets = args.snippets ?? 3;
            if (!Number.isInteger(snippets) || snippets < 0 || snippets > MAX_SNIPPETS) {
              throw badInput(`Argument "snippets" must be between 0 and ${MAX_SNIPPETS}, got ${snippets}.`, "snippets");
            }
            const marks = { start: args.startMark ?? "<mark>", end: args.endMark ?? "</mark>" };
            for (const [name, mark] of [
              ["startMark", marks.start],
              ["endMark", marks.end],
            ] as const) {
              if (mark.length > MAX_MARK_LENGTH) {
                throw badInput(`Argument "${name}" is longer than ${MAX_MARK_LENGTH} characters.`, name);
              }
            }
            const raw = await ctx.loaders.searchHeadlines.load({ tsquery: edge.highlight, articleId: edge.node.id, snippets });
            // Deleted since the page was read: the node is still shown, so its own title is.
            return raw ? renderHighlights(raw, snippets, marks) : renderHighlights({ title: edge.node.title, body: null }, 0, marks);
          },
        }),
      }),
    },
  ),
}));
