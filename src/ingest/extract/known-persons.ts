// The people one extract() call has discovered, and their mentions. Once the rules have found a
// name in the body, every mention of the same full name counts, in the headline too and where
// no rule would have fired; a surname alone never does. Keys are the slug of the name as
// written, so the same person found in two articles gets the same key.
import { slugify } from "../../lib/slug.ts";
import type { PersonRef } from "../../reference/types.ts";
import type { CatalogHits } from "./catalog-hits.ts";
import { phraseGoesOn } from "./korean-names.ts";
import { startsCleanly } from "./name-matcher.ts";
import { writtenName } from "./name-runs.ts";
import type { FoundName } from "./person-discovery.ts";
import { followedByInstitutionNoun, precededByInstitutionNoun, type TextStyle } from "./person-rules.ts";
import { titleAt, titlesAround } from "./person-titles.ts";
import { apostropheInside, dotAfterInitial, hyphenAfter, spaceAfter } from "./token-gaps.ts";
import { hashKey, type Tokens, UNHASHED } from "./tokens.ts";

/** One mention of a known name: its key and token span. */
export interface PersonMention {
  key: string;
  first: number;
  last: number;
}

export interface TextMentions {
  mentions: PersonMention[];
  /** Catalog hits a longer known name covers ("Choe Hyon" inside "Choe Hyon Chol"). */
  replacedHits: ReadonlySet<number>;
}

interface KnownName {
  key: string;
  /** Token keys of the spelling, to find later mentions. */
  words: string[];
  name: string;
  titles: string[];
  /** The slug is a catalog key: mentions count for the catalog person, nothing is discovered. */
  inCatalog: boolean;
  mentioned: boolean;
}

const FIRST_WORD_BITS = 1024;
/** Slugs of names seen before: the same officials recur in thousands of articles. */
const SLUGS = new Map<string, string>();
const MAX_SLUGS = 100_000;

/** `slugify`, remembered (Unicode normalisation costs more than the rest of a mention). */
function slugOf(name: string): string {
  let slug = SLUGS.get(name);
  if (slug === undefined) {
    if (SLUGS.size >= MAX_SLUGS) SLUGS.clear();
    slug = slugify(name);
    SLUGS.set(name, slug);
  }
  return slug;
}
const NO_MENTIONS: TextMentions = { mentions: [], replacedHits: new Set() };

export class KnownPersons {
  private readonly catalogKeys: ReadonlySet<string>;
  private readonly bySpelling = new Map<string, KnownName>();
  private readonly byFirstWord = new Map<string, KnownName[]>();
  private readonly order: KnownName[] = [];
  /** Bitmap over the hashes of known names' first words: most tokens are ruled out by one read. */
  private firstWordBits: Uint32Array | null = null;
  private unhashedFirstWord = false;

  constructor(catalogKeys: ReadonlySet<string>) {
    this.catalogKeys = catalogKeys;
  }

  /** Remembers the names the rules found in a text, with the titles that introduced them. */
  learn(tokens: Tokens, found: readonly FoundName[]): void {
    for (const name of found) this.remember(tokens, name);
  }

  /** Every mention of a known name in a text; the headline style relaxes the end-of-phrase test. */
  mentionsIn(tokens: Tokens, hits: CatalogHits, style: TextStyle): TextMentions {
    if (this.order.length === 0) return NO_MENTIONS;
    const mentions: PersonMention[] = [];
    const replacedHits = new Set<number>();
    for (let t = 0; t < tokens.count; t++) {
      if (!this.mayStartName(tokens, t)) continue;
      const candidates = this.byFirstWord.get(tokens.key(t));
      if (!candidates) continue;
      for (const known of candidates) {
        const last = spelledAt(tokens, t, known.words);
        if (last < 0 || !standsAlone(tokens, t, last, style)) continue;
        const replaced = replaceableHits(hits, t, last);
        if (!replaced) continue;
        for (const h of replaced) replacedHits.add(h);
        mentions.push({ key: known.key, first: t, last });
        known.mentioned = true;
        if (style === "body") addTitles(known, titlesAround(tokens, t, last));
        t = last;
        break;
      }
    }
    return { mentions, replacedHits };
  }

  /** The people mentioned whose keys the catalog does not hold, in order of discovery. */
  get discovered(): PersonRef[] {
    return this.order.filter((k) => k.mentioned && !k.inCatalog).map((k) => ({ key: k.key, name: k.name, aliases: [], titles: [...k.titles] }));
  }

  private remember(tokens: Tokens, found: FoundName): void {
    const words: string[] = [];
    for (let t = found.first; t <= found.last; t++) words.push(tokens.key(t));
    const spelling = words.join(" ");
    let known = this.bySpelling.get(spelling);
    if (!known) {
      const name = writtenName(tokens, found.first, found.last);
      const key = slugOf(name);
      known = { key, words, name, titles: [], inCatalog: this.catalogKeys.has(key), mentioned: false };
      this.bySpelling.set(spelling, known);
      this.order.push(known);
      const sameStart = this.byFirstWord.get(words[0]!) ?? [];
      sameStart.push(known);
      sameStart.sort((a, b) => b.words.length - a.words.length); // longest spelling first
      this.byFirstWord.set(words[0]!, sameStart);
      this.markFirstWord(words[0]!);
    }
    if (found.title >= 0) {
      const title = titleAt(tokens, found.title);
      if (title) addTitles(known, [title]);
    }
  }

  private markFirstWord(word: string): void {
    const hash = hashKey(word);
    if (hash === UNHASHED) this.unhashedFirstWord = true;
    this.firstWordBits ??= new Uint32Array(FIRST_WORD_BITS / 32);
    const bit = hash & (FIRST_WORD_BITS - 1);
    this.firstWordBits[bit >>> 5]! |= 1 << (bit & 31);
  }

  private mayStartName(tokens: Tokens, t: number): boolean {
    const hash = tokens.hashes[t]!;
    if (hash === UNHASHED) return this.unhashedFirstWord || tokens.capital[t] === 1;
    const bit = hash & (FIRST_WORD_BITS - 1);
    return (this.firstWordBits![bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

function addTitles(known: KnownName, titles: readonly string[]): void {
  for (const title of titles) if (!known.titles.includes(title)) known.titles.push(title);
}

/** Last token of `words` spelled from token t, over the gaps a name may have; -1 if not there. */
function spelledAt(tokens: Tokens, t: number, words: readonly string[]): number {
  if (t + words.length > tokens.count) return -1;
  for (let w = 1; w < words.length; w++) {
    const previous = t + w - 1;
    const joined = spaceAfter(tokens, previous) || hyphenAfter(tokens, previous) || dotAfterInitial(tokens, previous) || apostropheInside(tokens, previous);
    if (!joined || tokens.key(t + w) !== words[w]) return -1;
  }
  return t + words.length - 1;
}

/**
 * A mention must be the whole name, not part of a longer one ("Kim Kuk Thae Street",
 * "Sung-Kim ..."). Body text is sentence-cased, so any capitalised word after it continues the
 * phrase; in a title-cased headline only an institution noun does.
 */
function standsAlone(tokens: Tokens, first: number, last: number, style: TextStyle): boolean {
  if (!startsCleanly(tokens, first) || (first > 0 && hyphenAfter(tokens, first - 1))) return false;
  if (precededByInstitutionNoun(tokens, first)) return false;
  if (style === "body") return !phraseGoesOn(tokens, last);
  return !hyphenAfter(tokens, last) && !followedByInstitutionNoun(tokens, last, style);
}

/** Catalog hits inside the mention, which it replaces; null if one reaches outside or is a place. */
function replaceableHits(hits: CatalogHits, first: number, last: number): number[] | null {
  const replaced: number[] = [];
  for (let t = first; t <= last; t++) {
    const h = hits.at(t);
    if (h < 0 || replaced.includes(h)) continue;
    const hit = hits.list[h]!;
    if (hit.firstToken < first || hit.lastToken > last || !hits.onlyPersons(h)) return null;
    replaced.push(h);
  }
  return replaced;
}
