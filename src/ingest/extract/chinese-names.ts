// Recognises the shape of a Chinese personal name in pinyin: a surname from a closed list and a
// given name of one or two words, each made of pinyin syllables ("Liu Xiaoming", "Zhou Qiang",
// "Li Bin"). Pinyin spells many English words too ("Change", "China", "Man"), so the shape is
// only used where the context already speaks of people: in a list next to a person's name.
import { phraseGoesOn } from "./korean-names.ts";
import { isTitleCased, spaceAfter } from "./token-gaps.ts";
import { type Tokens, WordFilter } from "./tokens.ts";

export const CHINESE_SURNAMES: ReadonlySet<string> = new Set([
  "wang",
  "li",
  "zhang",
  "liu",
  "chen",
  "yang",
  "zhao",
  "huang",
  "zhou",
  "wu",
  "xu",
  "sun",
  "hu",
  "zhu",
  "gao",
  "lin",
  "he",
  "guo",
  "ma",
  "luo",
  "liang",
  "song",
  "zheng",
  "xie",
  "han",
  "tang",
  "feng",
  "yu",
  "dong",
  "xiao",
  "cheng",
  "cao",
  "yuan",
  "deng",
  "fu",
  "shen",
  "zeng",
  "peng",
  "lu",
  "su",
  "jiang",
  "cai",
  "jia",
  "ding",
  "wei",
  "xue",
  "ye",
  "yan",
  "pan",
  "du",
  "dai",
  "xia",
  "zhong",
  "tian",
  "ren",
  "fan",
  "fang",
  "shi",
  "yao",
  "tan",
  "liao",
  "zou",
  "xiong",
  "jin",
  "hao",
  "kong",
  "bai",
  "cui",
  "kang",
  "mao",
  "qiu",
  "qin",
  "gu",
  "hou",
  "shao",
  "meng",
  "duan",
  "lei",
  "qian",
  "yin",
  "qiao",
  "lai",
  "gong",
  "wen",
  "zhai",
  "qi",
  "chai",
  "geng",
  "niu",
  "xing",
  "hua",
  "ji",
  "bo",
]);

const SURNAME_FILTER = new WordFilter(CHINESE_SURNAMES);

const INITIALS = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""];
const FINALS = [
  "a",
  "o",
  "e",
  "ai",
  "ei",
  "ao",
  "ou",
  "an",
  "en",
  "ang",
  "eng",
  "ong",
  "er",
  "i",
  "ia",
  "ie",
  "iao",
  "iu",
  "ian",
  "in",
  "iang",
  "ing",
  "iong",
  "u",
  "ua",
  "uo",
  "uai",
  "ui",
  "uan",
  "un",
  "uang",
  "ue",
  "v",
];
/** Every initial-final pair: a superset of pinyin, which is enough to tell it from most English. */
const SYLLABLES: ReadonlySet<string> = new Set(INITIALS.flatMap((i) => FINALS.map((f) => i + f)));
const MAX_SYLLABLE = 6;
const MAX_SYLLABLES_PER_WORD = 3;

/** Whether a lowercase word splits into one to three pinyin syllables ("xiaoming", "qiang"). */
export function isPinyinWord(key: string): boolean {
  return splits(key, 0, 0);
}

function splits(key: string, from: number, used: number): boolean {
  if (from === key.length) return used > 0;
  if (used === MAX_SYLLABLES_PER_WORD) return false;
  for (let length = Math.min(MAX_SYLLABLE, key.length - from); length >= 1; length--) {
    if (SYLLABLES.has(key.slice(from, from + length)) && splits(key, from + length, used + 1)) return true;
  }
  return false;
}

/** Whether token t is a Chinese surname (cheap check, then the list). */
export function isChineseSurname(tokens: Tokens, t: number): boolean {
  return SURNAME_FILTER.mayContain(tokens, t) && CHINESE_SURNAMES.has(tokens.key(t));
}

/** The last token of a pinyin name starting at token t, or -1. */
export function chineseNameEnd(tokens: Tokens, t: number): number {
  if (!isChineseSurname(tokens, t) || !isTitleCased(tokens, t)) return -1;
  let last = t;
  for (let g = t + 1; g <= t + 2 && g < tokens.count; g++) {
    if (!spaceAfter(tokens, g - 1) || !isTitleCased(tokens, g) || !isPinyinWord(tokens.key(g))) break;
    last = g;
  }
  if (last === t || phraseGoesOn(tokens, last)) return -1;
  return last;
}
