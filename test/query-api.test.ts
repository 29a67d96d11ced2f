import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/schema/global-id.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { expectError } from "./helpers/errors.ts";
import { factories } from "./helpers/factories.ts";
import { graphql } from "./generated/gql.ts";

// The canonical operations (those of bench/query-api-ops.ts), each with the statement budget it must stay within.
const ArticleList = graphql(`
  query CanonicalArticleList($first: Int!) {
    articles(first: $first) {
      totalCount
      edges { node { title source { label } authors { name } persons { count person { name } } places { count place { name } } } }
    }
  }
`);

const ArticlePage = graphql(`
  query CanonicalArticlePage($id: ID!, $first: Int!) {
    node(id: $id) {
      ... on Article {
        title
        source { label articles(filter: { exclude: [$id] }, first: $first) { edges { node { title } } } }
        persons { person { name } }
        places { place { name } }
        related(first: 5) { score article { title } sharedPersons { name } sharedPlaces { name } }
      }
    }
  }
`);

const PlacePage = graphql(`
  query CanonicalPlacePage($slug: String!, $first: Int!) {
    place(slug: $slug) {
      name
      ancestors { name }
      children(first: $first) { totalCount edges { node { name } } }
      articles(first: $first) { totalCount edges { node { title places { place { name } } } } }
    }
  }
`);

const PersonPage = graphql(`
  query CanonicalPersonPage($slug: String!, $first: Int!) {
    person(slug: $slug) {
      name
      mentionCount
      articles(first: $first) { totalCount edges { node { title } } }
      coMentioned(first: 10) { count person { name } }
    }
  }
`);

const ThreeLevels = graphql(`
  query CanonicalThreeLevels($first: Int!) {
    sources(first: $first) {
      edges { node { label articles(first: 10) { edges { node { title persons { person { name articles(first: 5) { edges { node { title } } } } } } } } } }
    }
  }
`);

const Filtered = graphql(`
  query FilteredArticles($filter: ArticleFilter, $orderBy: ArticleOrder, $first: Int) {
    articles(filter: $filter, orderBy: $orderBy, first: $first) { totalCount edges { node { title } } }
  }
`);

const Totals = graphql(`
  query ArticleTotals($after: String, $filter: ArticleFilter) {
    articles(first: 100, after: $after) { totalCount pageInfo { endCursor } edges { node { title } } }
    sources(first: 10) { edges { node { slug articles(first: 1, filter: $filter) { totalCount edges { node { title } } } } } }
  }
`);

const Mentions = graphql(`
  query ArticleMentions($id: ID!, $first: Int) {
    article(id: $id) {
      source { label }
      top: persons(first: $first) { count person { name } }
      persons { count person { name } }
      places { count place { name kind } }
    }
  }
`);

const Suggest = graphql(`
  query Typeahead($prefix: String!, $types: [SuggestionType!]) {
    suggest(prefix: $prefix, types: $types) {
      __typename
      ... on Person { name }
      ... on Place { name }
      ... on Source { label }
    }
  }
`);

describe("the query API", () => {
  let app: TestApp;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp();
    const make = factories(app.db.prisma);
    const naenara = await make.source({ label: "Naenara (En)", name: "Naenara", slug: "naenara-en" });
    const kcna = await make.source({ label: "KCNA", name: "KCNA", slug: "kcna" });
    const times = await make.source({ label: "The Pyongyang Times", name: "The Pyongyang Times", slug: "the-pyongyang-times" });
    const kim = await make.person("Kim Jong Un", { aliases: ["Kim Jong-un"] });
    const choe = await make.person("Choe Son Hui");
    const rare = await make.person("Ri Son Gwon");
    const author = await make.person("Yang Ryon Hui");
    const dprk = await make.place("Democratic People's Republic of Korea", "COUNTRY");
    const pyongyang = await make.place("Pyongyang", "SPECIAL_CITY", dprk.id);
    const province = await make.place("South Hwanghae Province", "PROVINCE", dprk.id);
    const anak = await make.place("Anak County", "COUNTY", province.id);
    const oguk = await make.place("Oguk-ri", "VILLAGE", anak.id);
    const sources = [naenara, kcna, times];
    for (let n = 0; n < 36; n++) {
      const places = [{ id: pyongyang.id }];
      if (n % 4 === 0) places.push({ id: oguk.id });
      if (n % 6 === 0) places.push({ id: anak.id });
      const persons = [{ id: kim.id, count: 1 + (n % 3) }];
      if (n % 3 === 0) persons.push({ id: choe.id, count: 1 });
      // In article 08 Ri Son Gwon, created after Kim Jong Un, is the more mentioned: a list in
      // mention order differs there from one in table order.
      if (n === 7 || n === 8) persons.push({ id: rare.id, count: n === 8 ? 4 : 1 });
      await make.article({
        sourceId: sources[n % 3]!.id,
        title: `Article ${String(n).padStart(2, "0")}`,
        publishedAt: `2023-${String(1 + (n % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`,
        language: n % 5 === 0 ? "es" : "en",
        persons,
        places,
        authors: n % 9 === 0 ? [{ id: author.id }] : [],
      });
    }
    await make.article({ sourceId: naenara.id, title: "A stub from a More From box", isStub: true, publishedAt: null });
    Object.assign(id, {
      naenara: naenara.id,
      kim: kim.id,
      choe: choe.id,
      rare: rare.id,
      author: author.id,
      anak: anak.id,
      province: province.id,
      oguk: oguk.id,
      pyongyang: pyongyang.id,
    });
  });

  afterAll(() => app?.destroy());

  describe("sends a fixed number of statements whatever the page size", () => {
    const article8 = async () => (await app.db.prisma.article.findFirstOrThrow({ where: { title: "Article 08" } })).id;
    // Budgets are the counts measured when written: one statement per batched loader, and one
    // per Prisma query with its relations joined in (relationJoins). Raising one needs a reason;
    // a count that grows with the page is N+1.
    const cases: [string, number, () => Promise<(first: number) => Promise<{ count: number }>>][] = [
      ["a list of articles with source, authors, persons and places", 2, async () => (first) => app.countStatements(ArticleList, { first })],
      [
        "an article page with 10 more from the source and 5 related",
        7,
        async () => {
          const articleId = encodeGlobalId("Article", await article8());
          return (first) => app.countStatements(ArticlePage, { id: articleId, first });
        },
      ],
      [
        "a place page with ancestors, children and articles including descendants",
        5,
        async () => (first) => app.countStatements(PlacePage, { slug: "south-hwanghae-province", first: Math.min(first, 20) }),
      ],
      ["a person page with articles, co-mentions and mention count", 6, async () => (first) => app.countStatements(PersonPage, { slug: "kim-jong-un", first })],
      [
        "three levels deep: sources, their articles, their persons, those persons' articles",
        5,
        async () => (first) => app.countStatements(ThreeLevels, { first }),
      ],
    ];
    for (const [name, budget, setup] of cases) {
      it(name, async () => {
        const run = await setup();
        const small = await run(5);
        const large = await run(100);
        expect(small.count).toBe(large.count);
        expect(large.count).toBeLessThanOrEqual(budget);
      });
    }
  });

  it("filters by a province and finds articles about its counties and villages", async () => {
    const data = await app.data(Filtered, { filter: { places: ["south-hwanghae-province"] }, first: 100 });
    // n % 4 === 0 (Oguk-ri) or n % 6 === 0 (Anak County) for n < 36.
    const expected = [...Array(36).keys()].filter((n) => n % 4 === 0 || n % 6 === 0).length;
    expect(data.articles.totalCount).toBe(expected);
    expect(data.articles.edges).toHaveLength(expected);
  });

  it("requires ALL listed persons and ANY listed source", async () => {
    const both = await app.data(Filtered, { filter: { persons: ["kim-jong-un", "ri-son-gwon"] } });
    expect(both.articles.edges.map((edge) => edge.node.title).sort()).toEqual(["Article 07", "Article 08"]);
    const sources = await app.data(Filtered, { filter: { sources: ["naenara-en", "kcna"] } });
    expect(sources.articles.totalCount).toBe(24);
  });

  it("combines date range, languages, authors and exclusion with AND", async () => {
    const data = await app.data(Filtered, {
      filter: {
        publishedAt: { from: "2023-01-01", to: "2023-06-30" },
        languages: ["es"],
        exclude: [encodeGlobalId("Article", (await app.db.prisma.article.findFirstOrThrow({ where: { title: "Article 00" } })).id)],
      },
      first: 100,
    });
    const titles = data.articles.edges.map((edge) => edge.node.title);
    expect(titles).not.toContain("Article 00");
    expect(titles.length).toBeGreaterThan(0);
    const authored = await app.data(Filtered, { filter: { authors: ["yang-ryon-hui"] } });
    expect(authored.articles.totalCount).toBe(4);
  });

  it("counts totals in the page's statement, for empty pages and past the last page too", async () => {
    const first = await app.countStatements(Totals, { after: null, filter: { persons: ["ri-son-gwon"] } });
    const data = first.result.data!;
    expect(data.articles.totalCount).toBe(36);
    expect(data.articles.edges).toHaveLength(36);
    const bySource = Object.fromEntries(data.sources.edges.map((edge) => [edge.node.slug, edge.node.articles.totalCount]));
    // Ri Son Gwon is named in articles 07 (KCNA) and 08 (The Pyongyang Times) only.
    expect(bySource).toEqual({ "naenara-en": 0, kcna: 1, "the-pyongyang-times": 1 });
    const counting = first.statements.filter((sql) => /count\(\*\)/.test(sql));
    expect(counting).toHaveLength(2); // the root list's and the sources' lists', each with its page
    expect(counting.every((sql) => /x\.id, x\.sort/.test(sql))).toBe(true);

    const past = await app.data(Totals, { after: data.articles.pageInfo.endCursor, filter: null });
    expect(past.articles.edges).toEqual([]);
    expect(past.articles.totalCount).toBe(36);
    expect(past.sources.edges.map((edge) => edge.node.articles.totalCount)).toEqual([12, 12, 12]);
  });

  it("lists an article's persons and places most mentioned first, as many as asked for", async () => {
    const article8 = await app.db.prisma.article.findFirstOrThrow({ where: { title: "Article 08" } });
    const id8 = encodeGlobalId("Article", article8.id);
    const data = await app.data(Mentions, { id: id8, first: 1 });
    expect(data.article?.source).toEqual({ label: "The Pyongyang Times" });
    expect(data.article?.top).toEqual([{ count: 4, person: { name: "Ri Son Gwon" } }]);
    expect(data.article?.persons).toEqual([
      { count: 4, person: { name: "Ri Son Gwon" } },
      { count: 3, person: { name: "Kim Jong Un" } },
    ]);
    // Equal counts and offsets: either order is right.
    expect(data.article?.places.map((mention) => mention.place.name).sort()).toEqual(["Oguk-ri", "Pyongyang"]);
    const tooMany = await app.execute(Mentions, { id: id8, first: 101 });
    expectError(tooMany, { code: "BAD_USER_INPUT" });
  });

  it("leaves stubs out unless asked for", async () => {
    const without = await app.data(Filtered, { first: 1 });
    const withStubs = await app.data(Filtered, { filter: { includeStubs: true }, first: 1 });
    expect(withStubs.articles.totalCount).toBe(without.articles.totalCount + 1);
  });

  it("orders by title and pages without skipping or repeating", async () => {
    const data = await app.data(Filtered, { orderBy: "TITLE_ASC", first: 3 });
    expect(data.articles.edges.map((edge) => edge.node.title)).toEqual(["Article 00", "Article 01", "Article 02"]);
  });

  it("rejects malformed filters with BAD_USER_INPUT and a message that names the problem", async () => {
    const backwards = await app.execute(Filtered, { filter: { publishedAt: { from: "2023-06-01", to: "2023-01-01" } } });
    expectError(backwards, { code: "BAD_USER_INPUT", message: /from 2023-06-01 is after to 2023-01-01/ });
    const badDate = await app.execute(Filtered, { filter: { publishedAt: { from: "2023-02-30" } } });
    expectError(badDate, { code: "BAD_USER_INPUT" });
    const badSlug = await app.execute(Filtered, { filter: { persons: ["Not A Slug!"] } });
    expectError(badSlug, { code: "BAD_USER_INPUT" });
    const wrongType = await app.execute(Filtered, { filter: { persons: [encodeGlobalId("Place", id.anak!)] } });
    expectError(wrongType, { code: "BAD_USER_INPUT", message: /expects Person ids or slugs, got a Place id/ });
    const language = await app.execute(Filtered, { filter: { languages: ["english"] } });
    expectError(language, { code: "BAD_USER_INPUT" });
  });

  it("suggests a person whatever the spelling, case or accents", async () => {
    for (const prefix of ["kim jong-un", "Kim Jong Un", "KIM JŎNG", "jong un"]) {
      const data = await app.data(Suggest, { prefix, types: ["PERSON"] });
      expect(data.suggest[0]).toEqual({ __typename: "Person", name: "Kim Jong Un" });
    }
    const places = await app.data(Suggest, { prefix: "anak", types: null });
    expect(places.suggest[0]).toEqual({ __typename: "Place", name: "Anak County" });
    const sources = await app.data(Suggest, { prefix: "naen" });
    expect(sources.suggest).toContainEqual({ __typename: "Source", label: "Naenara (En)" });
  });
});
