// Finds catalog names in tokenized text. All names and aliases go into one token trie, built
// once per catalog, so a text is scanned once whatever the size of the catalog; at each token
// the longest name wins ("Kim Il Sung" over "Kim Il", "Kim Chaek City" over "Kim Chaek").
import { GLUE_WORDS, REGIME_NOUNS } from "./lexicon.ts";
import { nameKeys, type Tokens, WordFilter } from "./tokens.ts";

export type EntityType = "person" | "place";

/** What a name in the trie stands for. */
export interface NameEntry {
  type: EntityType;
  key: string;
}

/** One stretch of text that spells a catalog name. */
export interface NameHit {
  /** First and last token index covered. */
  firstToken: number;
  lastToken: number;
  /** Character span in the text; `end` may fall inside the last token when a word is glued on. */
  start: number;
  end: number;
  /** Every entity with this spelling (usually one). */
  entries: readonly NameEntry[];
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  entries: NameEntry[] | null;
}

const MAX_GAP = 3;
const MIN_GLUE = 2;
const MAX_GLUE = 9;

export class NameMatcher {
  private readonly root = new Map<string, TrieNode>();
  /** Every name's first token, to skip most text tokens without building their keys. */
  private readonly firstWords = new WordFilter();

  /** Adds one spelling; adding the same spelling for the same entity twice is harmless. */
  add(name: string, entry: NameEntry): void {
    const keys = nameKeys(name);
    if (keys.length === 0) return;
    this.firstWords.add(keys[0]!);
    let level = this.root;
    let node: TrieNode | undefined;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      node = level.get(key);
      if (!node) {
        node = { next: null, entries: null };
        level.set(key, node);
      }
      if (k < keys.length - 1) {
        node.next ??= new Map();
        level = node.next;
      }
    }
    const target = node!;
    target.entries ??= [];
    if (!target.entries.some((e) => e.type === entry.type && e.key === entry.key)) {
      target.entries.push(entry);
    }
  }

  /** Longest-first, left-to-right, non-overlapping hits. */
  findAll(tokens: Tokens): NameHit[] {
    const hits: NameHit[] = [];
    const { count, starts, ends } = tokens;
    let i = 0;
    while (i < count) {
      const first = this.firstWords.mayContain(tokens, i) ? this.root.get(tokens.key(i)) : undefined;
      if (!first) {
        i++;
        continue;
      }
      let bestLast = -1;
      let bestEnd = -1;
      let bestEntries: NameEntry[] | null = null;
      if (first.entries) {
        bestLast = i;
        bestEnd = ends[i]!;
        bestEntries = first.entries;
      }
      let node = first;
      let j = i;
      while (node.next && j + 1 < count && gapJoinsName(tokens, j)) {
        const exact = node.next.get(tokens.key(j + 1));
        if (exact) {
          node = exact;
          j++;
          if (exact.entries) {
            bestLast = j;
            bestEnd = ends[j]!;
            bestEntries = exact.entries;
          }
          continue;
        }
        const glued = gluedEnding(tokens, j + 1, node.next);
        if (glued) {
          bestLast = j + 1;
          bestEnd = glued.end;
          bestEntries = glued.entries;
        }
        break;
      }
      if (bestEntries && startsCleanly(tokens, i) && (hasCapital(tokens, i, bestLast) || namesRegime(tokens, bestLast))) {
        hits.push({ firstToken: i, lastToken: bestLast, start: starts[i]!, end: bestEnd, entries: bestEntries });
        i = bestLast + 1;
      } else {
        i++;
      }
    }
    return hits;
  }
}

/** Names continue over spaces, hyphens, apostrophes and abbreviation dots, never over commas. */
function gapJoinsName(tokens: Tokens, j: number): boolean {
  const from = tokens.ends[j]!;
  const to = tokens.starts[j + 1]!;
  if (to - from > MAX_GAP) return false;
  for (let p = from; p < to; p++) {
    if (!NAME_GAP_CHARS.has(tokens.text[p]!)) return false;
  }
  return true;
}

/**
 * Spaces (including U+3000 and "\ufffd@", which is how a mis-decoded Shift-JIS ideographic space
 * arrives in some feeds), hyphens, apostrophes and dots.
 */
const NAME_GAP_CHARS = new Set([" ", "\n", "\r", "\t", "\u00a0", "\u3000", "\ufffd", "@", "-", "\u2010", "\u2011", ".", "'", "\u2019"]);

/**
 * "Kim Jong Unwas": the last name token with a lowercase word glued on. Only a name of two or
 * more tokens may end this way, and only with a word from GLUE_WORDS, so "Kim Jong Ilia" and
 * "Korean" are not read as "Kim Jong Il" and "Korea".
 */
function gluedEnding(tokens: Tokens, t: number, children: Map<string, TrieNode>): { end: number; entries: NameEntry[] } | null {
  const key = tokens.key(t);
  const start = tokens.starts[t]!;
  const end = tokens.ends[t]!;
  if (end - start !== key.length) return null; // accents folded: offsets would not line up
  for (let glue = MIN_GLUE; glue <= MAX_GLUE && glue < key.length; glue++) {
    const cut = key.length - glue;
    if (!GLUE_WORDS.has(key.slice(cut))) continue;
    const code = tokens.text.charCodeAt(start + cut);
    if (code < 97 || code > 122) continue;
    const child = children.get(key.slice(0, cut));
    if (child?.entries) return { end: start + cut, entries: child.entries };
  }
  return null;
}

/**
 * A name split off a longer run of letters ("SecretaryKim") counts only when the fragment
 * before it is a lowercase word or a known title; "McArthur" is not "Arthur".
 */
export function startsCleanly(tokens: Tokens, i: number): boolean {
  if (!tokens.glued[i]) return true;
  const before = i - 1;
  return GLUE_WORDS.has(tokens.key(before)) || tokens.capital[before] === 0;
}

/** "the bush administration": a lowercase name directly before a word for its government. */
function namesRegime(tokens: Tokens, last: number): boolean {
  const next = last + 1;
  if (next >= tokens.count || tokens.text.slice(tokens.ends[last], tokens.starts[next]) !== " ") return false;
  return REGIME_NOUNS.has(tokens.key(next));
}

/** At least one capitalised word: "kim jong un" in running lowercase text is not a name. */
function hasCapital(tokens: Tokens, first: number, last: number): boolean {
  for (let t = first; t <= last; t++) if (tokens.capital[t]) return true;
  return false;
}
