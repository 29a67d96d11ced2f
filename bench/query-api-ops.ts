// The canonical operations of the query API benchmark: each as a GraphQL document for the
// service, and as hand-written SQL for the baseline, fetching the same data.
import type pg from "pg";

export interface BenchParams {
  articleId: number;
  articleGlobalId: string;
  placeSlug: string;
  personSlug: string;
}

export interface Operation {
  name: string;
  graphql(params: BenchParams): { query: string; variables: Record<string, unknown> };
  /** The baseline: returns the response body and how many statements it sent. */
  baseline(client: pg.Pool, params: BenchParams): Promise<{ body: unknown; statements: number }>;
}

const mentionJson = (table: "PersonMention" | "PlaceMention", entity: "Person" | "Place", key: "personId" | "placeId", alias: string) => `
  coalesce((SELECT json_agg(json_build_object('count', m.count, '${alias}', json_build_object('name', e.name))
                            ORDER BY m.count DESC, m."firstOffset")
            FROM "${table}" m JOIN "${entity}" e ON e.id = m."${key}" WHERE m."articleId" = a.id), '[]')`;

const authorsJson = `
  coalesce((SELECT json_agg(json_build_object('name', p.name) ORDER BY au.position)
            FROM "Authorship" au JOIN "Person" p ON p.id = au."personId" WHERE au."articleId" = a.id), '[]')`;

const RELATED_SQL = `
  WITH total AS (SELECT greatest(count(*), 1)::float8 AS n FROM "Article" WHERE "isStub" = FALSE),
  entities AS (
    SELECT 'person' AS kind, m."personId" AS eid,
           ln((SELECT n FROM total) / greatest((SELECT count(*) FROM "PersonMention" x WHERE x."personId" = m."personId"), 1)) AS w
    FROM "PersonMention" m WHERE m."articleId" = $1
    UNION ALL
    SELECT 'place', m."placeId",
           ln((SELECT n FROM total) / greatest((SELECT count(*) FROM "PlaceMention" x WHERE x."placeId" = m."placeId"), 1))
    FROM "PlaceMention" m WHERE m."articleId" = $1),
  candidates AS (
    SELECT c."articleId" AS cand, e.kind, e.eid, e.w FROM entities e CROSS JOIN LATERAL (
      SELECT "articleId" FROM "PersonMention" WHERE e.kind = 'person' AND "personId" = e.eid AND "articleId" <> $1
      ORDER BY "articleId" DESC LIMIT 400) c
    UNION ALL
    SELECT c."articleId", e.kind, e.eid, e.w FROM entities e CROSS JOIN LATERAL (
      SELECT "articleId" FROM "PlaceMention" WHERE e.kind = 'place' AND "placeId" = e.eid AND "articleId" <> $1
      ORDER BY "articleId" DESC LIMIT 400) c),
  scored AS (
    SELECT cand, sum(w) AS score,
           array_agg(eid ORDER BY w DESC) FILTER (WHERE kind = 'person') AS persons,
           array_agg(eid ORDER BY w DESC) FILTER (WHERE kind = 'place') AS places
    FROM candidates GROUP BY cand)
  SELECT s.score, json_build_object('title', a.title) AS article,
         coalesce((SELECT json_agg(json_build_object('name', p.name)) FROM unnest(s.persons) i JOIN "Person" p ON p.id = i), '[]') AS "sharedPersons",
         coalesce((SELECT json_agg(json_build_object('name', p.name)) FROM unnest(s.places) i JOIN "Place" p ON p.id = i), '[]') AS "sharedPlaces"
  FROM scored s JOIN "Article" a ON a.id = s.cand AND a."isStub" = FALSE
  ORDER BY s.score DESC, a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 5`;

export const OPERATIONS: Operation[] = [
  {
    name: "article list (50, with source, authors, persons, places)",
    graphql: () => ({
      query: `query ($first: Int!) { articles(first: $first) { totalCount edges { node { title source { label } authors { name }
        persons { count person { name } } places { count place { name } } } } } }`,
      variables: { first: 50 },
    }),
    async baseline(client) {
      const [list, total] = await Promise.all([
        client.query(`SELECT a.title, json_build_object('label', s.label) AS source, ${authorsJson} AS authors,
            ${mentionJson("PersonMention", "Person", "personId", "person")} AS persons,
            ${mentionJson("PlaceMention", "Place", "placeId", "place")} AS places
          FROM "Article" a JOIN "Source" s ON s.id = a."sourceId" WHERE a."isStub" = FALSE
          ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 50`),
        client.query(`SELECT count(*)::int AS n FROM "Article" WHERE "isStub" = FALSE`),
      ]);
      return {
        body: { data: { articles: { totalCount: total.rows[0].n, edges: list.rows.map((node) => ({ node })) } } },
        statements: 2,
      };
    },
  },
  {
    name: "article page (source, persons, places, 10 more from source, 5 related)",
    graphql: (p) => ({
      query: `query ($id: ID!) { node(id: $id) { ... on Article { title
        source { label articles(filter: { exclude: [$id] }, first: 10) { edges { node { title } } } }
        persons { person { name } } places { place { name } }
        related(first: 5) { score article { title } sharedPersons { name } sharedPlaces { name } } } } }`,
      variables: { id: p.articleGlobalId },
    }),
    async baseline(client, p) {
      const [article, more, related] = await Promise.all([
        client.query(
          `SELECT a.title, a."sourceId", s.label,
            ${mentionJson("PersonMention", "Person", "personId", "person")} AS persons,
            ${mentionJson("PlaceMention", "Place", "placeId", "place")} AS places
          FROM "Article" a JOIN "Source" s ON s.id = a."sourceId" WHERE a.id = $1`,
          [p.articleId],
        ),
        client.query(
          `SELECT a.title FROM "Article" a WHERE a."sourceId" = (SELECT "sourceId" FROM "Article" WHERE id = $1)
          AND a.id <> $1 AND a."isStub" = FALSE ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 10`,
          [p.articleId],
        ),
        client.query(RELATED_SQL, [p.articleId]),
      ]);
      const row = article.rows[0];
      return {
        body: {
          data: {
            node: {
              title: row.title,
              source: { label: row.label, articles: { edges: more.rows.map((node) => ({ node })) } },
              persons: row.persons,
              places: row.places,
              related: related.rows,
            },
          },
        },
        statements: 3,
      };
    },
  },
  {
    name: "place page (ancestors, children, 20 articles with descendants, totalCount)",
    graphql: (p) => ({
      query: `query ($slug: String!) { place(slug: $slug) { name ancestors { name }
        children(first: 20) { totalCount edges { node { name } } }
        articles(first: 20) { totalCount edges { node { title places { place { name } } } } } } }`,
      variables: { slug: p.placeSlug },
    }),
    async baseline(client, p) {
      const place = await client.query(
        `
        WITH RECURSIVE up(id, parent, depth) AS (
          SELECT id, "parentId", 0 FROM "Place" WHERE slug = $1
          UNION ALL SELECT p.id, p."parentId", up.depth + 1 FROM "Place" p JOIN up ON p.id = up.parent)
        SELECT (SELECT name FROM up JOIN "Place" pl USING (id) WHERE depth = 0) AS name,
               (SELECT id FROM up WHERE depth = 0) AS id,
               coalesce((SELECT json_agg(json_build_object('name', pl.name) ORDER BY depth DESC) FROM up JOIN "Place" pl USING (id) WHERE depth > 0), '[]') AS ancestors`,
        [p.placeSlug],
      );
      const id = place.rows[0].id;
      const [children, articles, total] = await Promise.all([
        client.query(`SELECT name, count(*) OVER ()::int AS total FROM "Place" WHERE "parentId" = $1 ORDER BY name, id LIMIT 20`, [id]),
        client.query(
          `WITH RECURSIVE d(id) AS (SELECT $1::int UNION SELECT p.id FROM "Place" p JOIN d ON p."parentId" = d.id)
          SELECT a.title, ${mentionJson("PlaceMention", "Place", "placeId", "place")} AS places FROM "Article" a
          WHERE a."isStub" = FALSE AND a.id IN (SELECT "articleId" FROM "PlaceMention" WHERE "placeId" IN (SELECT id FROM d))
          ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 20`,
          [id],
        ),
        client.query(
          `WITH RECURSIVE d(id) AS (SELECT $1::int UNION SELECT p.id FROM "Place" p JOIN d ON p."parentId" = d.id)
          SELECT count(*)::int AS n FROM "Article" a
          WHERE a."isStub" = FALSE AND a.id IN (SELECT "articleId" FROM "PlaceMention" WHERE "placeId" IN (SELECT id FROM d))`,
          [id],
        ),
      ]);
      return {
        body: {
          data: {
            place: {
              name: place.rows[0].name,
              ancestors: place.rows[0].ancestors,
              children: { totalCount: children.rows[0]?.total ?? 0, edges: children.rows.map(({ name }) => ({ node: { name } })) },
              articles: { totalCount: total.rows[0].n, edges: articles.rows.map((node) => ({ node })) },
            },
          },
        },
        statements: 4,
      };
    },
  },
  {
    name: "person page (20 articles, coMentioned 10, mentionCount)",
    graphql: (p) => ({
      query: `query ($slug: String!) { person(slug: $slug) { name mentionCount
        articles(first: 20) { totalCount edges { node { title } } } coMentioned(first: 10) { count person { name } } } }`,
      variables: { slug: p.personSlug },
    }),
    async baseline(client, p) {
      const person = await client.query(`SELECT id, name FROM "Person" WHERE slug = $1`, [p.personSlug]);
      const id = person.rows[0].id;
      const scope = `a."isStub" = FALSE AND (a.id IN (SELECT "articleId" FROM "PersonMention" WHERE "personId" = $1)
        OR a.id IN (SELECT "articleId" FROM "Authorship" WHERE "personId" = $1))`;
      const [mentions, articles, total, co] = await Promise.all([
        client.query(
          `SELECT count(*)::int AS n FROM "PersonMention" m JOIN "Article" a ON a.id = m."articleId" AND a."isStub" = FALSE WHERE m."personId" = $1`,
          [id],
        ),
        client.query(`SELECT a.title FROM "Article" a WHERE ${scope} ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 20`, [id]),
        client.query(`SELECT count(*)::int AS n FROM "Article" a WHERE ${scope}`, [id]),
        client.query(
          `SELECT x.count, json_build_object('name', p.name) AS person FROM (
            SELECT other."personId", count(*)::int AS count FROM "PersonMention" self
            JOIN "PersonMention" other ON other."articleId" = self."articleId" AND other."personId" <> self."personId"
            JOIN "Article" a ON a.id = self."articleId" AND a."isStub" = FALSE
            WHERE self."personId" = $1 GROUP BY other."personId" ORDER BY count DESC, other."personId" LIMIT 10) x
          JOIN "Person" p ON p.id = x."personId" ORDER BY x.count DESC, x."personId"`,
          [id],
        ),
      ]);
      return {
        body: {
          data: {
            person: {
              name: person.rows[0].name,
              mentionCount: mentions.rows[0].n,
              articles: { totalCount: total.rows[0].n, edges: articles.rows.map((node) => ({ node })) },
              coMentioned: co.rows,
            },
          },
        },
        statements: 5,
      };
    },
  },
  {
    name: "three levels (sources, 10 articles each, persons, their 5 latest articles)",
    graphql: () => ({
      query: `{ sources(first: 20) { edges { node { label articles(first: 10) { edges { node { title
        persons { person { name articles(first: 5) { edges { node { title } } } } } } } } } } } }`,
      variables: {},
    }),
    async baseline(client) {
      const result = await client.query(`
        SELECT s.label, coalesce((
          SELECT json_agg(json_build_object('title', a.title, 'persons', coalesce((
            SELECT json_agg(json_build_object('person', json_build_object('name', p.name, 'articles', coalesce((
              SELECT json_agg(json_build_object('title', pa.title)) FROM (
                SELECT pa.title FROM "Article" pa WHERE pa."isStub" = FALSE
                  AND (pa.id IN (SELECT "articleId" FROM "PersonMention" WHERE "personId" = p.id)
                    OR pa.id IN (SELECT "articleId" FROM "Authorship" WHERE "personId" = p.id))
                ORDER BY pa."publishedAt" DESC NULLS LAST, pa.id DESC LIMIT 5) pa), '[]'))) ORDER BY m.count DESC, m."firstOffset")
            FROM "PersonMention" m JOIN "Person" p ON p.id = m."personId" WHERE m."articleId" = a.id), '[]')))
          FROM (SELECT * FROM "Article" a WHERE a."sourceId" = s.id AND a."isStub" = FALSE
                ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 10) a), '[]') AS articles
        FROM "Source" s ORDER BY s.label, s.id LIMIT 20`);
      return { body: { data: { sources: { edges: result.rows.map((node) => ({ node })) } } }, statements: 1 };
    },
  },
];
