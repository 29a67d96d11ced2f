// Forged cursors and random filter inputs are the client's mistake: whatever a client sends as
// `after`/`before` or as a filter, on any connection, the answer is data or BAD_USER_INPUT,
// never INTERNAL_SERVER_ERROR (a value that reached PostgreSQL and failed there).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_ORDERS } from "../src/articles/order.ts";
import { SEARCH_ORDERS } from "../src/search/order.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { expectError } from "./helpers/errors.ts";
import { factories } from "./helpers/factories.ts";

const RUNS = 60;
type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
const SCHEMES = [...ARTICLE_ORDERS.map((order) => `articles:${order}`), ...SEARCH_ORDERS.map((order) => `search:${order}`)];

/** What a forger sends: cursors of this service's form with wrong values, and anything at all. */
const forgedCursor = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...SCHEMES),
      fc.array(
        fc.oneof(
          fc.jsonValue(),
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([scheme, values]) => cursorOf([scheme, ...values])),
  fc
    .tuple(fc.constantFrom(...SCHEMES), fc.string(), fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 40)))
    .map(([scheme, value, id]) => cursorOf([scheme, value, id])),
  fc.jsonValue().map(cursorOf),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString("base64url")),
  // Pothos' own cursors (persons, places, sources lists) with forged contents.
  fc.jsonValue().map((value) => Buffer.from(`GPC:J:${JSON.stringify(value)}`).toString("base64")),
  fc.string().map((value) => Buffer.from(`GPC:S:${value}`).toString("base64")),
  fc.integer().map((value) => Buffer.from(`GPC:N:${value}`).toString("base64")),
);

/** Connections whose `after`/`before` a forger can reach, each as a document over $cursor. */
const CONNECTIONS: { name: string; query: string }[] = [
  ...ARTICLE_ORDERS.map((order) => ({
    name: `articles(${order})`,
    query: `query($cursor: String, $backward: Boolean!) { forward: articles(orderBy: ${order}, first: 2, after: $cursor) @skip(if: $backward) { edges { node { title } } } backward: articles(orderBy: ${order}, last: 2, before: $cursor) @include(if: $backward) { edges { node { title } } } }`,
  })),
  ...SEARCH_ORDERS.map((order) => ({
    name: `search(${order})`,
    query: `query($cursor: String, $backward: Boolean!) { forward: search(query: "kim", orderBy: ${order}, first: 2, after: $cursor) @skip(if: $backward) { edges { node { title } } } backward: search(query: "kim", orderBy: ${order}, last: 2, before: $cursor) @include(if: $backward) { edges { node { title } } } }`,
  })),
  {
    name: "nested article lists",
    query: `query($cursor: String, $backward: Boolean!) { sources(first: 2) { edges { node { articles(first: 2, after: $cursor) @skip(if: $backward) { totalCount } } } } persons(first: 2) { edges { node { articles(last: 2, before: $cursor) @include(if: $backward) { totalCount } } } } }`,
  },
  {
    name: "persons, places, sources and children",
    query: `query($cursor: String, $backward: Boolean!) { persons(first: 2, after: $cursor) @skip(if: $backward) { edges { node { name } } } places(last: 2, before: $cursor) @include(if: $backward) { edges { node { name } } } sources(first: 2, after: $cursor) @skip(if: $backward) { edges { node { label } } } p: places(first: 1) { edges { node { children(first: 2, after: $cursor) @skip(if: $backward) { edges { node { name } } } } } } }`,
  },
];

function expectOnlyBadInput(body: Body, context: unknown): void {
  const codes = (body.errors ?? []).map((error) => error.extensions?.code);
  const unexpected = (body.errors ?? []).filter((error) => error.extensions?.code !== "BAD_USER_INPUT");
  if (unexpected.length > 0) throw new Error(`${JSON.stringify(context)} → ${JSON.stringify(unexpected)}`);
  expect(codes.every((code) => code === "BAD_USER_INPUT")).toBe(true);
}

describe("forged cursors and random filters", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const make = factories(t.db.prisma);
    const source = await make.source({ label: "KCNA (En)" });
    const person = await make.person("Kim Jong Un");
    const province = await make.place("South Hwanghae Province", "PROVINCE");
    await make.place("Anak County", "COUNTY", province.id);
    for (const [index, publishedAt] of ["2021-07-12", null, "2019-01-01"].entries()) {
      await make.article({
        sourceId: source.id,
        title: `Kim Jong Un article ${index}`,
        publishedAt,
        listedAt: new Date(Date.UTC(2021, 6, index + 1, 10, 30)),
        persons: [{ id: person.id }],
        places: [{ id: province.id }],
      });
    }
  });
  afterAll(() => t.destroy());

  it("refuses the forged cursors of the issue as BAD_USER_INPUT", async () => {
    const forged = [
      ["articles:PUBLISHED_AT_DESC", "PUBLISHED_AT_DESC", cursorOf(["articles:PUBLISHED_AT_DESC", "2021-13-45", 310])],
      ["articles:TITLE_ASC", "TITLE_ASC", cursorOf(["articles:TITLE_ASC", 42, 310])],
      ["articles:LISTED_AT_DESC", "LISTED_AT_DESC", cursorOf(["articles:LISTED_AT_DESC", "yesterday", 310])],
      ["huge id", "PUBLISHED_AT_DESC", cursorOf(["articles:PUBLISHED_AT_DESC", "2021-01-01", 2 ** 40])],
      ["year zero", "PUBLISHED_AT_ASC", cursorOf(["articles:PUBLISHED_AT_ASC", "0000-01-01", 3])],
    ] as const;
    for (const [name, order, cursor] of forged) {
      const body = (await (
        await t.post({ query: `query($c: String) { articles(orderBy: ${order}, after: $c) { totalCount } }`, variables: { c: cursor } })
      ).json()) as Body;
      expectError(body, { code: "BAD_USER_INPUT", path: ["articles"], argument: "after", message: /Argument "after" is not a valid cursor/ }, name);
    }
  });

  it("still follows the cursors it issued, in every ordering", async () => {
    for (const order of ARTICLE_ORDERS) {
      const first = (await (await t.post({ query: `{ articles(orderBy: ${order}, first: 1) { pageInfo { endCursor } } }` })).json()) as {
        data: { articles: { pageInfo: { endCursor: string } } };
      };
      const next = (await (
        await t.post({
          query: `query($c: String) { articles(orderBy: ${order}, first: 5, after: $c) { edges { node { title } } } }`,
          variables: { c: first.data.articles.pageInfo.endCursor },
        })
      ).json()) as Body & {
        data: { articles: { edges: unknown[] } };
      };
      expect(next.errors, order).toBeUndefined();
      expect(next.data.articles.edges, order).toHaveLength(2);
    }
  });

  for (const connection of CONNECTIONS) {
    it(`answers data or BAD_USER_INPUT to any cursor on ${connection.name}`, async () => {
      await fc.assert(
        fc.asyncProperty(forgedCursor, fc.boolean(), async (cursor, backward) => {
          const body = (await (await t.post({ query: connection.query, variables: { cursor, backward } })).json()) as Body;
          expectOnlyBadInput(body, { connection: connection.name, cursor, backward });
        }),
        { numRuns: RUNS },
      );
    });
  }

  const idOrSlug = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom("kim-jong-un", "south-hwanghae-province", "kcna-en"),
    fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString("base64")),
  );
  const dateLike = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    fc.constantFrom("2021-02-30", "0000-01-01", "99999-01-01"),
  );
  const filter = fc.record(
    {
      sources: fc.array(idOrSlug, { maxLength: 3 }),
      persons: fc.array(idOrSlug, { maxLength: 3 }),
      places: fc.array(idOrSlug, { maxLength: 3 }),
      authors: fc.array(idOrSlug, { maxLength: 2 }),
      exclude: fc.array(idOrSlug, { maxLength: 2 }),
      languages: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      includeStubs: fc.boolean(),
      publishedAt: fc.record({ from: dateLike, to: dateLike }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );

  it("answers data or BAD_USER_INPUT to any article filter, on lists and search", async () => {
    await fc.assert(
      fc.asyncProperty(filter, async (input) => {
        const query = `query($filter: ArticleFilter) { articles(filter: $filter, first: 2) { totalCount edges { node { title } } } search(query: "kim", filter: $filter, first: 2) { totalCount facets { sources { count } } } }`;
        const body = (await (await t.post({ query, variables: { filter: input } })).json()) as Body;
        expectOnlyBadInput(body, input);
      }),
      { numRuns: RUNS },
    );
  });
});
