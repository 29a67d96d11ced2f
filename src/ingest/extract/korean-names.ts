// Recognises Korean personal names by their shape: a surname from a closed list followed by a
// given name of one or two romanised syllables ("Kim Kuk Thae", "O Kuk Ryol", "Mun Chol",
// "Kim Jong-un"). Korean surnames are few and given names are built from a small syllable
// inventory, so the shape alone is strong evidence; English words that happen to fit it
// ("So", "Han", "Song") are kept out by requiring every given-name token to be a syllable and the
// name to end where the capitalised phrase ends ("Han River", "Kim Il Sung University",
// "Ho Chi Minh" are longer phrases, not names).
import { hyphenAfter, isLowercaseWord, isTitleCased, spaceAfter } from "./token-gaps.ts";
import { type Tokens, WordFilter } from "./tokens.ts";

/**
 * Surnames in KCNA romanisation and the common south Korean and McCune-Reischauer spellings.
 * Closed on purpose: a capitalised word that is not one of these never starts a Korean name.
 */
export const KOREAN_SURNAMES: ReadonlySet<string> = new Set([
  "kim",
  "ri",
  "rhee",
  "lee",
  "yi",
  "pak",
  "park",
  "bak",
  "choe",
  "choi",
  "chae",
  "jong",
  "jung",
  "chung",
  "jon",
  "jeon",
  "chon",
  "kang",
  "jo",
  "cho",
  "yun",
  "yoon",
  "jang",
  "chang",
  "han",
  "o",
  "oh",
  "hyon",
  "hyun",
  "ryu",
  "yu",
  "so",
  "seo",
  "hong",
  "ju",
  "joo",
  "ko",
  "koh",
  "mun",
  "moon",
  "son",
  "sohn",
  "yang",
  "thae",
  "tae",
  "an",
  "ahn",
  "paek",
  "baek",
  "kwak",
  "no",
  "roh",
  "ro",
  "sin",
  "shin",
  "tong",
  "hwang",
  "pyon",
  "byun",
  "ho",
  "heo",
  "cha",
  "song",
  "ryang",
  "kye",
  "sim",
  "shim",
  "nam",
  "ok",
  "um",
  "ma",
  "kil",
  "wi",
  "tak",
  "ryom",
  "yom",
  "rim",
  "im",
  "lim",
  "ha",
  "kwon",
  "min",
  "jin",
  "chu",
  "pae",
  "bae",
  "pang",
  "bang",
  "pyo",
  "maeng",
  "sok",
  "myong",
  "kong",
  "ku",
  "koo",
  "ye",
  "na",
  "ra",
  "sol",
  "rho",
  "won",
]);

/**
 * Surnames that are also common English words: as a sentence's first word ("So ...", "An ...")
 * they start a name only with a full two-syllable given name.
 */
const ENGLISH_LOOKALIKES: ReadonlySet<string> = new Set(["so", "no", "an", "ho", "ma", "ha", "ok", "won", "song", "son", "um", "oh", "na", "ra", "min", "ye"]);

const SURNAME_FILTER = new WordFilter(KOREAN_SURNAMES);

/** Proper names of places that have the shape of a Korean name; the catalog may lack them. */
const KOREAN_SHAPED_PLACES: ReadonlySet<string> = new Set(["hong kong"]);

/**
 * One romanised Korean syllable: an optional initial (including the aspirated "th", "ph", "kh",
 * "ch" and the tense doubles), a vowel (KCNA "o"/"u" and Revised Romanisation "eo"/"eu" alike) and
 * an optional final (k, l, m, n, p, ng). "Thae", "Ryol", "Gwan", "Hui", "Phyong", "Yeol" fit;
 * "Sung" fits; "Minh", "River", "Far", "Pyongyang" do not.
 */
const SYLLABLE = /^(?:kk|tt|pp|ss|jj|ch|kh|th|ph|sh|[gkndtrlmbpsjh])?(?:wae|yae|yeo|ae|ya|eo|yo|oe|wa|wo|we|wi|yu|eu|ui|ye|a|e|i|o|u)(?:ng|[klmnp])?$/;

export function isKoreanSyllable(key: string): boolean {
  return key.length <= 6 && SYLLABLE.test(key);
}

/** Whether token t may start a Korean name (cheap check, then the surname list). */
export function isKoreanSurname(tokens: Tokens, t: number): boolean {
  return SURNAME_FILTER.mayContain(tokens, t) && KOREAN_SURNAMES.has(tokens.key(t));
}

/**
 * The last token of the Korean name starting at token t, or -1. `startsSentence` says whether a
 * token begins a sentence, where a capitalised "So" or "No" is an English word.
 */
export function koreanNameEnd(tokens: Tokens, t: number, startsSentence: (tokens: Tokens, t: number) => boolean): number {
  if (!isKoreanSurname(tokens, t) || !isTitleCased(tokens, t)) return -1;
  if (t > 0 && hyphenAfter(tokens, t - 1)) return -1; // "Sung-Kim", "anti-Kim"
  const first = t + 1;
  if (!spaceAfter(tokens, t) || !isGivenSyllable(tokens, first, true)) return -1;
  let last = first;
  const second = t + 2;
  if (second < tokens.count) {
    if (spaceAfter(tokens, first) && isGivenSyllable(tokens, second, true)) last = second;
    else if (hyphenAfter(tokens, first) && isGivenSyllable(tokens, second, false)) last = second; // "Jong-un"
  }
  if (last === first && ENGLISH_LOOKALIKES.has(tokens.key(t)) && startsSentence(tokens, t)) return -1;
  if (last === first && KOREAN_SHAPED_PLACES.has(`${tokens.key(t)} ${tokens.key(first)}`)) return -1;
  return phraseGoesOn(tokens, last) ? -1 : last;
}

function isGivenSyllable(tokens: Tokens, t: number, capitalised: boolean): boolean {
  const cased = capitalised ? isTitleCased(tokens, t) : isTitleCased(tokens, t) || isLowercaseWord(tokens, t);
  return cased && isKoreanSyllable(tokens.key(t));
}

/**
 * A capitalised word or a number right after, or a hyphen: the name is part of a longer proper
 * noun ("Kim Kuk Thae Street", "Ho Chi Minh", "O Jung Hup-led regiment", "Ryu Kyong Su 105
 * Guards Tank Division").
 */
export function phraseGoesOn(tokens: Tokens, last: number): boolean {
  const next = last + 1;
  if (next >= tokens.count) return false;
  if (hyphenAfter(tokens, last)) return true;
  return spaceAfter(tokens, last) && (tokens.capital[next] === 1 || startsWithDigit(tokens, next) || hasNoVowel(tokens, next));
}

/** "Kim Jong ll": a word without a vowel is a mangled part of the name, not the next word. */
function hasNoVowel(tokens: Tokens, t: number): boolean {
  return !/[aeiouy]/.test(tokens.key(t));
}

/** "Ryu Kyong Su 105 Guards Tank Division": a number after the name makes it a unit's name. */
function startsWithDigit(tokens: Tokens, t: number): boolean {
  const code = tokens.text.charCodeAt(tokens.starts[t]!);
  return code >= 48 && code <= 57;
}
