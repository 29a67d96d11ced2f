// The titles written next to a discovered person's name, kept as the PersonRef's `titles`:
// a title right before it ("Prime Minister Narendra Modi", "vice-chairman Ri ...") or a role
// after a comma ("Zhou Qiang, first secretary of ..."). Ranks and offices only; roles such as
// "member" or "researcher" describe the person but are not titles.
import { TITLE_MODIFIERS, TITLE_WORDS } from "./person-lexicon.ts";
import { gapAfter, hyphenAfter, spaceAfter } from "./token-gaps.ts";
import type { Tokens } from "./tokens.ts";

/** Modifiers that say when, not what: "former premier X" has the title "Premier". */
const TIME_MODIFIERS: ReadonlySet<string> = new Set(["former", "late", "interim"]);
const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an", "its", "his", "her", "their"]);

const joined = (tokens: Tokens, t: number) => spaceAfter(tokens, t) || hyphenAfter(tokens, t);
const titleWord = (tokens: Tokens, t: number) => TITLE_WORDS.has(tokens.key(t)) || TITLE_MODIFIERS.has(tokens.key(t));

/** The title phrase around title word t: modifiers before it, further title words after it. */
export function titleAt(tokens: Tokens, t: number): string | null {
  let first = t;
  while (first > 0 && joined(tokens, first - 1) && titleWord(tokens, first - 1)) first--;
  let last = t;
  while (last + 1 < tokens.count && joined(tokens, last) && TITLE_WORDS.has(tokens.key(last + 1))) last++;
  return phrase(tokens, first, last);
}

/** Titles written directly before the name or in a role after it. */
export function titlesAround(tokens: Tokens, first: number, last: number): string[] {
  const titles: string[] = [];
  const before = first - 1;
  if (before >= 0 && joined(tokens, before) && TITLE_WORDS.has(tokens.key(before))) {
    const title = titleAt(tokens, before);
    if (title) titles.push(title);
  }
  if (last + 1 < tokens.count && gapAfter(tokens, last).trim() === ",") {
    let t = last + 1;
    if (ARTICLES.has(tokens.key(t)) && spaceAfter(tokens, t)) t++;
    // ", Chinese ambassador to the DPRK": a country's adjective before the title is not part of it.
    if (tokens.capital[t] && !titleWord(tokens, t) && spaceAfter(tokens, t) && t + 1 < tokens.count && titleWord(tokens, t + 1)) t++;
    let end = -1;
    for (let u = t; u < tokens.count && titleWord(tokens, u); u++) {
      if (TITLE_WORDS.has(tokens.key(u))) end = u;
      if (!joined(tokens, u)) break;
    }
    const title = end >= 0 ? phrase(tokens, t, end) : null;
    if (title) titles.push(title);
  }
  return titles;
}

/** Tokens first..last title-cased and joined as written: "vice-chairman" -> "Vice-Chairman". */
function phrase(tokens: Tokens, first: number, last: number): string | null {
  while (first <= last && TIME_MODIFIERS.has(tokens.key(first))) first++;
  if (first > last) return null;
  let text = "";
  for (let t = first; t <= last; t++) {
    const word = tokens.text.slice(tokens.starts[t], tokens.ends[t]);
    text += word[0]!.toUpperCase() + word.slice(1).toLowerCase();
    if (t < last) text += hyphenAfter(tokens, t) ? "-" : " ";
  }
  return text;
}
