// Finds people an article names whom the catalog does not hold. The rules read the body, which
// is sentence-cased, so a capitalised word there means something; a title-cased headline does
// not introduce anyone (known-persons.ts counts their later mentions, in the headline too).
// Korean names are recognised by their shape (korean-names.ts); any other name needs a title, a
// role or "led by" next to it (person-context.ts); a Chinese-shaped name also counts when it
// stands in a list beside another person.
import type { CatalogHits } from "./catalog-hits.ts";
import { CHINESE_SURNAMES, chineseNameEnd } from "./chinese-names.ts";
import { isKoreanSurname, isKoreanSyllable, KOREAN_SURNAMES, koreanNameEnd } from "./korean-names.ts";
import { startsCleanly } from "./name-matcher.ts";
import { isNameBoundary, type RunContext } from "./name-runs.ts";
import { CONTEXT_TRIGGERS, nameAfterLeadingVerb, nameAfterTitle, nameBeforeRole, type NameSpan } from "./person-context.ts";
import { REGIME_NOUNS } from "./lexicon.ts";
import { GEOGRAPHIC_WORDS, ROLE_NOUNS, TITLE_WORDS } from "./person-lexicon.ts";
import { precededByInstitutionNoun } from "./person-rules.ts";
import { QuotedSpans } from "./quoted-spans.ts";
import { commaAfter, gapAfter, isTitleCased, spaceAfter, startsSentence } from "./token-gaps.ts";
import { type Tokens, WordFilter } from "./tokens.ts";

/** A name a rule found: its tokens, and the title that introduced it, if any. */
export interface FoundName extends NameSpan {
  /** Token index of the title word before the name, or -1. */
  title: number;
}

/** Words at which some rule may fire; every other token is skipped with one bitmap read. */
const TRIGGERS = new WordFilter([...KOREAN_SURNAMES, ...CHINESE_SURNAMES, ...CONTEXT_TRIGGERS]);
const MAX_LIST_PASSES = 3;
const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "at", "near"]);
/** Capitalised words this short before a surname are syllables of a longer name ("Hor Nam Hon"). */
const MAX_NAME_SYLLABLE = 4;

/** All names the rules find in a body, left to right, none overlapping another or a catalog name. */
export function findNewNames(tokens: Tokens, hits: CatalogHits): FoundName[] {
  const ctx: RunContext = { tokens, hits };
  const korean: FoundName[] = [];
  const introduced: FoundName[] = [];
  const chineseSurnames: number[] = [];
  for (let t = 0; t < tokens.count; t++) {
    if (!TRIGGERS.mayContain(tokens, t)) continue;
    const key = tokens.key(t);
    if (tokens.capital[t]) {
      if (CHINESE_SURNAMES.has(key)) chineseSurnames.push(t);
      const last = KOREAN_SURNAMES.has(key) ? koreanNameEndAt(ctx, t) : -1;
      if (last >= 0) korean.push({ first: t, last, title: -1 });
    }
    if (TITLE_WORDS.has(key)) addFound(introduced, nameAfterTitle(ctx, t), t);
    if (ROLE_NOUNS.has(key)) addFound(introduced, nameBeforeRole(ctx, t), -1);
    if (key === "by") addFound(introduced, nameAfterLeadingVerb(ctx, t), -1);
  }
  if (korean.length === 0 && introduced.length === 0 && chineseSurnames.length === 0) return [];
  for (let i = 0; i < introduced.length; i++) introduced[i] = trimToKoreanName(introduced[i]!, korean);
  const quotes = new QuotedSpans(tokens.text);
  const names = withoutOverlaps(outsideQuotes(tokens, quotes, [...korean, ...introduced]));
  if (chineseSurnames.length === 0) return names;
  const listed = outsideQuotes(tokens, quotes, chineseNamesInLists(ctx, chineseSurnames, names));
  return withoutOverlaps([...names, ...listed]);
}

/** Names not inside a short quotation (the title of a work). */
function outsideQuotes(tokens: Tokens, quotes: QuotedSpans, found: readonly FoundName[]): FoundName[] {
  const kept: FoundName[] = [];
  for (const name of found) if (!quotes.inside(tokens.starts[name.first]!, tokens.ends[name.last]!)) kept.push(name);
  return kept;
}

function addFound(found: FoundName[], span: NameSpan | null, title: number): void {
  if (span) found.push({ first: span.first, last: span.last, title });
}

/**
 * A run taken as a name that ends in a Korean name is the Korean name with an office's words
 * before it ("Minister of Agriculture Ri Kyong Sik"): the Korean shape says where it begins.
 */
function trimToKoreanName(name: FoundName, korean: readonly FoundName[]): FoundName {
  for (const k of korean) {
    if (k.last === name.last && k.first > name.first) return { first: k.first, last: k.last, title: name.title };
  }
  return name;
}

/**
 * The last token of a Korean name at token t, or -1. It may not touch a catalog name, except
 * that a two-word catalog name followed by a third syllable is the start of a longer name
 * ("Choe Hyon Chol" is not Choe Hyon).
 */
function koreanNameEndAt(ctx: RunContext, t: number): number {
  const { tokens, hits } = ctx;
  const h = hits.at(t);
  if (h >= 0) {
    const hit = hits.list[h]!;
    if (hit.firstToken !== t || hit.lastToken !== t + 1 || !hits.onlyPersons(h)) return -1;
  }
  if (!startsCleanly(tokens, t)) return -1; // "McKim Jong Un"
  const last = koreanNameEnd(tokens, t, startsSentence);
  if (last < 0 || (h >= 0 && last !== t + 2)) return -1;
  for (let u = h >= 0 ? t + 2 : t; u <= last; u++) if (hits.covers(u)) return -1;
  if (precededByInstitutionNoun(tokens, t) || afterGeographicWord(tokens, t) || insideLongerName(ctx, t)) return -1;
  return namesLocation(tokens, t, last) || attributiveAfterThe(tokens, t, last) ? -1 : last;
}

/**
 * A capitalised syllable or other short word right before the surname means the name started
 * earlier ("An Song Duk" does not contain a "Song Duk", "To Chu Ji" no "Chu Ji", "Hor Nam Hon"
 * no "Nam Hon"). Longer capitalised words there end an office's name ("Minister of Agriculture
 * Ri Kyong Sik", "... with Foreign Countries Mun Jae Chol").
 */
function insideLongerName(ctx: RunContext, t: number): boolean {
  const { tokens } = ctx;
  const before = t - 1;
  if (before < 0 || !spaceAfter(tokens, before) || !isTitleCased(tokens, before) || ctx.hits.covers(before)) return false;
  const boundary = isNameBoundary(ctx, before);
  if (boundary && startsSentence(tokens, before)) return false; // "In Kim Kuk Thae's speech"
  const key = tokens.key(before);
  if (isKoreanSyllable(key) || isKoreanSurname(tokens, before)) return true;
  return !boundary && key.length <= MAX_NAME_SYLLABLE;
}

/**
 * "the Yu Wen middle school": after "the", syllables name something, unless a word for a
 * leader's government follows ("the Lee Myong Bak group") or the name ends the phrase.
 */
function attributiveAfterThe(tokens: Tokens, first: number, last: number): boolean {
  const before = first - 1;
  if (before < 0 || tokens.key(before) !== "the" || !spaceAfter(tokens, before)) return false;
  const next = last + 1;
  return next < tokens.count && spaceAfter(tokens, last) && !tokens.capital[next] && !REGIME_NOUNS.has(tokens.key(next));
}

/** "in Hong Kong", "at Chon Ji": after "in" or "at", and not possessive, the syllables name a place. */
function namesLocation(tokens: Tokens, first: number, last: number): boolean {
  const before = first - 1;
  if (before < 0 || !LOCATIVE_PREPOSITIONS.has(tokens.key(before)) || !spaceAfter(tokens, before)) return false;
  const gap = gapAfter(tokens, last);
  return !(last + 1 < tokens.count && (gap === "'" || gap === "\u2019") && tokens.key(last + 1) === "s");
}

/** "Mt. Paek Tu", "Lake Chon Ji": a geographic word makes the syllables a place's name. */
function afterGeographicWord(tokens: Tokens, t: number): boolean {
  const before = t - 1;
  if (before < 0 || !GEOGRAPHIC_WORDS.has(tokens.key(before))) return false;
  const gap = gapAfter(tokens, before);
  return gap === " " || gap === ". ";
}

/**
 * Chinese-shaped names in a list beside a person ("Zhou Qiang and Li Bin", "Wang Yi, Liu
 * Xiaoming"). Lists run both ways and may chain, so a few passes are made.
 */
function chineseNamesInLists(ctx: RunContext, surnames: readonly number[], names: readonly FoundName[]): FoundName[] {
  const { tokens, hits } = ctx;
  const starts = new Set<number>();
  const ends = new Set<number>();
  const taken = new Set<number>();
  for (const n of names) mark(n.first, n.last, starts, ends, taken);
  for (let h = 0; h < hits.list.length; h++) {
    if (!hits.spellsPerson(h)) continue;
    starts.add(hits.list[h]!.firstToken);
    ends.add(hits.list[h]!.lastToken);
  }
  const added: FoundName[] = [];
  for (let pass = 0, grew = true; pass < MAX_LIST_PASSES && grew; pass++) {
    grew = false;
    for (const t of surnames) {
      if (taken.has(t) || hits.covers(t)) continue;
      const last = chineseNameEnd(tokens, t);
      if (last < 0 || !isFree(ctx, taken, t, last)) continue;
      const before = previousListItemEnd(tokens, t);
      const after = nextListItemStart(tokens, last);
      if (!(before >= 0 && ends.has(before)) && !(after >= 0 && starts.has(after))) continue;
      added.push({ first: t, last, title: -1 });
      mark(t, last, starts, ends, taken);
      grew = true;
    }
  }
  return added;
}

function mark(first: number, last: number, starts: Set<number>, ends: Set<number>, taken: Set<number>): void {
  starts.add(first);
  ends.add(last);
  for (let t = first; t <= last; t++) taken.add(t);
}

function isFree(ctx: RunContext, taken: ReadonlySet<number>, first: number, last: number): boolean {
  for (let t = first; t <= last; t++) if (taken.has(t) || ctx.hits.covers(t)) return false;
  return true;
}

/** Last token of the list item before token t ("X, t", "X and t" or "X, and t"), or -1. */
function previousListItemEnd(tokens: Tokens, t: number): number {
  if (t >= 2 && tokens.key(t - 1) === "and" && spaceAfter(tokens, t - 1)) {
    return spaceAfter(tokens, t - 2) || commaAfter(tokens, t - 2) ? t - 2 : -1;
  }
  return t >= 1 && commaAfter(tokens, t - 1) ? t - 1 : -1;
}

/** First token of the list item after token t, or -1. */
function nextListItemStart(tokens: Tokens, t: number): number {
  if (t + 1 >= tokens.count) return -1;
  const comma = commaAfter(tokens, t);
  if (!comma && !spaceAfter(tokens, t)) return -1;
  if (tokens.key(t + 1) === "and") return spaceAfter(tokens, t + 1) ? t + 2 : -1;
  return comma ? t + 1 : -1;
}

function byStartThenLength(a: FoundName, b: FoundName): number {
  return a.first - b.first || b.last - a.last;
}

/** Keeps the first of overlapping spans (the longest when two start together). */
function withoutOverlaps(found: readonly FoundName[]): FoundName[] {
  const sorted = [...found].sort(byStartThenLength);
  const kept: FoundName[] = [];
  for (const f of sorted) {
    const previous = kept[kept.length - 1];
    if (!previous || f.first > previous.last) {
      kept.push({ first: f.first, last: f.last, title: f.title });
    } else if (previous.title < 0 && f.first === previous.first && f.last === previous.last) {
      previous.title = f.title; // the same name found by a title rule too
    }
  }
  return kept;
}
