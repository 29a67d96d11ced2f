// SQL for "this article matches the search" and "how well", on an article alias.
//
// Each language's vectors hold that language's stems, so the query is normalised once per
// configuration and each row must match the one of its own language. Every stored vector also
// holds a marker lexeme naming its configuration ("config english", see the search_vector
// migration), so the match is one tsquery, (q_english & marker) | (q_spanish & marker) | ...,
// that the GIN index answers exactly: no row has to be read to check its language, which for a
// common word saves reading thousands of vectors.
import { Prisma } from "../generated/prisma/client.ts";
import { type ResolvedFilter, filterSql } from "../articles/filter.ts";
import { FALLBACK_CONFIG, STEMMED_LANGUAGES, type SearchConfig } from "./text-search-config.ts";

const stemmed = Object.entries(STEMMED_LANGUAGES) as [string, SearchConfig][];
export const CONFIGS: SearchConfig[] = [...stemmed.map(([, config]) => config), FALLBACK_CONFIG];

function column(alias: string, name: string): Prisma.Sql {
  return Prisma.raw(`${alias}."${name}"`);
}

/** The tsquery for one configuration; the configuration names are ours, the text is bound. */
function tsquery(config: SearchConfig, text: string): Prisma.Sql {
  return Prisma.sql`to_tsquery(${Prisma.raw(`'${config}'`)}::regconfig, ${text})`;
}

/** The marker lexeme of a configuration, as a tsquery constant. */
function markerQuery(name: string): Prisma.Sql {
  return Prisma.raw(`'''config ${name}'''::tsquery`);
}

/**
 * The query for one configuration, restricted to its rows. A query that is empty in this
 * configuration (only stop words) must match none of them, but `'' && marker` would be the
 * bare marker, matching all: so an empty query becomes a marker no row holds.
 */
function branch(config: SearchConfig, text: string): Prisma.Sql {
  const query = tsquery(config, text);
  return Prisma.sql`CASE WHEN numnode(${query}) = 0 THEN ${markerQuery("none")} ELSE ${query} && ${markerQuery(config)} END`;
}

/** Rows whose stored vector matches the tsquery text in the row's own language. */
export function matchSql(text: string, alias = "a"): Prisma.Sql {
  const branches = CONFIGS.map((config) => Prisma.sql`(${branch(config, text)})`);
  return Prisma.sql`${column(alias, "searchVector")} @@ (${Prisma.join(branches, " || ")})`;
}

/** The tsquery in the row's language, for ranking and highlighting rows already matched. */
export function rowQuerySql(text: string, alias = "a"): Prisma.Sql {
  const language = column(alias, "language");
  const cases = stemmed.map(([code, config]) => Prisma.sql`WHEN ${Prisma.raw(`'${code}'`)} THEN ${tsquery(config, text)}`);
  return Prisma.sql`(CASE ${language} ${Prisma.join(cases, " ")} ELSE ${tsquery(FALLBACK_CONFIG, text)} END)`;
}

/**
 * Relevance: cover density (how close together the matches lie, weighted title over teaser
 * over body), divided by 1 + log(length) so long articles do not win by size alone, and scaled
 * into [0, 1). Rounded to six places as numeric so the value a cursor carries compares exactly
 * equal to the value the next page recomputes.
 */
export function rankSql(text: string, alias = "a"): Prisma.Sql {
  return Prisma.sql`round(ts_rank_cd(${column(alias, "searchVector")}, ${rowQuerySql(text, alias)}, 1 | 32)::numeric, 6)`;
}

/** A search as the SQL sees it: the tsquery text, the resolved ArticleFilter, and how far it counts. */
export interface SearchScope {
  tsquery: string;
  /** The words sought (not those left out), for the candidate lists of their lexemes. */
  words: string;
  filter: ResolvedFilter;
  /**
   * Matches counted and ranked exhaustively; past this many the total is a lower bound and
   * relevance ranks among candidates. Small archives never reach it.
   */
  exactLimit: number;
  /** Count every match, whatever it costs (the page still ranks among candidates past exactLimit). */
  exactTotal: boolean;
}

/** Articles the search finds: matching text and passing the filter. */
export function searchConditionSql(search: SearchScope, alias = "a"): Prisma.Sql {
  return Prisma.sql`${matchSql(search.tsquery, alias)} AND ${filterSql(search.filter, alias)}`;
}
