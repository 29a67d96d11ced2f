// Renders a parsed query as tsquery text for to_tsquery(config, $1). The text is always sent
// as a bound parameter, never spliced into SQL; every word is a quoted operand with quotes and
// backslashes already removed (see the parser), so a word can only ever be a word. to_tsquery
// then normalises each operand with the article language's configuration: stems, stop words,
// and words its parser splits ("jong-un", "Korea's") become a phrase of their parts.
import type { ParsedQuery, SearchClause, SearchTerm, SearchWord } from "./query-parser.ts";

/**
 * Vectors hold stems, and a stem can be shorter than what the user typed: "negotiat*" must
 * find "negotiations", stored as 'negoti'. So a prefix also matches the stems of the words it
 * most likely begins: itself completed with each common ending, overlapping where the prefix
 * already starts the ending ("constructio" + "ion" is "construction"), each word stemmed by the
 * article's own configuration. The endings were chosen greedily on the KCNA corpus: for
 * prefixes whose words' stems are shorter than the prefix, the English ten recover 96% and the
 * Spanish nine 94%; more endings would make every ranking slower for little gain.
 */
const PREFIX_ENDINGS = [
  ...["ing", "ation", "y", "ness", "ment", "ion", "ly", "ity", "s", "ed"],
  ...["as", "iendo", "mente", "os", "ando", "es", "e", "ista", "ciones"],
];
/** Shorter prefixes are left alone: "co*" completed would be whole unrelated words. */
const MIN_EXPANDED_PREFIX = 4;

/** The words a prefix may begin, from the endings list. */
export function prefixCompletions(prefix: string): string[] {
  const words = new Set<string>();
  const lower = prefix.toLowerCase();
  for (const ending of PREFIX_ENDINGS) {
    for (let overlap = 0; overlap < ending.length; overlap++) {
      if (lower.endsWith(ending.slice(0, overlap))) words.add(prefix + ending.slice(overlap));
    }
  }
  return [...words];
}

function renderWord(word: SearchWord): string {
  if (!word.prefix) return `'${word.text}'`;
  if (word.text.length < MIN_EXPANDED_PREFIX || !/^\p{L}+$/u.test(word.text)) return `'${word.text}':*`;
  const completions = prefixCompletions(word.text).map((completion) => `'${completion}'`);
  return `('${word.text}':* | ${completions.join(" | ")})`;
}

function renderTerm(term: SearchTerm): string {
  return term.kind === "word" ? renderWord(term.word) : `(${term.words.map(renderWord).join(" <-> ")})`;
}

function renderClause(clause: SearchClause): string {
  const alternatives = clause.terms.map(renderTerm);
  const body = alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" | ")})`;
  return clause.negated ? `!${body}` : body;
}

/** Positive clauses first, so the text reads as what is sought, then what is left out. */
export function toTsqueryText(query: ParsedQuery): string {
  const ordered = [...query.clauses.filter((c) => !c.negated), ...query.clauses.filter((c) => c.negated)];
  return ordered.map(renderClause).join(" & ");
}

/**
 * What highlights mark: the sought words only. ts_headline marks every word of its query, and
 * an excluded word can still appear where the index does not see it (inside a tag, say).
 */
export function toHighlightTsqueryText(query: ParsedQuery): string {
  return toTsqueryText({ clauses: query.clauses.filter((clause) => !clause.negated) });
}

/**
 * The words sought, as plain text for to_tsvector: which lexemes' candidate lists a search draws
 * on. Excluded words are left out; prefixes count as the word typed (its own list, if any).
 */
export function soughtWordsText(query: ParsedQuery): string {
  const words = query.clauses
    .filter((clause) => !clause.negated)
    .flatMap((clause) => clause.terms.flatMap((term) => (term.kind === "word" ? [term.word] : term.words)));
  return words.map((word) => word.text).join(" ");
}
