// Search past its exact limit, on a corpus small enough to know every answer: lower-bound totals
// that say so, relevance among candidates from the lists the write triggers keep, exact counts on
// request, facets that state their precision, date orders that stay exhaustive, and small
// searches unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildSearchLists } from "../src/db/derived-tables.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { factories } from "./helpers/factories.ts";
import { graphql } from "./generated/gql.ts";
import type { ScaledSearchQuery } from "./generated/graphql.ts";

const ScaledSearch = graphql(`
  query ScaledSearch($query: String!, $orderBy: SearchOrder, $first: Int, $after: String, $exactTotal: Boolean) {
    search(query: $query, orderBy: $orderBy, first: $first, after: $after, exactTotal: $exactTotal) {
      totalCount
      totalCountPrecision
      relevance
      edges { score node { title } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const ScaledTotals = graphql(`
  query ScaledTotals($query: String!, $exactTotal: Boolean) {
    search(query: $query, exactTotal: $exactTotal) {
      totalCount
      totalCountPrecision
      relevance
      facets { precision sources { count } }
    }
  }
`);

/** Ten articles naming "irrigation": the fewer other words beside it, the more prominent it is. */
const IRRIGATION = Array.from({ length: 10 }, (_, index) => ({
  title: index < 2 ? `Irrigation works ${index}` : `Farm report ${index}`,
  body: `${"Fields and harvests of the season. ".repeat(index + 1)}Irrigation canals were dug.`,
}));

describe("search at scale", () => {
  let exact: TestApp;
  let bounded: TestApp;
  beforeAll(async () => {
    exact = await createTestApp();
    bounded = await createTestApp({ database: exact, serving: { searchExactLimit: 4 } });
    const make = factories(exact.db.prisma);
    const source = await make.source();
    for (const article of IRRIGATION) await make.article({ sourceId: source.id, ...article });
    await make.article({ sourceId: source.id, title: "Tidal power station", body: "A tidal power station opened." });
  });
  afterAll(async () => {
    await bounded.destroy();
  });

  /** Every match by relevance, ranked exhaustively: the app without a limit that matters. */
  async function exhaustiveTitles(query: string): Promise<string[]> {
    const { search } = await exact.data(ScaledSearch, { query, first: 100 });
    expect(search.relevance).toBe("EXHAUSTIVE");
    return search.edges.map((edge) => edge.node.title);
  }

  it("is exact and exhaustive below the limit, as before", async () => {
    const { search } = await exact.data(ScaledSearch, { query: "irrigation", first: 3 });
    expect(search).toMatchObject({ totalCount: 10, totalCountPrecision: "EXACT", relevance: "EXHAUSTIVE" });
    const facets = await exact.data(ScaledTotals, { query: "irrigation" });
    expect(facets.search.facets.precision).toBe("EXACT");
    expect(facets.search.facets.sources).toEqual([{ count: 10 }]);
  });

  it("reports a lower bound past the limit, and the exact count when asked", async () => {
    const bound = await bounded.data(ScaledTotals, { query: "irrigation" });
    expect(bound.search).toMatchObject({ totalCount: 4, totalCountPrecision: "AT_LEAST" });
    expect(bound.search.facets.precision).toBe("AT_LEAST");
    expect(bound.search.facets.sources[0]!.count).toBeLessThanOrEqual(10);
    const counted = await bounded.data(ScaledTotals, { query: "irrigation", exactTotal: true });
    expect(counted.search).toMatchObject({ totalCount: 10, totalCountPrecision: "EXACT" });
    expect(counted.search.facets).toEqual({ precision: "EXACT", sources: [{ count: 10 }] });
    // Under the limit, nothing changes.
    const small = await bounded.data(ScaledTotals, { query: "tidal" });
    expect(small.search).toMatchObject({ totalCount: 1, totalCountPrecision: "EXACT", relevance: "EXHAUSTIVE" });
  });

  it("ranks every match while no word has a candidate list", async () => {
    await exact.db.prisma.searchLexeme.deleteMany();
    const { search } = await bounded.data(ScaledSearch, { query: "irrigation", first: 100 });
    expect(search.relevance).toBe("EXHAUSTIVE");
    expect(search.edges.map((edge) => edge.node.title)).toEqual(await exhaustiveTitles("irrigation"));
  });

  it("ranks among the candidate lists past the limit: the best first, exactly scored, pages ending with the candidates", async () => {
    expect(await rebuildSearchLists(exact.db.prisma, { minArticles: 5, capacity: 6 })).toBeGreaterThan(0);
    const everything = await exhaustiveTitles("irrigation");
    const first = await bounded.data(ScaledSearch, { query: "irrigation", first: 4 });
    expect(first.search).toMatchObject({ totalCount: 4, totalCountPrecision: "AT_LEAST", relevance: "CANDIDATES" });
    // The most prominent articles are the candidates, so the first page is the exhaustive one.
    expect(first.search.edges.map((edge) => edge.node.title)).toEqual(everything.slice(0, 4));
    const rest = await bounded.data(ScaledSearch, { query: "irrigation", first: 4, after: first.search.pageInfo.endCursor });
    expect(rest.search.edges.map((edge) => edge.node.title)).toEqual(everything.slice(4, 6));
    expect(rest.search.pageInfo.hasNextPage).toBe(false);
    // The same scores as ranking every match.
    const exactScores = (await exact.data(ScaledSearch, { query: "irrigation", first: 4 })).search.edges.map((edge) => edge.score);
    expect(first.search.edges.map((edge) => edge.score)).toEqual(exactScores);
  });

  it("finds an article written after the build among the candidates when it ranks among them", async () => {
    const make = factories(exact.db.prisma);
    const source = await make.source();
    await make.article({ sourceId: source.id, title: "Irrigation irrigation", body: "Irrigation." });
    const { search } = await bounded.data(ScaledSearch, { query: "irrigation", first: 1 });
    expect(search.relevance).toBe("CANDIDATES");
    expect(search.edges.map((edge) => edge.node.title)).toEqual(["Irrigation irrigation"]);
    expect(search.edges.map((edge) => edge.node.title)).toEqual((await exhaustiveTitles("irrigation")).slice(0, 1));
  });

  it("keeps date orders exhaustive: every match reachable, newest first", async () => {
    const titles: string[] = [];
    let after: string | null | undefined = null;
    do {
      const page: ScaledSearchQuery = await bounded.data(ScaledSearch, {
        query: "irrigation",
        orderBy: "PUBLISHED_AT_DESC",
        first: 4,
        after,
      });
      expect(page.search).toMatchObject({ relevance: "EXHAUSTIVE", totalCountPrecision: "AT_LEAST", totalCount: 4 });
      titles.push(...page.search.edges.map((edge) => edge.node.title));
      after = page.search.pageInfo.hasNextPage ? page.search.pageInfo.endCursor : null;
    } while (after);
    expect(titles).toHaveLength(11);
  });
});
