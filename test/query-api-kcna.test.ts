// The query API on real articles: the first 3,000 English rows of the KCNA corpus, loaded through
// the ingest command, with filter results checked against independent SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/schema/global-id.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { hasKcnaCorpus, ingestKcnaSlice } from "./helpers/kcna-slice.ts";
import { graphql } from "./generated/gql.ts";
import type { ArticleFilter, KcnaArticlesQuery } from "./generated/graphql.ts";

const KcnaArticles = graphql(`
  query KcnaArticles($filter: ArticleFilter, $orderBy: ArticleOrder, $first: Int, $after: String) {
    articles(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { node { id } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const KcnaPlace = graphql(`
  query KcnaPlace($slug: String!) {
    place(slug: $slug) {
      mentionCount
      articles(first: 5) { totalCount }
      direct: articles(includeDescendants: false, first: 5) { totalCount }
    }
  }
`);

describe.skipIf(!hasKcnaCorpus)("the query API on a slice of the KCNA corpus", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    const { code, output } = await ingestKcnaSlice(app.db, { en: 3000 });
    // 2: finished, with a few malformed records rejected (the corpus keeps its dirt).
    expect([0, 2], output).toContain(code);
  });

  afterAll(() => app?.destroy());

  const sql = <T>(query: string, ...values: unknown[]) => app.db.prisma.$queryRawUnsafe<T[]>(query, ...values);

  /** Every id of a filtered list, page by page, in order. */
  async function allIds(filter: ArticleFilter, orderBy: "PUBLISHED_AT_DESC" | "TITLE_ASC" = "PUBLISHED_AT_DESC") {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const page: KcnaArticlesQuery = await app.data(KcnaArticles, { filter, orderBy, first: 100, after });
      total = page.articles.totalCount;
      ids.push(...page.articles.edges.map((edge) => edge.node.id));
      if (!page.articles.pageInfo.hasNextPage) break;
      after = page.articles.pageInfo.endCursor;
    }
    return { ids, total };
  }

  const globalIds = (rows: { id: number }[]) => rows.map((row) => encodeGlobalId("Article", row.id));

  it("loaded the slice with people and places linked", async () => {
    const [row] = await sql<{ articles: number; persons: number; places: number }>(`
      SELECT (SELECT count(*) FROM "Article" WHERE NOT "isStub")::int AS articles,
             (SELECT count(DISTINCT "articleId") FROM "PersonMention")::int AS persons,
             (SELECT count(DISTINCT "articleId") FROM "PlaceMention")::int AS places`);
    expect(row!.articles).toBeGreaterThan(2800);
    expect(row!.persons).toBeGreaterThan(row!.articles / 3);
    expect(row!.places).toBeGreaterThan(row!.articles / 2);
  });

  it("finds a province's articles including those about its counties, as SQL over the hierarchy does", async () => {
    // The province whose descendants add the most articles beyond its own mentions.
    const [province] = await sql<{ id: number; slug: string; direct: number; total: number }>(`
      WITH RECURSIVE tree(root, id) AS (
        SELECT id, id FROM "Place" WHERE kind = 'PROVINCE'
        UNION SELECT t.root, p.id FROM "Place" p JOIN tree t ON p."parentId" = t.id)
      SELECT * FROM (SELECT pr.id, pr.slug,
        (SELECT count(DISTINCT m."articleId") FROM "PlaceMention" m JOIN "Article" a ON a.id = m."articleId" AND NOT a."isStub"
          WHERE m."placeId" = pr.id)::int AS direct,
        (SELECT count(DISTINCT m."articleId") FROM "PlaceMention" m JOIN "Article" a ON a.id = m."articleId" AND NOT a."isStub"
          WHERE m."placeId" IN (SELECT id FROM tree WHERE root = pr.id))::int AS total
      FROM "Place" pr WHERE pr.kind = 'PROVINCE') provinces ORDER BY total - direct DESC, id LIMIT 1`);
    expect(province!.total).toBeGreaterThan(province!.direct);

    const listed = await allIds({ places: [province!.slug] });
    expect(listed.total).toBe(province!.total);
    const expected = await sql<{ id: number }>(
      `
      WITH RECURSIVE tree(id) AS (SELECT $1::int UNION SELECT p.id FROM "Place" p JOIN tree t ON p."parentId" = t.id)
      SELECT a.id FROM "Article" a WHERE NOT a."isStub"
        AND EXISTS (SELECT 1 FROM "PlaceMention" m WHERE m."articleId" = a.id AND m."placeId" IN (SELECT id FROM tree))
      ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC`,
      province!.id,
    );
    expect(listed.ids).toEqual(globalIds(expected));

    const page = await app.data(KcnaPlace, { slug: province!.slug });
    expect(page.place?.articles.totalCount).toBe(province!.total);
    expect(page.place?.direct.totalCount).toBe(province!.direct);
    expect(page.place?.mentionCount).toBe(province!.direct);
  });

  it("requires every listed person, mentioned or authored, as an intersection in SQL", async () => {
    const pair = await sql<{ a: string; b: string }>(`
      SELECT pa.slug AS a, pb.slug AS b FROM "PersonMention" x JOIN "PersonMention" y
        ON y."articleId" = x."articleId" AND y."personId" > x."personId"
      JOIN "Person" pa ON pa.id = x."personId" JOIN "Person" pb ON pb.id = y."personId"
      GROUP BY pa.slug, pb.slug ORDER BY count(*) DESC, pa.slug, pb.slug LIMIT 1`);
    const { a, b } = pair[0]!;
    const expected = await sql<{ id: number }>(
      `
      SELECT a.id FROM "Article" a WHERE NOT a."isStub"
        AND a.id IN (SELECT "articleId" FROM "PersonMention" m JOIN "Person" p ON p.id = m."personId" WHERE p.slug = $1
                     UNION SELECT "articleId" FROM "Authorship" m JOIN "Person" p ON p.id = m."personId" WHERE p.slug = $1)
        AND a.id IN (SELECT "articleId" FROM "PersonMention" m JOIN "Person" p ON p.id = m."personId" WHERE p.slug = $2
                     UNION SELECT "articleId" FROM "Authorship" m JOIN "Person" p ON p.id = m."personId" WHERE p.slug = $2)
      ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC`,
      a,
      b,
    );
    expect(expected.length).toBeGreaterThan(10);
    const listed = await allIds({ persons: [a, b] });
    expect(listed.ids).toEqual(globalIds(expected));
  });

  it("combines a date range with a person and a place, ordered by title, as SQL does", async () => {
    const [range] = await sql<{ from: string; to: string }>(`
      SELECT min("publishedAt")::text AS from, (min("publishedAt") + 120)::text AS to FROM "Article" WHERE NOT "isStub"`);
    const filter: ArticleFilter = { persons: ["kim-jong-il"], places: ["pyongyang"], publishedAt: { from: range!.from, to: range!.to } };
    const expected = await sql<{ id: number }>(
      `
      SELECT a.id FROM "Article" a WHERE NOT a."isStub" AND a."publishedAt" BETWEEN $1::date AND $2::date
        AND (a.id IN (SELECT "articleId" FROM "PersonMention" m JOIN "Person" p ON p.id = m."personId" WHERE p.slug = 'kim-jong-il')
          OR a.id IN (SELECT "articleId" FROM "Authorship" m JOIN "Person" p ON p.id = m."personId" WHERE p.slug = 'kim-jong-il'))
        AND a.id IN (SELECT "articleId" FROM "PlaceMention" WHERE "placeId" IN (
          WITH RECURSIVE tree(id) AS (SELECT id FROM "Place" WHERE slug = 'pyongyang'
            UNION SELECT p.id FROM "Place" p JOIN tree t ON p."parentId" = t.id) SELECT id FROM tree))
      ORDER BY a.title, a.id`,
      range!.from,
      range!.to,
    );
    expect(expected.length).toBeGreaterThan(5);
    const listed = await allIds(filter, "TITLE_ASC");
    expect(listed.ids).toEqual(globalIds(expected));
    expect(listed.total).toBe(expected.length);
  });
});
