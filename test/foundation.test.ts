import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/schema/global-id.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { expectError } from "./helpers/errors.ts";
import { factories } from "./helpers/factories.ts";
import { graphql } from "./generated/gql.ts";
import type { FoundationArticlesQuery } from "./generated/graphql.ts";

const NodeQuery = graphql(`
  query NodeRoundTrip($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Article { title }
      ... on Source { label }
      ... on Person { name }
      ... on Place { name kind }
    }
  }
`);

const NodesQuery = graphql(`
  query NodesList($ids: [ID!]!) {
    nodes(ids: $ids) { __typename id }
  }
`);

const ArticlePage = graphql(`
  query FoundationArticle($slug: String!) {
    article(slug: $slug) {
      id
      title
      publishedAt
      paragraphs
      source { label name language }
      authors { name }
      persons { count surfaceForms person { name } }
      places { count place { name kind parent { name } } }
    }
  }
`);

const ArticlesPage = graphql(`
  query FoundationArticles($first: Int, $after: String, $last: Int, $before: String) {
    articles(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { title publishedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const Relations = graphql(`
  query FoundationRelations($source: String!, $person: String!, $place: String!) {
    source(slug: $source) { name articles { totalCount edges { node { title } } } }
    person(slug: $person) { name articles { totalCount } }
    place(slug: $place) { name children { totalCount edges { node { name } } } articles { totalCount } }
  }
`);

describe("the foundation", () => {
  let app: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp();
    const make = factories(app.db.prisma);
    const source = await make.source({ label: "Naenara (En)", name: "Naenara", slug: "naenara-en" });
    const kim = await make.person("Kim Jong Un", { aliases: ["Kim Jong-un"] });
    const yang = await make.person("Yang Ryon Hui");
    const dprk = await make.place("Democratic People's Republic of Korea", "COUNTRY");
    const province = await make.place("South Hwanghae Province", "PROVINCE", dprk.id);
    const anak = await make.place("Anak County", "COUNTY", province.id);
    const article = await make.article({
      sourceId: source.id,
      title: "Mass Movement Promotes Socialist Construction",
      body: "The socialist patriotic movement.\n\nKim Jong Un is leading the revolution.",
      persons: [{ id: kim.id, count: 2, surfaceForms: ["Kim Jong Un"] }],
      places: [{ id: anak.id, count: 1, surfaceForms: ["Anak County"] }],
      authors: [{ id: yang.id }],
    });
    // 24 more articles on distinct dates for paging.
    for (let day = 1; day <= 24; day++) {
      await make.article({ sourceId: source.id, title: `Day ${day}`, publishedAt: `2022-12-${String(day).padStart(2, "0")}` });
    }
    Object.assign(ids, { source: source.id, kim: kim.id, anak: anak.id, article: article.id, province: province.id });
  });

  afterAll(() => app?.destroy());

  it("round-trips node(id) for all four types", async () => {
    const cases = [
      ["Article", ids.article, "title", "Mass Movement Promotes Socialist Construction"],
      ["Source", ids.source, "label", "Naenara (En)"],
      ["Person", ids.kim, "name", "Kim Jong Un"],
      ["Place", ids.anak, "name", "Anak County"],
    ] as const;
    for (const [type, id, field, value] of cases) {
      const globalId = encodeGlobalId(type, id!);
      const data = await app.data(NodeQuery, { id: globalId });
      expect(data.node).toMatchObject({ __typename: type, id: globalId, [field]: value });
    }
    const list = await app.data(NodesQuery, { ids: [encodeGlobalId("Person", ids.kim!), encodeGlobalId("Person", 999999)] });
    expect(list.nodes).toEqual([{ __typename: "Person", id: encodeGlobalId("Person", ids.kim!) }, null]);
  });

  it("serves an article with its source, authors, persons and places", async () => {
    const data = await app.data(ArticlePage, { slug: (await app.db.prisma.article.findUniqueOrThrow({ where: { id: ids.article! } })).slug });
    expect(data.article).toMatchObject({
      title: "Mass Movement Promotes Socialist Construction",
      publishedAt: "2023-01-21",
      paragraphs: ["The socialist patriotic movement.", "Kim Jong Un is leading the revolution."],
      source: { label: "Naenara (En)", name: "Naenara", language: "en" },
      authors: [{ name: "Yang Ryon Hui" }],
      persons: [{ count: 2, surfaceForms: ["Kim Jong Un"], person: { name: "Kim Jong Un" } }],
      places: [{ count: 1, place: { name: "Anak County", kind: "COUNTY", parent: { name: "South Hwanghae Province" } } }],
    });
  });

  it("pages forward and backward with cursors and an exact totalCount", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: FoundationArticlesQuery = await app.data(ArticlesPage, { first: 10, after });
      expect(data.articles.totalCount).toBe(25);
      seen.push(...data.articles.edges.map((edge) => edge.node.title));
      if (!data.articles.pageInfo.hasNextPage) break;
      after = data.articles.pageInfo.endCursor!;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe("Mass Movement Promotes Socialist Construction");
    expect(seen.slice(1, 4)).toEqual(["Day 24", "Day 23", "Day 22"]);

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const data: FoundationArticlesQuery = await app.data(ArticlesPage, { last: 7, before });
      backward.unshift(...data.articles.edges.map((edge) => edge.node.title));
      if (!data.articles.pageInfo.hasPreviousPage) break;
      before = data.articles.pageInfo.startCursor!;
    }
    expect(backward).toEqual(seen);
  });

  it("lists related rows both ways: source to articles, person to articles, place to children", async () => {
    const data = await app.data(Relations, { source: "naenara-en", person: "kim-jong-un", place: "south-hwanghae-province" });
    expect(data.source?.articles.totalCount).toBe(25);
    expect(data.person?.articles.totalCount).toBe(1);
    expect(data.place?.children.edges.map((edge) => edge.node.name)).toEqual(["Anak County"]);
    expect(data.place?.articles.totalCount).toBe(1);
  });

  it("rejects a malformed id and a malformed cursor with BAD_USER_INPUT, not a 500", async () => {
    const badId = await app.execute(NodeQuery, { id: "not-an-id!" });
    expectError(badId, { code: "BAD_USER_INPUT" });
    const badCursor = await app.execute(ArticlesPage, { first: 5, after: "garbage" });
    expectError(badCursor, { code: "BAD_USER_INPUT", argument: "after", message: /cursor/ });
    const tooMany = await app.execute(ArticlesPage, { first: 101 });
    expectError(tooMany, { code: "BAD_USER_INPUT" });
    const both = await app.execute(ArticlesPage, { first: 1, last: 1 });
    expectError(both, { code: "BAD_USER_INPUT" });
  });

  it("returns null for an unknown but well-formed id", async () => {
    const data = await app.data(NodeQuery, { id: encodeGlobalId("Article", 987654) });
    expect(data.node).toBeNull();
  });
});
