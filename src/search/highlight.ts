// Highlighted titles and snippets that a frontend can insert as HTML.
//
// PostgreSQL's ts_headline finds the best passages and marks matches, but it works on raw text:
// it would drop anything that looks like a tag and copy "<" or "&" through unescaped. So it
// marks matches with sentinel control characters instead of tags, "<" is swapped for a
// sentinel before it sees the text (so tags survive as text), and the result is HTML-escaped
// here before the sentinels become the client's markers. Sentinels already in the stored text
// are removed first, so only ours remain.
import { Prisma } from "../generated/prisma/client.ts";
import { rowQuerySql } from "./match.ts";

// ASCII control characters: the text-search parser takes them for word breaks, as it takes
// "<", and PGlite's headline options accept them where it drops private-use characters.
const LESS_THAN = "\u0001";
const START = "\u0002";
const STOP = "\u0003";
const FRAGMENT_DELIMITER = "\u0004";
const SENTINELS = LESS_THAN + START + STOP + FRAGMENT_DELIMITER;

/** Most snippets a client may ask for per article. */
export const MAX_SNIPPETS = 10;
/** Longest start or end marker accepted, in characters. */
export const MAX_MARK_LENGTH = 100;

/** Words per snippet: enough to read a match in context, short enough for a result list. */
const SNIPPET_WORDS = { min: 15, max: 35 };

/** Title and body snippets with sentinel marks, as ts_headline returned them. */
export interface RawHighlight {
  title: string;
  /** Fragments joined by the delimiter sentinel; null when the article has no body. */
  body: string | null;
}

export interface Highlights {
  title: string;
  snippets: string[];
}

export interface Marks {
  start: string;
  end: string;
}

function prepared(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`replace(translate(${column}, ${SENTINELS}, ''), '<', ${LESS_THAN})`;
}

function options(values: Record<string, string | number | boolean>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join(", ");
}

/**
 * Selects id, title and body headlines of the given articles. Snippets come from the body
 * only: the title is returned whole, with its matches marked.
 */
export function headlinesSql(text: string, ids: number[], snippets: number, alias = "a"): Prisma.Sql {
  const config = Prisma.raw(`article_search_config(${alias}."language")`);
  const query = rowQuerySql(text, alias);
  const marks = { StartSel: START, StopSel: STOP };
  const titleOptions = options({ ...marks, HighlightAll: true });
  const bodyOptions = options({
    ...marks,
    MaxFragments: snippets,
    MinWords: SNIPPET_WORDS.min,
    MaxWords: SNIPPET_WORDS.max,
    FragmentDelimiter: FRAGMENT_DELIMITER,
  });
  const body =
    snippets > 0
      ? Prisma.sql`CASE WHEN ${Prisma.raw(`${alias}."body"`)} IS NULL THEN NULL
        ELSE ts_headline(${config}, ${prepared(Prisma.raw(`${alias}."body"`))}, ${query}, ${bodyOptions}) END`
      : Prisma.sql`NULL::text`;
  return Prisma.sql`
    SELECT ${Prisma.raw(`${alias}.id`)} AS id,
      ts_headline(${config}, ${prepared(Prisma.raw(`${alias}."title"`))}, ${query}, ${titleOptions}) AS title,
      ${body} AS body
    FROM "Article" ${Prisma.raw(alias)}
    WHERE ${Prisma.raw(`${alias}.id`)} = ANY(${ids}::int[])`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function render(raw: string, marks: Marks): string {
  return escapeHtml(raw).replaceAll(LESS_THAN, "&lt;").replaceAll(START, marks.start).replaceAll(STOP, marks.end);
}

/**
 * Escapes the headline and puts the client's markers in place of the sentinels. Snippets are
 * whitespace-collapsed (paragraph breaks mean nothing in a snippet) and limited to `snippets`;
 * when the body has no match, ts_headline gives its opening words, kept as the one snippet so a
 * result always has text to show.
 */
export function renderHighlights(raw: RawHighlight, snippets: number, marks: Marks): Highlights {
  const fragments =
    raw.body === null || snippets === 0
      ? []
      : raw.body
          .split(FRAGMENT_DELIMITER)
          .map((fragment) => fragment.replace(/\s+/gu, " ").trim())
          .filter((fragment) => fragment !== "");
  const matched = fragments.filter((fragment) => fragment.includes(START));
  const chosen = matched.length ? matched : fragments.slice(0, 1);
  return {
    title: render(raw.title, marks),
    snippets: chosen.slice(0, snippets).map((fragment) => render(fragment, marks)),
  };
}
