// Search on real articles: the first 3,000 English and 300 Spanish rows of the KCNA corpus in
// ../shared/data, loaded by the ingest command, checked against independent SQL. Skips when
// ../shared is absent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeIdOf } from "../src/schema/global-id.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { hasKcnaCorpus, ingestKcnaSlice } from "./helpers/kcna-slice.ts";
import { graphql } from "./generated/gql.ts";
import type { ArticleFilter, KcnaSearchQuery } from "./generated/graphql.ts";

const SLICE = { en: 3000, es: 300 };

const KcnaSearch = graphql(`
  query KcnaSearch($query: String!, $filter: ArticleFilter, $first: Int, $after: String) {
    search(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      edges { score node { id title language } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const KcnaFacets = graphql(`
  query KcnaFacets($query: String!, $filter: ArticleFilter) {
    search(query: $query, filter: $filter) {
      totalCount
      facets {
        sources { source { slug } count }
        months { month count }
        languages { language count }
        persons(first: 5) { person { slug } count }
        places(first: 5) { place { slug } count }
      }
    }
  }
`);

describe.skipIf(!hasKcnaCorpus)("search on a slice of the KCNA corpus", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    const { code, output } = await ingestKcnaSlice(app.db, SLICE);
    // 2: finished, with a few malformed records rejected (the corpus keeps its dirt).
    expect([0, 2], output).toContain(code);
  });

  afterAll(() => app?.destroy());

  /** Articles (stubs left out) whose vector matches a tsquery built in each row's own configuration. */
  async function count(tsqueryOfConfig: string, value: string, condition = "TRUE"): Promise<number> {
    const [row] = await app.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "Article"
       WHERE NOT "isStub" AND "searchVector" @@ ${tsqueryOfConfig.replace("CONFIG", 'article_search_config("language")')} AND ${condition}`,
      value,
    );
    return row!.n;
  }
  const words = (text: string, condition?: string) => count("plainto_tsquery(CONFIG, $1)", text, condition);
  const phrase = (text: string) => count("phraseto_tsquery(CONFIG, $1)", text);
  const total = async (query: string, filter?: ArticleFilter) =>
    (await app.data(KcnaSearch, { query, first: 0, ...(filter ? { filter } : {}) })).search.totalCount;

  it("loaded both languages of the slice, every article indexed", async () => {
    const rows = await app.db.prisma.$queryRaw<{ language: string; articles: number; indexed: number }[]>`
      SELECT "language", count(*)::int AS articles, count("searchVector")::int AS indexed
      FROM "Article" WHERE NOT "isStub" GROUP BY 1 ORDER BY 1`;
    expect(rows.map((row) => row.language)).toEqual(["en", "es"]);
    for (const row of rows) expect(row.indexed).toBe(row.articles);
    expect(rows[0]!.articles).toBeGreaterThan(SLICE.en * 0.95);
    expect(rows[1]!.articles).toBeGreaterThan(SLICE.es * 0.95);
  });

  it("finds the words of a name anywhere, and the quoted name only as a phrase", async () => {
    const anywhere = await total("Kim Jong Il");
    const together = await total('"Kim Jong Il"');
    expect(anywhere).toBe(await words("Kim Jong Il"));
    expect(together).toBe(await phrase("Kim Jong Il"));
    expect(together).toBeGreaterThan(100);
    expect(together).toBeLessThan(anywhere);
  });

  it("leaves out articles with an excluded word", async () => {
    const withBoth = await words("nuclear united");
    expect(withBoth).toBeGreaterThan(0);
    expect(await total("nuclear -united")).toBe((await words("nuclear")) - withBoth);
  });

  it("finds articles with either word with OR", async () => {
    const both = await words("irrigation reunification");
    expect(await total("irrigation OR reunification")).toBe((await words("irrigation")) + (await words("reunification")) - both);
  });

  it("finds every article holding a word that starts with a prefix", async () => {
    // Written without a tsquery: the stored lexemes themselves, compared as text.
    const [row] = await app.db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Article"
      WHERE NOT "isStub" AND EXISTS (SELECT 1 FROM unnest(tsvector_to_array("searchVector")) AS lexeme WHERE lexeme LIKE 'reunif%')`;
    expect(row!.n).toBeGreaterThan(100);
    expect(await total("reunif*")).toBe(row!.n);
  });

  it("finds an English article by the plural of a word it has only in the singular", async () => {
    const [singularOnly] = await app.db.prisma.$queryRaw<{ id: number; date: string }[]>`
      SELECT id, "publishedAt"::text AS date FROM "Article"
      WHERE "language" = 'en' AND NOT "isStub" AND (title || ' ' || body) ~* '\\mdelegation\\M'
        AND (title || ' ' || body) !~* '\\mdelegations\\M'
      ORDER BY id LIMIT 1`;
    expect(singularOnly).toBeDefined();
    const data = await app.data(KcnaSearch, {
      query: "delegations",
      filter: { publishedAt: { from: singularOnly!.date, to: singularOnly!.date } },
      first: 100,
    });
    expect(data.search.edges.map((edge) => decodeIdOf("Article", edge.node.id))).toContain(singularOnly!.id);
  });

  it("finds a Spanish article by another form of a word it uses (the Spanish stem)", async () => {
    const [otherForm] = await app.db.prisma.$queryRaw<{ id: number; date: string }[]>`
      SELECT id, "publishedAt"::text AS date FROM "Article"
      WHERE "language" = 'es' AND NOT "isStub" AND (title || ' ' || body) ~* '\\mtrabajadores\\M'
        AND (title || ' ' || body) !~* '\\mtrabajar\\M'
      ORDER BY id LIMIT 1`;
    expect(otherForm).toBeDefined();
    const data = await app.data(KcnaSearch, {
      query: "trabajar",
      filter: { languages: ["es"], publishedAt: { from: otherForm!.date, to: otherForm!.date } },
      first: 100,
    });
    expect(data.search.edges.map((edge) => decodeIdOf("Article", edge.node.id))).toContain(otherForm!.id);
    expect(data.search.edges.every((edge) => edge.node.language === "es")).toBe(true);
  });

  it("counts facets as independent SQL does, under a filter", async () => {
    const filter: ArticleFilter = { publishedAt: { from: "1997-01-01", to: "1997-12-31" } };
    const data = await app.data(KcnaFacets, { query: "Kim Jong Il", filter });
    const within = `"publishedAt" BETWEEN '1997-01-01' AND '1997-12-31'`;
    expect(data.search.totalCount).toBe(await words("Kim Jong Il", within));

    const matched = `SELECT id FROM "Article" WHERE NOT "isStub" AND ${within}
      AND "searchVector" @@ plainto_tsquery(article_search_config("language"), 'Kim Jong Il')`;
    const months = await app.db.prisma.$queryRawUnsafe<{ month: string; count: number }[]>(
      `SELECT to_char("publishedAt", 'YYYY-MM') AS month, count(*)::int AS count FROM "Article" WHERE id IN (${matched}) GROUP BY 1 ORDER BY 1`,
    );
    expect(data.search.facets.months).toEqual(months);
    const languages = await app.db.prisma.$queryRawUnsafe<{ language: string; count: number }[]>(
      `SELECT "language", count(*)::int AS count FROM "Article" WHERE id IN (${matched}) GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    expect(data.search.facets.languages).toEqual(languages);
    const persons = await app.db.prisma.$queryRawUnsafe<{ slug: string; count: number }[]>(
      `SELECT p.slug, count(DISTINCT link."articleId")::int AS count
       FROM (SELECT "articleId", "personId" FROM "PersonMention" UNION ALL SELECT "articleId", "personId" FROM "Authorship") link
       JOIN "Person" p ON p.id = link."personId" WHERE link."articleId" IN (${matched})
       GROUP BY p.id, p.slug ORDER BY 2 DESC, p.id LIMIT 5`,
    );
    expect(data.search.facets.persons.map((row) => ({ slug: row.person.slug, count: row.count }))).toEqual(persons);
    expect(persons.length).toBeGreaterThan(0);
    const sourcesTotal = data.search.facets.sources.reduce((sum, row) => sum + row.count, 0);
    expect(sourcesTotal).toBe(data.search.totalCount);
  });

  it("gives each top place the total that filtering by it gives", async () => {
    const data = await app.data(KcnaFacets, { query: "irrigation OR farm*" });
    expect(data.search.facets.places.length).toBeGreaterThan(0);
    for (const row of data.search.facets.places) {
      expect({ place: row.place.slug, total: await total("irrigation OR farm*", { places: [row.place.slug] }) }).toEqual({
        place: row.place.slug,
        total: row.count,
      });
    }
  });

  it("pages through relevance order across both languages, each article once", async () => {
    const expected = await words("nuclear");
    expect(expected).toBeGreaterThan(40);
    const seen: string[] = [];
    const scores: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: KcnaSearchQuery = await app.data(KcnaSearch, { query: "nuclear", first: 20, after });
      seen.push(...page.search.edges.map((edge) => edge.node.id));
      scores.push(...page.search.edges.map((edge) => edge.score));
      if (!page.search.pageInfo.hasNextPage) break;
      after = page.search.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
