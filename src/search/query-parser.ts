// The search syntax analysts type, parsed into clauses:
//
//   nuclear test          both words (every clause must match)
//   "party congress"      the words next to each other, in this order
//   Pyongyang OR Nampho   either word (OR binds two neighbouring clauses; `|` works too)
//   -sanctions            leave out articles with the word (also -"a phrase")
//   constru*              any word starting with "constru" (also inside phrases)
//
// Any text is accepted: a quote without its partner runs to the end, stray operators and
// punctuation are ignored, and words are never interpreted as anything but words. What cannot
// mean a search (nothing left to look for, only exclusions, far too long) is a QueryParseError
// with a sentence the user can act on.

/** Longest query accepted, in characters. Longer text is a pasted document, not a query. */
export const MAX_QUERY_LENGTH = 1000;
/** Most words a query may hold, counting every word of every phrase. */
export const MAX_QUERY_WORDS = 64;

export interface SearchWord {
  /** The word as typed, with characters that mean something to tsquery removed. */
  text: string;
  /** Trailing `*`: match any word that starts with this one. */
  prefix: boolean;
}

export type SearchTerm = { kind: "word"; word: SearchWord } | { kind: "phrase"; words: SearchWord[] };

/** Terms joined by OR; a negated clause excludes articles that match any of them. */
export interface SearchClause {
  negated: boolean;
  terms: SearchTerm[];
}

/** Clauses joined by AND; at least one is not negated. */
export interface ParsedQuery {
  clauses: SearchClause[];
}

export class QueryParseError extends Error {
  override name = "QueryParseError";
}

type Token = { kind: "or" } | { kind: "term"; negated: boolean; term: SearchTerm };

const SPACE = /\s/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Quotes and backslashes delimit tsquery operands, and control characters cannot reach
 * PostgreSQL at all (NUL) or mean nothing in text: they become spaces, where the text-search
 * parser would have split the word anyway ("Korea's" still finds "Korea's"). Invisible format
 * characters are dropped so they do not split a word.
 */
function cleanWord(raw: string): SearchWord | null {
  const prefix = /\*+$/u.test(raw);
  const text = raw
    .replace(/\*+$/u, "")
    .replace(/\p{Cf}/gu, "")
    .replace(/[\p{Cc}'\\]/gu, " ")
    .trim();
  return HAS_WORD_CHARACTER.test(text) ? { text, prefix } : null;
}

function termOf(words: SearchWord[]): SearchTerm | null {
  if (words.length === 0) return null;
  return words.length === 1 ? { kind: "word", word: words[0]! } : { kind: "phrase", words };
}

function readChunk(input: string, start: number): { chunk: string; end: number } {
  let end = start;
  while (end < input.length && !SPACE.test(input[end]!) && input[end] !== '"') end++;
  return { chunk: input.slice(start, end), end };
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (SPACE.test(input[i]!)) {
      i++;
      continue;
    }
    // A leading "-" excludes what follows it; "+" (required) is what every word already is.
    let negated = false;
    while (input[i] === "-" || input[i] === "+") {
      if (input[i] === "-") negated = true;
      i++;
    }
    if (i >= input.length || SPACE.test(input[i]!)) continue; // a lone operator

    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      const inner = input.slice(i + 1, close === -1 ? input.length : close);
      i = close === -1 ? input.length : close + 1;
      const words = inner
        .split(/\s+/u)
        .map(cleanWord)
        .filter((word): word is SearchWord => word !== null);
      const term = termOf(words);
      if (term) tokens.push({ kind: "term", negated, term });
      continue;
    }

    const { chunk, end } = readChunk(input, i);
    i = end;
    if (!negated && (chunk === "OR" || chunk === "|" || chunk === "||")) {
      tokens.push({ kind: "or" });
      continue;
    }
    const word = cleanWord(chunk);
    if (word) tokens.push({ kind: "term", negated, term: { kind: "word", word } });
  }
  return tokens;
}

/**
 * OR joins the clauses on either side when both are positive; an OR with nothing usable on one
 * side ("OR war", "peace OR", "peace OR -war") is ignored rather than guessed at.
 */
function group(tokens: Token[]): SearchClause[] {
  const clauses: SearchClause[] = [];
  let pendingOr = false;
  for (const token of tokens) {
    if (token.kind === "or") {
      pendingOr = true;
      continue;
    }
    const last = clauses.at(-1);
    if (pendingOr && last && !last.negated && !token.negated) last.terms.push(token.term);
    else clauses.push({ negated: token.negated, terms: [token.term] });
    pendingOr = false;
  }
  return clauses;
}

function wordCount(clauses: SearchClause[]): number {
  let count = 0;
  for (const clause of clauses) {
    for (const term of clause.terms) count += term.kind === "word" ? 1 : term.words.length;
  }
  return count;
}

export function parseSearchQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QueryParseError(
      `The search query is ${input.length.toLocaleString("en")} characters long; the limit is ${MAX_QUERY_LENGTH.toLocaleString("en")}.`,
    );
  }
  const clauses = group(tokenize(input));
  if (clauses.length === 0) {
    throw new QueryParseError("The search query has no words to search for.");
  }
  if (clauses.every((clause) => clause.negated)) {
    throw new QueryParseError("The search query only excludes words; add at least one word to search for.");
  }
  const words = wordCount(clauses);
  if (words > MAX_QUERY_WORDS) {
    throw new QueryParseError(`The search query has ${words} words; the limit is ${MAX_QUERY_WORDS}.`);
  }
  return { clauses };
}
