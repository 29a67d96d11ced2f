// Full-text search through yoga.fetch on small hand-written articles: syntax, stemming, ranking,
// paging, filters, highlights, facets, hostile input and statement counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/schema/global-id.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { expectError } from "./helpers/errors.ts";
import { factories } from "./helpers/factories.ts";
import { graphql } from "./generated/gql.ts";
import type { ArticleFilter, SearchOrder, SearchResultsQuery } from "./generated/graphql.ts";

const SearchResults = graphql(`
  query SearchResults(
    $query: String!
    $filter: ArticleFilter
    $orderBy: SearchOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    search(query: $query, filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor score node { id title publishedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const SearchHighlights = graphql(`
  query SearchHighlights($query: String!, $snippets: Int, $startMark: String, $endMark: String) {
    search(query: $query) {
      edges { node { title } highlights(snippets: $snippets, startMark: $startMark, endMark: $endMark) { title snippets } }
    }
  }
`);

const SearchFacets = graphql(`
  query SearchFacets($query: String!, $filter: ArticleFilter, $kinds: [PlaceKind!]) {
    search(query: $query, filter: $filter, first: 0) {
      totalCount
      facets {
        sources { source { slug } count }
        months { month count }
        languages { language count }
        persons(first: 100) { person { slug } count }
        places(first: 100, kinds: $kinds) { place { slug } count }
      }
    }
  }
`);

const SearchPage = graphql(`
  query SearchPage($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      totalCount
      edges {
        score
        node { title source { label } authors { name } persons { count person { name } } places { place { name } } }
        highlights { title snippets }
      }
    }
  }
`);

const SearchTotal = graphql(`
  query SearchTotal($query: String!) {
    search(query: $query) { totalCount }
  }
`);

const SearchSnippetLimit = graphql(`
  query SearchSnippetLimit($query: String!, $snippets: Int!) {
    search(query: $query) { edges { highlights(snippets: $snippets) { snippets } } }
  }
`);

const SearchPersonFacetLimit = graphql(`
  query SearchPersonFacetLimit($query: String!, $first: Int!) {
    search(query: $query) { facets { persons(first: $first) { count } } }
  }
`);

describe("search", () => {
  let app: TestApp;
  const ids: Record<string, number> = {};
  const slugs: Record<string, string> = {};

  const titles = async (query: string, extra: { filter?: ArticleFilter; orderBy?: SearchOrder; first?: number } = {}) => {
    const data = await app.data(SearchResults, { query, first: 100, ...extra });
    return data.search.edges.map((edge) => edge.node.title);
  };

  beforeAll(async () => {
    app = await createTestApp();
    const make = factories(app.db.prisma);
    const kcna = await make.source({ label: "KCNA (En)", slug: "kcna-en" });
    const rodong = await make.source({ label: "Rodong Sinmun (En)", slug: "rodong-sinmun-en" });
    const kcnaEs = await make.source({ label: "KCNA (Es)", slug: "kcna-es", language: "es" });
    const kim = await make.person("Kim Jong Un");
    const choe = await make.person("Choe Ryong Hae");
    const yang = await make.person("Yang Ryon Hui");
    const dprk = await make.place("DPR Korea", "COUNTRY");
    const hwanghae = await make.place("South Hwanghae Province", "PROVINCE", dprk.id);
    const anak = await make.place("Anak County", "COUNTY", hwanghae.id);
    const pyongyang = await make.place("Pyongyang", "SPECIAL_CITY", dprk.id);
    const nampho = await make.place("Nampho", "SPECIAL_CITY", dprk.id);

    const congress = await make.article({
      sourceId: kcna.id,
      title: "Party congress opens in Pyongyang",
      body: "The Eighth Congress of the Workers' Party of Korea opened in Pyongyang.\n\nDelegates attended.",
      publishedAt: "2021-01-05",
      persons: [{ id: kim.id, count: 3 }],
      places: [{ id: pyongyang.id }],
    });
    await make.article({
      sourceId: rodong.id,
      title: "Reports heard",
      body: "The congress heard reports on the work of the party and its tasks.",
      publishedAt: "2021-01-10",
      persons: [{ id: kim.id }, { id: choe.id }],
    });
    await make.article({
      sourceId: kcna.id,
      title: "Essay on the congress",
      body: "An essay on what the congress means for farmers.",
      publishedAt: "2021-01-20",
      authors: [{ id: yang.id }],
    });
    await make.article({
      sourceId: kcna.id,
      title: "Sanctions condemned",
      body: "A spokesman said the congress condemned the sanctions.",
      publishedAt: "2018-03-03",
      places: [{ id: nampho.id }],
    });
    await make.article({ sourceId: kcna.id, title: "Undated congress note", body: "A congress was held.", publishedAt: null });
    await make.article({ sourceId: kcna.id, title: "Congress stub", isStub: true, publishedAt: "2021-01-06" });
    await make.article({
      sourceId: kcna.id,
      title: "Rice harvest in Anak County",
      body: "Farmers of Anak County reaped a rich harvest. A worker drove the combine.",
      publishedAt: "2020-09-01",
      persons: [{ id: choe.id }],
      places: [{ id: anak.id }],
    });
    await make.article({
      sourceId: kcna.id,
      title: "New construction in Nampho",
      body: "Builders constructed new flats in Nampho by the harbour.",
      publishedAt: "2017-07-07",
      places: [{ id: nampho.id }],
    });
    await make.article({
      sourceId: kcna.id,
      title: "Harbour opens in Rason",
      body: "A new harbour opened in Rason.",
      publishedAt: "2016-06-06",
    });
    await make.article({
      sourceId: kcnaEs.id,
      language: "es",
      title: "Los trabajadores construyeron viviendas",
      body: "Los trabajadores de la provincia construyeron viviendas modernas para las familias.",
      publishedAt: "2021-02-02",
    });
    await make.article({
      sourceId: kcna.id,
      title: 'Claims <b>refuted</b> & "denied"',
      body: "The report <script>alert('x')</script> called the claims false & baseless.\n\nThe claims were repeated <i>again</i>.",
      publishedAt: "2019-04-04",
    });
    // For paging: ranks repeat (1 to 4 mentions) and dates repeat or are missing, so ties need
    // the cursor's id.
    const paging = await make.source({ label: "Paging Outlet (En)" });
    for (let i = 0; i < 23; i++) {
      await make.article({
        sourceId: paging.id,
        title: `Irrigation report ${i}`,
        body: `${"irrigation ".repeat((i % 4) + 1)}channels were dug by volunteers.`,
        publishedAt: i % 5 === 0 ? null : `2020-0${(i % 3) + 1}-15`,
      });
    }
    Object.assign(ids, { congress: congress.id, kim: kim.id });
    Object.assign(slugs, { kim: kim.slug, choe: choe.slug, yang: yang.slug, anak: anak.slug, hwanghae: hwanghae.slug, nampho: nampho.slug });
  });

  afterAll(() => app?.destroy());

  describe("query syntax", () => {
    it("finds articles with all the words anywhere, but a quoted phrase only where the words stand together", async () => {
      expect(await titles("party congress")).toEqual(expect.arrayContaining(["Party congress opens in Pyongyang", "Reports heard"]));
      expect(await titles("party congress")).toHaveLength(2);
      expect(await titles('"party congress"')).toEqual(["Party congress opens in Pyongyang"]);
    });

    it("leaves out articles with an excluded word", async () => {
      const found = await titles("congress -sanctions");
      expect(found).not.toContain("Sanctions condemned");
      expect(found).toContain("Reports heard");
    });

    it("finds either word with OR", async () => {
      expect((await titles("Rason OR Nampho")).sort()).toEqual(["Harbour opens in Rason", "New construction in Nampho"]);
      expect(await titles("harbour Rason OR Nampho")).toHaveLength(2);
    });

    it("finds words by prefix with a trailing star", async () => {
      expect((await titles("constru*")).sort()).toEqual(["Los trabajadores construyeron viviendas", "New construction in Nampho"]);
    });

    it("finds words by a prefix longer than their stem", async () => {
      // "construction" is stored as the stem 'construct', "constructed" too; "trabajadores" as 'trabaj'.
      expect(await titles("constructio*")).toEqual(["New construction in Nampho"]);
      expect(await titles("trabajad*")).toEqual(["Los trabajadores construyeron viviendas"]);
    });
  });

  describe("language-aware stemming", () => {
    it("finds an English singular with a plural, and a past tense with its verb", async () => {
      expect(await titles("workers combine")).toEqual(["Rice harvest in Anak County"]);
      expect(await titles("construct flats")).toEqual(["New construction in Nampho"]);
    });

    it("finds a Spanish article by the Spanish stem of another form of the word", async () => {
      expect(await titles("construir trabajador")).toEqual(["Los trabajadores construyeron viviendas"]);
      expect(await titles("familia moderna")).toEqual(["Los trabajadores construyeron viviendas"]);
    });

    it("keeps the index current when an article's text or language changes", async () => {
      const article = await app.db.prisma.article.findFirstOrThrow({ where: { title: "Harbour opens in Rason" } });
      await app.db.prisma.article.update({ where: { id: article.id }, data: { body: "A lighthouse was lit in Rason." } });
      expect(await titles("lighthouse")).toEqual(["Harbour opens in Rason"]);
      expect(await titles("new Rason")).toEqual([]);
      expect(await titles("harbour Rason")).toEqual(["Harbour opens in Rason"]); // still in the title
      await app.db.prisma.article.update({ where: { id: article.id }, data: { language: "es", title: "Faro en Rason" } });
      expect(await titles("faros")).toEqual(["Faro en Rason"]);
    });
  });

  describe("ranking and paging", () => {
    it("ranks title matches above body matches, scores falling from 0 to 1", async () => {
      const data = await app.data(SearchResults, { query: "congress", first: 10 });
      const edges = data.search.edges;
      expect(
        edges
          .slice(0, 3)
          .map((edge) => edge.node.title)
          .sort(),
      ).toEqual(["Essay on the congress", "Party congress opens in Pyongyang", "Undated congress note"]);
      for (let i = 1; i < edges.length; i++) expect(edges[i]!.score).toBeLessThanOrEqual(edges[i - 1]!.score);
      expect(edges.every((edge) => edge.score > 0 && edge.score < 1)).toBe(true);
    });

    it("orders by publication date when asked, undated articles last", async () => {
      expect(await titles("congress", { orderBy: "PUBLISHED_AT_ASC" })).toEqual([
        "Sanctions condemned",
        "Party congress opens in Pyongyang",
        "Reports heard",
        "Essay on the congress",
        "Undated congress note",
      ]);
      expect((await titles("congress", { orderBy: "PUBLISHED_AT_DESC" }))[0]).toBe("Essay on the congress");
    });

    it("pages through relevance order with cursors, returning each article once, forward and backward", async () => {
      for (const orderBy of ["RELEVANCE", "PUBLISHED_AT_DESC", "PUBLISHED_AT_ASC"] as const) {
        const all = await app.data(SearchResults, { query: "irrigation", orderBy, first: 100 });
        expect(all.search.totalCount).toBe(23);
        const expected = all.search.edges.map((edge) => edge.node.id);

        const forward: string[] = [];
        let after: string | null = null;
        for (;;) {
          const page: SearchResultsQuery = await app.data(SearchResults, { query: "irrigation", orderBy, first: 4, after });
          forward.push(...page.search.edges.map((edge) => edge.node.id));
          after = page.search.pageInfo.endCursor;
          if (!page.search.pageInfo.hasNextPage) break;
        }
        expect(forward).toEqual(expected);
        const beyond = await app.data(SearchResults, { query: "irrigation", orderBy, first: 4, after });
        expect(beyond.search.edges).toEqual([]);
        expect(beyond.search.totalCount).toBe(23); // counted apart: an empty page has no rows to count on

        const backward: string[] = [];
        let before: string | null = null;
        for (;;) {
          const page: SearchResultsQuery = await app.data(SearchResults, { query: "irrigation", orderBy, last: 5, before });
          backward.unshift(...page.search.edges.map((edge) => edge.node.id));
          if (!page.search.pageInfo.hasPreviousPage) break;
          before = page.search.pageInfo.startCursor;
        }
        expect(backward).toEqual(expected);
      }
    });

    it("rejects a cursor from another ordering or a forged one as BAD_USER_INPUT", async () => {
      const page = await app.data(SearchResults, { query: "congress", first: 1 });
      const dated = await app.execute(SearchResults, {
        query: "congress",
        orderBy: "PUBLISHED_AT_ASC",
        after: page.search.pageInfo.endCursor,
      });
      expectError(dated, { code: "BAD_USER_INPUT" });
      const forged = Buffer.from(JSON.stringify(["search:RELEVANCE", "1; DROP", "2021-13-45", 1])).toString("base64url");
      const result = await app.execute(SearchResults, { query: "congress", after: forged });
      expectError(result, { code: "BAD_USER_INPUT" });
    });
  });

  describe("filters", () => {
    it("combine every ArticleFilter field with the query", async () => {
      const congressId = encodeGlobalId("Article", ids.congress!);
      const cases: [ArticleFilter, string[]][] = [
        [{ sources: ["rodong-sinmun-en"] }, ["Reports heard"]],
        [{ persons: [slugs.kim!] }, ["Party congress opens in Pyongyang", "Reports heard"]],
        [{ persons: [slugs.kim!, slugs.choe!] }, ["Reports heard"]],
        [{ persons: [slugs.yang!] }, ["Essay on the congress"]],
        [{ authors: [slugs.yang!] }, ["Essay on the congress"]],
        [{ places: ["dpr-korea"] }, ["Party congress opens in Pyongyang", "Sanctions condemned"]],
        [{ places: [slugs.nampho!] }, ["Sanctions condemned"]],
        [{ publishedAt: { from: "2021-01-06", to: "2021-01-31" } }, ["Reports heard", "Essay on the congress"]],
        [{ languages: ["es"] }, []],
        [{ includeStubs: true, publishedAt: { from: "2021-01-06", to: "2021-01-06" } }, ["Congress stub"]],
        [{ exclude: [congressId], sources: ["kcna-en"], publishedAt: { from: "2021-01-01" } }, ["Essay on the congress"]],
        [{ sources: ["no-such-source"] }, []],
      ];
      for (const [filter, expected] of cases) {
        const data = await app.data(SearchResults, { query: "congress", filter, first: 100 });
        expect({ filter, found: data.search.edges.map((edge) => edge.node.title).sort() }).toEqual({ filter, found: [...expected].sort() });
        expect(data.search.totalCount).toBe(expected.length);
      }
    });

    it("leaves stubs out unless the filter includes them", async () => {
      expect(await titles("stub")).toEqual([]);
      expect(await titles("stub", { filter: { includeStubs: true } })).toEqual(["Congress stub"]);
    });
  });

  describe("highlights", () => {
    it("marks the matched words in the title and in body snippets", async () => {
      const data = await app.data(SearchHighlights, { query: "harvest farmers" });
      expect(data.search.edges).toHaveLength(1);
      const { title, snippets } = data.search.edges[0]!.highlights;
      expect(title).toBe("Rice <mark>harvest</mark> in Anak County");
      expect(snippets).toHaveLength(1);
      expect(snippets[0]).toContain("<mark>Farmers</mark> of Anak County reaped a rich <mark>harvest</mark>");
    });

    it("escapes the article's own markup so the only tags are the markers", async () => {
      const data = await app.data(SearchHighlights, { query: "claims -sanctions" });
      const { title, snippets } = data.search.edges[0]!.highlights;
      expect(title).toBe("<mark>Claims</mark> &lt;b&gt;refuted&lt;/b&gt; &amp; &quot;denied&quot;");
      const text = snippets.join(" ");
      expect(text).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
      expect(text).toContain("&lt;i&gt;again"); // the snippet ends at the last word
      const tags = [title, text].join(" ").match(/<[^>]*>/g) ?? [];
      expect(new Set(tags)).toEqual(new Set(["<mark>", "</mark>"]));
    });

    it("uses the client's markers and snippet count", async () => {
      const data = await app.data(SearchHighlights, { query: "claims", snippets: 1, startMark: "[[", endMark: "]]" });
      const { title, snippets } = data.search.edges[0]!.highlights;
      expect(title).toMatch(/^\[\[Claims\]\] &lt;b&gt;/);
      expect(snippets).toHaveLength(1);
      expect(snippets[0]).toContain("[[claims]]");
      const none = await app.data(SearchHighlights, { query: "claims", snippets: 0 });
      expect(none.search.edges[0]!.highlights.snippets).toEqual([]);
    });

    it("does not mark excluded words", async () => {
      const data = await app.data(SearchHighlights, { query: "congress -sanctions -party" });
      for (const edge of data.search.edges) {
        expect(edge.highlights.snippets.join(" ")).not.toMatch(/<mark>(party|sanctions)/i);
      }
    });

    it("rejects a snippet count out of range", async () => {
      const result = await app.execute(SearchSnippetLimit, { query: "congress", snippets: 11 });
      expectError(result, { code: "BAD_USER_INPUT" });
    });
  });

  describe("facets", () => {
    /** Ids of articles the query word finds, by independent SQL: each row's own configuration. */
    async function matchedIds(word: string, extraCondition = "TRUE"): Promise<number[]> {
      const rows = await app.db.prisma.$queryRawUnsafe<{ id: number }[]>(
        `SELECT id FROM "Article"
         WHERE "searchVector" @@ plainto_tsquery(article_search_config("language"), $1) AND NOT "isStub" AND ${extraCondition}`,
        word,
      );
      return rows.map((row) => row.id);
    }

    async function expectedFacets(articleIds: number[]) {
      const prisma = app.db.prisma;
      const sources = await prisma.$queryRaw<{ slug: string; count: number }[]>`
        SELECT s.slug, count(*)::int AS count FROM "Article" a JOIN "Source" s ON s.id = a."sourceId"
        WHERE a.id = ANY(${articleIds}::int[]) GROUP BY s.slug`;
      const months = await prisma.$queryRaw<{ month: string; count: number }[]>`
        SELECT to_char("publishedAt", 'YYYY-MM') AS month, count(*)::int AS count FROM "Article"
        WHERE id = ANY(${articleIds}::int[]) AND "publishedAt" IS NOT NULL GROUP BY 1`;
      const languages = await prisma.$queryRaw<{ language: string; count: number }[]>`
        SELECT "language", count(*)::int AS count FROM "Article" WHERE id = ANY(${articleIds}::int[]) GROUP BY 1`;
      const persons = await prisma.$queryRaw<{ slug: string; count: number }[]>`
        SELECT p.slug, count(DISTINCT link."articleId")::int AS count
        FROM (SELECT "articleId", "personId" FROM "PersonMention" UNION ALL SELECT "articleId", "personId" FROM "Authorship") link
        JOIN "Person" p ON p.id = link."personId"
        WHERE link."articleId" = ANY(${articleIds}::int[]) GROUP BY p.slug`;
      const places = await prisma.$queryRaw<{ slug: string; count: number }[]>`
        WITH RECURSIVE up("articleId", "placeId") AS (
          SELECT "articleId", "placeId" FROM "PlaceMention" WHERE "articleId" = ANY(${articleIds}::int[])
          UNION SELECT up."articleId", p."parentId" FROM up JOIN "Place" p ON p.id = up."placeId" WHERE p."parentId" IS NOT NULL)
        SELECT p.slug, count(DISTINCT up."articleId")::int AS count FROM up JOIN "Place" p ON p.id = up."placeId" GROUP BY p.slug`;
      return { sources, months, languages, persons, places };
    }

    const bySlug = (rows: { slug: string; count: number }[]) => Object.fromEntries(rows.map((row) => [row.slug, row.count]));
    const byKey = <K extends string>(rows: ({ count: number } & Record<K, string>)[], key: K) => Object.fromEntries(rows.map((row) => [row[key], row.count]));

    it("count sources, months, languages, persons and places as independent SQL does", async () => {
      const data = await app.data(SearchFacets, { query: "congress" });
      const facets = data.search.facets;
      const expected = await expectedFacets(await matchedIds("congress"));
      expect(Object.fromEntries(facets.sources.map((row) => [row.source.slug, row.count]))).toEqual(bySlug(expected.sources));
      expect(byKey(facets.months, "month")).toEqual(byKey(expected.months, "month"));
      expect(byKey(facets.languages, "language")).toEqual(byKey(expected.languages, "language"));
      expect(Object.fromEntries(facets.persons.map((row) => [row.person.slug, row.count]))).toEqual(bySlug(expected.persons));
      expect(Object.fromEntries(facets.places.map((row) => [row.place.slug, row.count]))).toEqual(bySlug(expected.places));
      expect(facets.months.map((row) => row.month)).toEqual([...facets.months.map((row) => row.month)].sort());
      const counts = facets.persons.map((row) => row.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });

    it("stay correct under a filter", async () => {
      const data = await app.data(SearchFacets, {
        query: "congress",
        filter: { publishedAt: { from: "2021-01-01" }, sources: ["kcna-en", "rodong-sinmun-en"] },
      });
      const articleIds = await matchedIds("congress", `"publishedAt" >= '2021-01-01'`);
      expect(data.search.totalCount).toBe(articleIds.length);
      const expected = await expectedFacets(articleIds);
      expect(Object.fromEntries(data.search.facets.persons.map((row) => [row.person.slug, row.count]))).toEqual(bySlug(expected.persons));
      expect(byKey(data.search.facets.months, "month")).toEqual(byKey(expected.months, "month"));
    });

    it("give for each person and place the total that adding it to the filter gives", async () => {
      const data = await app.data(SearchFacets, { query: "congress OR harvest OR construction" });
      const { persons, places, sources } = data.search.facets;
      expect(places.length).toBeGreaterThan(2);
      for (const row of persons) {
        const narrowed = await app.data(SearchFacets, { query: "congress OR harvest OR construction", filter: { persons: [row.person.slug] } });
        expect({ person: row.person.slug, total: narrowed.search.totalCount }).toEqual({ person: row.person.slug, total: row.count });
      }
      for (const row of places) {
        const narrowed = await app.data(SearchFacets, { query: "congress OR harvest OR construction", filter: { places: [row.place.slug] } });
        expect({ place: row.place.slug, total: narrowed.search.totalCount }).toEqual({ place: row.place.slug, total: row.count });
      }
      for (const row of sources) {
        const narrowed = await app.data(SearchFacets, { query: "congress OR harvest OR construction", filter: { sources: [row.source.slug] } });
        expect(narrowed.search.totalCount).toBe(row.count);
      }
    });

    it("limit places to the kinds asked for", async () => {
      const data = await app.data(SearchFacets, { query: "congress OR harvest", kinds: ["PROVINCE", "COUNTY"] });
      expect(Object.fromEntries(data.search.facets.places.map((row) => [row.place.slug, row.count]))).toEqual({
        [slugs.hwanghae!]: 1,
        [slugs.anak!]: 1,
      });
    });

    it("reject a size out of range", async () => {
      const result = await app.execute(SearchPersonFacetLimit, { query: "congress", first: 101 });
      expectError(result, { code: "BAD_USER_INPUT" });
    });
  });

  describe("cost", () => {
    it("sends the same statements for a page of 2 as for a page of 20, facets only when selected", async () => {
      const small = await app.countStatements(SearchPage, { query: "congress OR irrigation", first: 2 });
      const large = await app.countStatements(SearchPage, { query: "congress OR irrigation", first: 20 });
      expect(large.result.data?.search.edges).toHaveLength(20);
      expect(large.count).toBe(small.count);
      // The page's ids, ranks, cursors and (capped) total; the articles with their selected
      // relations joined in (one statement for the page, not per article); the headlines.
      expect(small.count).toBe(1 + 1 + 1);
      expect(small.statements.filter((sql) => /ts_headline/.test(sql))).toHaveLength(1);
      expect(small.statements.filter((sql) => /WITH capped AS/.test(sql))).toHaveLength(1);
      expect(small.statements.some((sql) => /GROUP BY/.test(sql))).toBe(false);

      const total = await app.countStatements(SearchTotal, { query: "congress" });
      expect(total.statements).toHaveLength(1); // no edges selected: no page to rank
      const facets = await app.countStatements(SearchFacets, { query: "congress" });
      // The total, all five facet lists in one statement, then the sources, persons and places by id.
      expect(facets.count).toBe(1 + 1 + 3);
    });
  });

  describe("hostile input", () => {
    it("answers any query with results or BAD_USER_INPUT, never an internal error", async () => {
      const inputs = [
        '"unbalanced quote',
        'congress "',
        "OR",
        "-",
        "*",
        "- OR * | & ! ( ) : <->",
        '\'; DROP TABLE "Article"; --',
        "congress' OR '1'='1",
        "a:* & !b | (c <-> d)",
        "\\'\\'\\",
        "김정은 조선중앙통신",
        "🚀 congress 🚀",
        "\u0000congress\u0007",
        "a\ud800b congress",
        "x".repeat(1000),
        "congress ".repeat(200),
        "y".repeat(10_000),
        "-congress",
        '-"party congress"',
        "congress*** ***",
        "the of and",
        "¿¡ñ! construir",
        "‮congress",
        "c̶o̶n̶g̶r̶e̶s̶s̶",
      ];
      for (const query of inputs) {
        const result = await app.execute(SearchResults, { query, first: 5 });
        const codes = (result.errors ?? []).map((error) => error.extensions?.code);
        if (codes.length) expect({ query: query.slice(0, 40), codes }).toEqual({ query: query.slice(0, 40), codes: ["BAD_USER_INPUT"] });
        else expect(result.data?.search.edges).toBeInstanceOf(Array);
      }
      expect(app.logged).toEqual([]);
    });

    it("says why a query cannot be searched", async () => {
      const long = await app.execute(SearchResults, { query: "y".repeat(10_000) });
      expectError(long, { code: "BAD_USER_INPUT", argument: "query", message: /10,000 characters long; the limit is 1,000/ });
      const onlyExcluded = await app.execute(SearchResults, { query: "-congress" });
      expectError(onlyExcluded, { code: "BAD_USER_INPUT", argument: "query", message: /only excludes words/ });
      const empty = await app.execute(SearchResults, { query: "  ** -- " });
      expectError(empty, { code: "BAD_USER_INPUT", argument: "query", message: /no words/ });
    });

    it("finds nothing for stop words alone rather than everything", async () => {
      const data = await app.data(SearchResults, { query: "the of and", first: 5 });
      expect(data.search.totalCount).toBe(0);
    });

    it("finds Korean text word by word", async () => {
      const make = factories(app.db.prisma);
      const source = await make.source({ label: "Uriminzokkiri (Ko)", language: "ko" });
      await make.article({ sourceId: source.id, language: "ko", title: "조선중앙통신 보도", body: "김정은 동지께서 현지지도하시였다." });
      expect(await titles("김정은")).toEqual(["조선중앙통신 보도"]);
      expect(await titles("김정은 -보도")).toEqual([]);
    });
  });
});
