// The statements of a search page: ids, ranks and sort values of one page of hits, and the count
// of the matches (exact up to the search's exact limit, a lower bound past it). Builders only;
// loaders/search.ts runs them, and the benchmark runs the same SQL without GraphQL.
import { Prisma } from "../generated/prisma/client.ts";
import type { PageRequest } from "../lib/keyset.ts";
import { CONFIGS, type SearchScope, rankSql, searchConditionSql } from "./match.ts";
import { type SearchOrder, searchKeysetSql, searchOrderBySql } from "./order.ts";

export interface SearchPageSpec {
  search: SearchScope;
  order: SearchOrder;
  page: PageRequest;
}

/** The configurations whose stems the candidate lists may hold (see text-search-config.ts). */
const CANDIDATE_CONFIGS = Prisma.raw(`ARRAY[${CONFIGS.map((config) => `'${config}'`).join(", ")}]::regconfig[]`);

/**
 * Candidates a bounded search ranks: the lists of its words share this budget, each giving at
 * least MIN_PER_LIST (one word: its whole list; three: a third each, or MIN_PER_LIST). Measured on
 * the KCNA archive: with 1,000 per word the first 20 agree with ranking every match 17 to 20
 * times in 20, with 500 13 to 20; each candidate costs about 20 µs to check and rank.
 */
const CANDIDATE_BUDGET = 2_000;
const MIN_PER_LIST = 500;
/**
 * Fewer candidates than a tenth of the exact limit (200 by default) matching the query and filter,
 * and the search ranks every match instead: the lists are the articles where a word is most
 * prominent in the whole archive, so a filter (a year, a person) can leave few of them, and those
 * need not be its best.
 */
const minRankedCandidates = (exactLimit: number) => Math.ceil(exactLimit / 10);

/** Matches, stopping one past the exact limit: as many as there are, or "more than the limit". */
function cappedCountSql(search: SearchScope): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM "Article" a WHERE ${searchConditionSql(search)} LIMIT ${search.exactLimit + 1}) capped`;
}

/**
 * A page by relevance, with the matches counted up to the exact limit, in one statement.
 *
 * Up to the limit every match is ranked (exhaustive, as small archives always are). Past it,
 * ranking every match costs time in proportion to the matches (half a second for "Kim Jong Il"
 * in the KCNA archive), so the page ranks only candidates: the articles where the words sought
 * are most prominent, from the lists the write triggers keep (SearchLexeme), each candidate
 * checked against the whole query and filter and ranked exactly as before. A search whose words
 * have no list, or whose filter leaves too few candidates, is ranked exhaustively whatever its size. Each branch runs only when
 * its condition (a one-time filter on the count) holds; OFFSET 0 keeps PostgreSQL from merging
 * a candidate's lookup into a scan of every match.
 */
export function searchPageSql({ search, order, page }: SearchPageSpec): Prisma.Sql {
  const keyset = page.cursor ? Prisma.sql` AND ${searchKeysetSql(order, page.cursor, page.backward)}` : Prisma.empty;
  const orderBy = searchOrderBySql(order, page.backward);
  if (order === "RELEVANCE") {
    return Prisma.sql`
      WITH capped AS (${cappedCountSql(search)}),
      lexemes AS (
        SELECT DISTINCT l FROM unnest(${CANDIDATE_CONFIGS}) AS cfg, unnest(tsvector_to_array(to_tsvector(cfg, ${search.words}))) AS l),
      listed AS (SELECT s."articleIds" FROM "SearchLexeme" s WHERE (SELECT n FROM capped) > ${search.exactLimit} AND s.lexeme IN (SELECT l FROM lexemes)),
      candidates AS MATERIALIZED (
        SELECT DISTINCT unnest(listed."articleIds"[1:(SELECT greatest(${MIN_PER_LIST}, ${CANDIDATE_BUDGET} / greatest(count(*), 1)) FROM listed)]) AS id FROM listed),
      ranked AS MATERIALIZED (
        SELECT r.id, r."publishedAt", r.rank FROM candidates c CROSS JOIN LATERAL (
          SELECT a.id, a."publishedAt", ${rankSql(search.tsquery)} AS rank
          FROM "Article" a WHERE a.id = c.id AND ${searchConditionSql(search)} OFFSET 0) r),
      bounded AS (SELECT (SELECT n FROM capped) > ${search.exactLimit} AND (SELECT count(*) FROM ranked) >= ${minRankedCandidates(search.exactLimit)} AS yes),
      hits AS (
        SELECT a.id, a."publishedAt", ${rankSql(search.tsquery)} AS rank
        FROM "Article" a WHERE NOT (SELECT yes FROM bounded) AND ${searchConditionSql(search)}
        UNION ALL
        SELECT * FROM ranked WHERE (SELECT yes FROM bounded))
      SELECT a.id, a.rank::text AS rank, a."publishedAt"::text AS sort,
             (SELECT n FROM capped) AS total, (SELECT yes FROM bounded) AS bounded
      FROM (SELECT * FROM hits OFFSET 0) a
      WHERE TRUE${keyset}
      ORDER BY ${orderBy}
      LIMIT ${page.limit + 1}`;
  }
  // Date orders walk the index of the ordering and rank only the rows of the page (the inner
  // LIMIT keeps ts_rank_cd off the rest): exhaustive and fast at any size.
  return Prisma.sql`
    SELECT a.id, ${rankSql(search.tsquery)}::text AS rank, a."publishedAt"::text AS sort
    FROM (SELECT a.id, a."publishedAt", a."language", a."searchVector"
          FROM "Article" a WHERE ${searchConditionSql(search)}${keyset}
          ORDER BY ${orderBy}
          LIMIT ${page.limit + 1}) a
    ORDER BY ${orderBy}`;
}

/** The total: every match when the search asks for an exact total, else up to one past the limit. */
export function searchCountSql(search: SearchScope): Prisma.Sql {
  if (search.exactTotal) return Prisma.sql`SELECT count(*)::int AS n FROM "Article" a WHERE ${searchConditionSql(search)}`;
  return cappedCountSql(search);
}
