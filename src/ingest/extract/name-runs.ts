// Capitalised runs: the stretches of capitalised words that a person's name, an office or an
// organisation is written as ("Central Committee Harpal Brar", "DPRK Liu Xiaoming"). The context
// rules find a run next to a title or role and take the name from its end: everything after the
// last word that cannot be part of a person's name (an organisation noun, a title, a known place,
// an acronym).
import { NAME_PARTICLES } from "./lexicon.ts";
import type { CatalogHits } from "./catalog-hits.ts";
import { KOREAN_SURNAMES } from "./korean-names.ts";
import { startsCleanly } from "./name-matcher.ts";
import { NOT_IN_PERSON_NAMES, ORGANISATION_HEADS, PORTFOLIOS, TITLE_LIKE } from "./person-lexicon.ts";
import { apostropheInside, dotAfterInitial, hyphenAfter, isInitial, isTitleCased, spaceAfter } from "./token-gaps.ts";
import type { Tokens } from "./tokens.ts";

/** The text being read and the catalog names found in it. */
export interface RunContext {
  tokens: Tokens;
  hits: CatalogHits;
}

/** Longer runs are organisation names or headlines, never one person. */
const MAX_RUN = 12;
const MIN_NAME_WORDS = 2;
const MAX_NAME_WORDS = 4;

/** Token t and the next are two words of one capitalised phrase. */
function joinsNext(tokens: Tokens, t: number): boolean {
  if (!(spaceAfter(tokens, t) || hyphenAfter(tokens, t) || apostropheInside(tokens, t) || dotAfterInitial(tokens, t))) return false;
  return tokens.capital[t + 1] === 1 || isParticleBeforeName(tokens, t + 1);
}

/** "van" in "Ludwig van Beethoven": a lowercase particle with a capitalised word after it. */
function isParticleBeforeName(tokens: Tokens, t: number): boolean {
  return NAME_PARTICLES.has(tokens.key(t)) && spaceAfter(tokens, t) && tokens.capital[t + 1] === 1;
}

/** Last token of the run that starts at token a. */
export function runEndFrom(tokens: Tokens, a: number): number {
  let b = a;
  while (b - a < MAX_RUN && b + 1 < tokens.count && joinsNext(tokens, b)) b++;
  return b;
}

/** First token of the run that ends at token b. */
export function runStartTo(tokens: Tokens, b: number): number {
  let a = b;
  while (b - a < MAX_RUN && a > 0 && tokens.capital[a - 1] === 1 && joinsNext(tokens, a - 1)) a--;
  return a;
}

/**
 * What kind of word ends whatever came before it in a run: a title or form of address
 * ("Ambassador", "Comrade"), the end of an organisation's or a known place's name ("Committee",
 * "DPRK", a catalog name), a minister's portfolio ("Culture"), or some other word no person's
 * name contains ("Military", "January", "Kimilsungism"). Null for a word that may be part of a
 * name. A capitalised Korean surname is never a boundary, though some are English words
 * ("So Chong Won", "An Sang Su").
 */
export type Boundary = "title" | "organisation" | "portfolio" | "other";

export function boundaryAt(ctx: RunContext, t: number): Boundary | null {
  const { tokens } = ctx;
  // "Japan-Korea Diplomatic Relations": a name in a hyphenated compound qualifies what follows.
  const compound = (t > 0 && hyphenAfter(tokens, t - 1)) || hyphenAfter(tokens, t);
  if (ctx.hits.covers(t)) return compound ? "other" : "organisation";
  const key = tokens.key(t);
  if (tokens.capital[t] && KOREAN_SURNAMES.has(key) && isTitleCased(tokens, t)) return null;
  if (TITLE_LIKE.has(key)) return "title";
  if (ORGANISATION_HEADS.has(key)) return compound ? "other" : "organisation";
  if (PORTFOLIOS.has(key)) return "portfolio";
  if (tokens.capital[t] === 1 && !isTitleCased(tokens, t) && !isInitial(tokens, t)) return "organisation"; // "DPRK", "KPA"
  return NOT_IN_PERSON_NAMES.has(key) || key.endsWith("ism") ? "other" : null;
}

export function isNameBoundary(ctx: RunContext, t: number): boolean {
  return boundaryAt(ctx, t) !== null;
}

/**
 * The person's name at the end of run [a, b]: the words after the run's last boundary word when
 * that word is of a kind in `splitAfter`, or the whole run when it has no boundary and
 * `boundedBefore` says what precedes the run already ends a phrase (a title, "led by", the start
 * of a clause). Null when those words do not look like a person's name: "Military Information
 * Agreement" is not split after "Military".
 */
export function nameAtEndOfRun(ctx: RunContext, a: number, b: number, boundedBefore: boolean, splitAfter: ReadonlySet<Boundary>): [number, number] | null {
  let first = a;
  for (let t = b; t >= a; t--) {
    const boundary = boundaryAt(ctx, t);
    if (boundary) {
      if (!splitAfter.has(boundary)) return null;
      first = t + 1;
      break;
    }
    if (t === a && !boundedBefore) return null;
  }
  return looksLikePersonName(ctx.tokens, first, b) ? [first, b] : null;
}

/**
 * Two to four capitalised words (initials allowed, particles between them), the last a real
 * word: "Harpal Brar", "S. Mukherjee", "Bruno Rodriguez Parrilla"; not "E.P.".
 */
export function looksLikePersonName(tokens: Tokens, first: number, last: number): boolean {
  if (last < first || isInitial(tokens, last) || !startsCleanly(tokens, first)) return false;
  let words = 0;
  let initials = 0;
  for (let t = first; t <= last; t++) {
    if (isInitial(tokens, t)) initials++;
    else if (isTitleCased(tokens, t)) words++;
    else if (t === first || !NAME_PARTICLES.has(tokens.key(t))) return false;
  }
  return words >= 1 && words + initials >= MIN_NAME_WORDS && words + initials <= MAX_NAME_WORDS;
}

/** The name as written, with odd spaces made plain: "Jon Pyong\ufffd@Ho" -> "Jon Pyong Ho". */
export function writtenName(tokens: Tokens, first: number, last: number): string {
  let name = tokens.text.slice(tokens.starts[first], tokens.ends[first]);
  for (let t = first; t < last; t++) {
    const gap = tokens.text.slice(tokens.ends[t], tokens.starts[t + 1]);
    name += (spaceAfter(tokens, t) ? " " : gap) + tokens.text.slice(tokens.starts[t + 1], tokens.ends[t + 1]);
  }
  return name;
}
