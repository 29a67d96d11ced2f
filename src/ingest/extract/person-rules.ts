// Decides which person-name hits mention the person. A name that is part of the name of an
// institution, award or place ("Kim Il Sung University", "Kim Jong Il Prize", "Kim Chaek
// University of Technology", "Kim Il Sung-Kim Jong Il Foundation") does not: the principle is
// that a capitalised head noun after the name (or, in Spanish, before it) turns the whole
// phrase into a proper noun naming something else.
import { INSTITUTION_MODIFIERS, INSTITUTION_NOUNS, INSTITUTION_NOUNS_BEFORE } from "./lexicon.ts";
import type { NameHit } from "./name-matcher.ts";
import type { Tokens } from "./tokens.ts";

/**
 * "body" text is sentence-cased, so capitalised words after a name belong to one proper noun;
 * a "headline" capitalises every word, so only known modifiers may stand between name and noun.
 */
export type TextStyle = "body" | "headline";

/** How many capitalised words may stand between a name and its institution noun. */
const MAX_WORDS_BEFORE_NOUN = 4;

/** For each hit, whether it names a thing rather than mentioning a person. */
export function namesSomethingElse(tokens: Tokens, hits: readonly NameHit[], style: TextStyle): boolean[] {
  const result = new Array<boolean>(hits.length).fill(false);
  // Right to left, so a hyphenated pair inherits from its second half.
  for (let h = hits.length - 1; h >= 0; h--) {
    const hit = hits[h]!;
    if (!hit.entries.some((e) => e.type === "person")) continue;
    if (hit.end < tokens.ends[hit.lastToken]!) continue; // a lowercase word is glued on: running text
    result[h] =
      followedByInstitutionNoun(tokens, hit.lastToken, style) || precededByInstitutionNoun(tokens, hit.firstToken) || joinedToNextName(tokens, hits, h, result);
  }
  return result;
}

export function followedByInstitutionNoun(tokens: Tokens, last: number, style: TextStyle): boolean {
  for (let t = last + 1, seen = 0; t < tokens.count && seen <= MAX_WORDS_BEFORE_NOUN; t++, seen++) {
    if (!separatedBySpace(tokens, t - 1) || !tokens.capital[t]) return false;
    const key = tokens.key(t);
    if (INSTITUTION_NOUNS.has(key)) return true;
    if (style === "headline" && !INSTITUTION_MODIFIERS.has(key)) return false;
  }
  return false;
}

export function precededByInstitutionNoun(tokens: Tokens, first: number): boolean {
  const before = first - 1;
  return before >= 0 && separatedBySpace(tokens, before) && tokens.capital[before] === 1 && INSTITUTION_NOUNS_BEFORE.has(tokens.key(before));
}

/** "Kim Il Sung-Kim Jong Il Foundation": the first name shares the fate of the second. */
function joinedToNextName(tokens: Tokens, hits: readonly NameHit[], h: number, decided: boolean[]): boolean {
  const next = hits[h + 1];
  if (!next || !decided[h + 1]) return false;
  const hit = hits[h]!;
  if (next.firstToken !== hit.lastToken + 1) return false;
  const gap = tokens.text.slice(hit.end, next.start).trim();
  return gap === "-" || gap === "\u2010" || gap === "\u2013";
}

/** One or two spaces, nothing else: the next word continues the same phrase. */
function separatedBySpace(tokens: Tokens, t: number): boolean {
  const from = tokens.ends[t]!;
  const to = tokens.starts[t + 1]!;
  if (to - from < 1 || to - from > 2) return false;
  for (let p = from; p < to; p++) if (tokens.text.charCodeAt(p) !== 32) return false;
  return true;
}
