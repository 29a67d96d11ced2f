// Splits text into word tokens with their character offsets. Everything downstream (name
// matching, person rules, place patterns) walks these tokens instead of re-scanning the text.
//
// A token is a run of letters and digits. Feeds sometimes drop the space before a name
// ("ComradeKim Jong Un", "byKim Jong Il"), so a lowercase letter followed by an uppercase one
// also starts a new token; such a token is flagged `glued` so the matcher can decide whether the
// fragment before it is a word a name may be glued to.
//
// Speed: most tokens are never looked at (articles are mostly "the", "of" and verbs), so each
// token gets a number hash of its key while scanning and the key string is built only when
// asked for. Callers check the hash against the hashes of the words they care about first.
import { tokenKey } from "./normalise.ts";

/** Hash given to tokens with non-ASCII letters, whose keys fold accents: always check the key. */
export const UNHASHED = 0;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Hash of a token key, the same the tokenizer computes while scanning. */
export function hashKey(key: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code >= 128) return UNHASHED;
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  return hash === UNHASHED ? 1 : hash;
}

export interface Tokens {
  readonly text: string;
  readonly count: number;
  /** Character offset where each token starts. */
  readonly starts: Int32Array;
  /** Character offset just past each token. */
  readonly ends: Int32Array;
  /** `hashKey` of each token's key, or UNHASHED. */
  readonly hashes: Int32Array;
  /** 1 when the token's first character is uppercase. */
  readonly capital: Uint8Array;
  /** 1 when the token follows the previous one with no separator (a lowercase-uppercase split). */
  readonly glued: Uint8Array;
  /** Comparable key of a token (see `tokenKey`), built on first use. */
  key(t: number): string;
}

const UNICODE_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const UNICODE_UPPER = /\p{Lu}/u;

class TokenList implements Tokens {
  readonly count: number;
  readonly text: string;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  capital: Uint8Array;
  glued: Uint8Array;
  /** Built keys by token; sized up front so V8 keeps it a fast array despite scattered writes. */
  private readonly keys: (string | undefined)[];

  constructor(count: number, text: string, starts: Int32Array, ends: Int32Array, hashes: Int32Array, capital: Uint8Array, glued: Uint8Array) {
    this.count = count;
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.hashes = hashes;
    this.capital = capital;
    this.glued = glued;
    this.keys = new Array<string | undefined>(count);
  }

  key(t: number): string {
    let key = this.keys[t];
    if (key === undefined) {
      key = tokenKey(this.text.slice(this.starts[t], this.ends[t]));
      this.keys[t] = key;
    }
    return key;
  }
}

export function tokenize(text: string): Tokens {
  const length = text.length;
  let capacity = Math.max(16, (length / 5) | 0);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let hashes = new Int32Array(capacity);
  let capital = new Uint8Array(capacity);
  let glued = new Uint8Array(capacity);
  let count = 0;

  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (!isWordChar(code, text, i)) {
      i++;
      continue;
    }
    // One token per pass of this loop; a lowercase-uppercase join ends it early.
    let isGlued = false;
    while (i < length) {
      const start = i;
      let hash = FNV_OFFSET;
      let ascii = true;
      let previous = 0;
      const upper = code < 128 ? code >= 65 && code <= 90 : isUpperBeyondAscii(code, text, i);
      let splitHere = false;
      while (i < length) {
        code = text.charCodeAt(i);
        if (code < 128) {
          const lower = code >= 97 && code <= 122;
          const isUpper = code >= 65 && code <= 90;
          if (!(lower || isUpper || (code >= 48 && code <= 57))) break;
          if (isUpper && previous >= 97 && previous <= 122) {
            splitHere = true;
            break;
          }
          hash = Math.imul(hash ^ (isUpper ? code | 0x20 : code), FNV_PRIME);
        } else {
          if (!isWordChar(code, text, i)) break;
          ascii = false;
        }
        previous = code;
        i++;
      }
      if (count === capacity) {
        capacity *= 2;
        starts = grow(starts, capacity);
        ends = grow(ends, capacity);
        hashes = grow(hashes, capacity);
        capital = grow(capital, capacity);
        glued = grow(glued, capacity);
      }
      starts[count] = start;
      ends[count] = i;
      hashes[count] = !ascii ? UNHASHED : hash === UNHASHED ? 1 : hash;
      capital[count] = upper ? 1 : 0;
      glued[count] = isGlued ? 1 : 0;
      count++;
      if (!splitHere) break;
      isGlued = true;
    }
  }

  return new TokenList(
    count,
    text,
    starts.subarray(0, count),
    ends.subarray(0, count),
    hashes.subarray(0, count),
    capital.subarray(0, count),
    glued.subarray(0, count),
  );
}

function isWordChar(code: number, text: string, index: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  // Latin-1 letters and Latin Extended-A/B (Spanish and romanised Korean) without a regex.
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  return UNICODE_WORD_CHAR.test(text[index] ?? "");
}

function isUpperBeyondAscii(code: number, text: string, index: number): boolean {
  if (code >= 0xc0 && code <= 0xde) return code !== 0xd7;
  if (code < 0x100) return false;
  return UNICODE_UPPER.test(text[index] ?? "");
}

function grow<T extends Int32Array | Uint8Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** The keys of a name as the tokenizer would produce them: "Kim Jong-un" -> ["kim", "jong", "un"]. */
export function nameKeys(name: string): string[] {
  const tokens = tokenize(name);
  const keys: string[] = [];
  for (let t = 0; t < tokens.count; t++) keys.push(tokens.key(t));
  return keys;
}

const FILTER_BITS = 1 << 16;

/**
 * A set of words checked against token hashes: a 64K-bit bitmap answers "certainly not" for
 * almost every token with one array read; the rest are confirmed against the exact hashes.
 */
export class WordFilter {
  private readonly bits = new Uint32Array(FILTER_BITS / 32);
  private readonly hashes = new Set<number>();

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word);
  }

  add(key: string): void {
    const hash = hashKey(key);
    this.hashes.add(hash);
    const bit = hash & (FILTER_BITS - 1);
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  /** Whether token t may be one of the words (then compare its key). */
  mayContain(tokens: Tokens, t: number): boolean {
    const hash = tokens.hashes[t]!;
    if (hash === UNHASHED) return true;
    const bit = hash & (FILTER_BITS - 1);
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0 && this.hashes.has(hash);
  }
}
