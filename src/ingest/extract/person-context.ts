// Names of people the catalog lacks, recognised from the words that introduce them rather than
// from their shape: a title before ("Prime Minister Narendra Modi", "Chairman of the Central
// Committee Harpal Brar", "Ambassador E.P. to the DPRK Liu Xiaoming"), a role after a comma
// ("Glyn Ford, member of ...", "Zhou Qiang, first secretary of ...") or "led by" / "headed by".
// Any foreign name can be found this way, so the context must be explicit: the name is the
// capitalised words right after the title or after the last word of the office's name.
import { koreanNameEnd } from "./korean-names.ts";
import { type Boundary, boundaryAt, isNameBoundary, nameAtEndOfRun, type RunContext, runEndFrom, runStartTo } from "./name-runs.ts";
import { CAPITALISED_ONLY_TITLES, LEADING_VERBS, ROLE_MODIFIERS, ROLE_NOUNS, TITLE_ABBREVIATIONS, TITLE_CONNECTORS, TITLE_WORDS } from "./person-lexicon.ts";
import { apostropheInside, commaAfter, dotAfterInitial, gapAfter, hyphenAfter, spaceAfter, startsSentence } from "./token-gaps.ts";
import type { Tokens } from "./tokens.ts";

/** A name found by a rule: its first and last token. */
export interface NameSpan {
  first: number;
  last: number;
}

/** How far after a title its holder's name may come ("Minister of Foreign Affairs of Cuba Bruno ..."). */
const MAX_TITLE_REACH = 16;
/** Capitalised phrases after a role before its holder's name ("... of the Korean People's Army Choe ..."). */
const MAX_RUNS_TO_HOLDER = 2;

/** Where a title rule may cut a run: after a title or the end of an office's or a place's name. */
const AFTER_TITLES_OR_ORGANISATIONS: ReadonlySet<Boundary> = new Set(["title", "organisation"]);
/** Right after "Minister of", also after the portfolio ("Minister of Culture Kim Jin Song"). */
const AFTER_PORTFOLIOS: ReadonlySet<Boundary> = new Set(["title", "organisation", "portfolio"]);
/** Before a role, only a title may precede the name in the same run ("Syrian Ambassador X Y, ..."). */
const AFTER_TITLES: ReadonlySet<Boundary> = new Set(["title"]);
/** Lowercase words inside a longer capitalised name ("Republic of Congo", "Friendship with Foreign Countries"). */
const PHRASE_CONNECTORS: ReadonlySet<string> = new Set(["of", "for", "the", "to", "with", "on", "and", "s"]);
const ORGANISATION_LINKS: ReadonlySet<string> = new Set(["of", "for"]);

/** Every word at which one of the rules here may fire; callers filter tokens with these first. */
export const CONTEXT_TRIGGERS: readonly string[] = [...TITLE_WORDS, ...ROLE_NOUNS, "by"];

/**
 * The name a title at token t introduces. The title may be followed by the office's name
 * ("of the Central Committee", "to the DPRK") before the name; the name is the first stretch of
 * capitalised words that ends such a phrase. A catalog person after the title means the title is
 * theirs, and the rule stops.
 */
export function nameAfterTitle(ctx: RunContext, t: number): NameSpan | null {
  const { tokens } = ctx;
  if (!TITLE_WORDS.has(tokens.key(t))) return null;
  if (!tokens.capital[t] && CAPITALISED_ONLY_TITLES.has(tokens.key(t))) return null;
  let end = t;
  while (end + 1 < tokens.count && (spaceAfter(tokens, end) || hyphenAfter(tokens, end)) && TITLE_WORDS.has(tokens.key(end + 1))) end++;
  if (!spaceAfter(tokens, end) && !abbreviatedTitle(tokens, end)) return null;

  for (let i = end + 1; i < tokens.count && i - end <= MAX_TITLE_REACH; ) {
    if (tokens.capital[i]) {
      if (i === end + 1 && containsCatalogPerson(ctx, i, i)) return null; // "President Kim Il Sung": theirs
      const b = runEndFrom(tokens, i);
      if (containsCatalogPerson(ctx, i, b)) return null;
      const portfolio = i === end + 2 && tokens.key(end + 1) === "of"; // "Minister of Culture Kim Jin Song"
      const name = nameAtEndOfRun(ctx, i, b, i === end + 1, portfolio ? AFTER_PORTFOLIOS : AFTER_TITLES_OR_ORGANISATIONS);
      if (name) return organisationGoesOn(tokens, name[1]) || abbreviationFollows(tokens, name[1]) ? null : { first: name[0], last: name[1] };
      if (!passable(tokens, b)) return null;
      i = b + 1;
    } else if (TITLE_CONNECTORS.has(tokens.key(i)) && passable(tokens, i)) {
      i++;
    } else {
      return null;
    }
  }
  return null;
}

/** "Dr. So Chong Won", "Gen. Choe": an abbreviated title and its dot. */
function abbreviatedTitle(tokens: Tokens, t: number): boolean {
  const gap = gapAfter(tokens, t);
  return (gap === ". " || gap === ".") && TITLE_ABBREVIATIONS.has(tokens.key(t));
}

/** Gaps a title phrase goes on over: spaces, "Workers' Party", "People's", "E.P. to". */
function passable(tokens: Tokens, t: number): boolean {
  if (t + 1 >= tokens.count) return false;
  if (spaceAfter(tokens, t) || apostropheInside(tokens, t) || dotAfterInitial(tokens, t)) return true;
  const gap = gapAfter(tokens, t);
  return gap === "' " || gap === "\u2019 ";
}

function containsCatalogPerson(ctx: RunContext, a: number, b: number): boolean {
  for (let t = a; t <= b; t++) {
    const h = ctx.hits.at(t);
    if (h >= 0 && ctx.hits.spellsPerson(h)) return true;
  }
  return false;
}

/**
 * The name a role after a comma describes: "Glyn Ford, member of the National Policy Forum",
 * "Ri Jong Hyok, vice-chairman of ...", "Pak Song Il, a researcher at ...". The name is the end of
 * the capitalised run before the comma.
 */
export function nameBeforeRole(ctx: RunContext, r: number): NameSpan | null {
  const { tokens } = ctx;
  if (!ROLE_NOUNS.has(tokens.key(r))) return null;
  let m = r;
  while (m > 0 && ROLE_MODIFIERS.has(tokens.key(m - 1)) && (spaceAfter(tokens, m - 1) || hyphenAfter(tokens, m - 1))) m--;
  if (m > 1 && qualifiesRole(ctx, m - 1)) m--; // "Wu Donghe, Chinese ambassador to the DPRK"
  const b = m - 1;
  if (b < 0 || !tokens.capital[b] || !commaAfter(tokens, b)) return null;
  if (titlesNextPerson(ctx, r)) return null;
  let a = runStartTo(tokens, b);
  if (a < b && startsSentence(tokens, a) && boundaryAt(ctx, a) === "other") a++; // "Recently Joseph Biden, ..."
  const name = nameAtEndOfRun(ctx, a, b, !continuesCapitalisedPhrase(tokens, a), AFTER_TITLES);
  return name && !abbreviationFollows(tokens, name[1]) ? { first: name[0], last: name[1] } : null;
}

/** Inside a title phrase no word starts a sentence. */
function neverSentenceStart(): boolean {
  return false;
}

/** One capitalised word between the comma and a role: "Chinese" or "DPRK" in ", DPRK ambassador". */
function qualifiesRole(ctx: RunContext, q: number): boolean {
  const { tokens, hits } = ctx;
  if (!tokens.capital[q] || !spaceAfter(tokens, q) || !commaAfter(tokens, q - 1)) return false;
  const h = hits.at(q);
  return h < 0 || !hits.spellsPerson(h);
}

/**
 * "At the Taesongsan Funfair, Vice Marshal of the KPA Kim Jong Gak, ...": a role that runs on
 * to a person's name before the clause ends is that person's title, not a description of the
 * words before the comma. The name must follow the role or the end of the office's name
 * directly, in the first phrases after the role: "president of the Mexican Fellowship Institute
 * to Honor the Memory of President Kim Il Sung" names no holder.
 */
function titlesNextPerson(ctx: RunContext, r: number): boolean {
  const { tokens, hits } = ctx;
  let runs = 0;
  for (let t = r + 1; t < tokens.count && t - r <= MAX_TITLE_REACH && passable(tokens, t - 1); t++) {
    if (!tokens.capital[t]) continue;
    if (!tokens.capital[t - 1] && ++runs > MAX_RUNS_TO_HOLDER) return false;
    const h = hits.at(t);
    const person = h >= 0 ? hits.spellsPerson(h) && hits.list[h]!.firstToken === t : koreanNameEnd(tokens, t, neverSentenceStart) >= 0;
    if (!person) continue;
    const before = boundaryAt(ctx, t - 1);
    if (t === r + 1 || (tokens.capital[t - 1] && spaceAfter(tokens, t - 1) && (before === "title" || before === "organisation"))) return true;
  }
  return false;
}

/**
 * "Republic of Congo Denis Sassou Nguesso", "Committee of the All-India Forward Bloc": a run
 * after "of", "for" or "the" following a capitalised word continues that word's name, so where
 * a person's name would begin in it is unknown.
 */
function continuesCapitalisedPhrase(tokens: Tokens, a: number): boolean {
  let t = a - 1;
  while (t >= 0 && !tokens.capital[t] && PHRASE_CONNECTORS.has(tokens.key(t)) && passable(tokens, t)) t--;
  return t < a - 1 && t >= 0 && tokens.capital[t] === 1 && passable(tokens, t);
}

/**
 * "University Student Councils (Hanchongryon)": an abbreviation in brackets after the words
 * spells out an organisation's name, not a person's.
 */
function abbreviationFollows(tokens: Tokens, last: number): boolean {
  const gap = last + 1 < tokens.count ? gapAfter(tokens, last) : "";
  return (gap === " (" || gap === "(") && tokens.capital[last + 1] === 1;
}

/** "Joint Chiefs of Staff": the capitalised words after a title go on as an organisation's name. */
function organisationGoesOn(tokens: Tokens, last: number): boolean {
  const next = last + 1;
  return (
    next + 1 < tokens.count &&
    ORGANISATION_LINKS.has(tokens.key(next)) &&
    spaceAfter(tokens, last) &&
    spaceAfter(tokens, next) &&
    tokens.capital[next + 1] === 1
  );
}

/**
 * "a delegation led by Paolo Romani, vice-president of ...", "headed by Zhou Qiang": the whole
 * capitalised run after the verb is the name. A run with a title or an organisation's name in it
 * is left to the title rule.
 */
export function nameAfterLeadingVerb(ctx: RunContext, by: number): NameSpan | null {
  const { tokens } = ctx;
  if (by === 0 || tokens.key(by) !== "by") return null;
  if (!LEADING_VERBS.has(tokens.key(by - 1)) || !spaceAfter(tokens, by - 1) || !spaceAfter(tokens, by)) return null;
  const a = by + 1;
  if (!tokens.capital[a]) return null;
  const b = runEndFrom(tokens, a);
  for (let t = a; t <= b; t++) if (isNameBoundary(ctx, t)) return null;
  const name = nameAtEndOfRun(ctx, a, b, true, AFTER_TITLES);
  return name ? { first: name[0], last: name[1] } : null;
}
