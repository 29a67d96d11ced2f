// What stands between two tokens and how a token is cased: the small facts the person-discovery
// rules ask about neighbouring words. Offsets come from the tokenizer, so nothing here re-scans
// more than the few characters between two tokens.
import { HYPHENS } from "./normalise.ts";
import type { Tokens } from "./tokens.ts";

const MAX_SPACE = 3;

/**
 * Characters of a space between two words of one name: spaces, the no-break and ideographic
 * spaces, and "\ufffd@", a mis-decoded Shift-JIS ideographic space some feeds carry
 * ("Jon Pyong\ufffd@Ho"). A line break is not one: it ends a list item or a paragraph.
 */
function isNameSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x3000 || code === 0xfffd || code === 0x40;
}

/** The characters between token t and the next. */
export function gapAfter(tokens: Tokens, t: number): string {
  return tokens.text.slice(tokens.ends[t], tokens.starts[t + 1]);
}

/** Token t and the next are separated by a space and nothing else. */
export function spaceAfter(tokens: Tokens, t: number): boolean {
  if (t + 1 >= tokens.count) return false;
  const from = tokens.ends[t]!;
  const to = tokens.starts[t + 1]!;
  if (to - from < 1 || to - from > MAX_SPACE) return false;
  for (let p = from; p < to; p++) if (!isNameSpace(tokens.text.charCodeAt(p))) return false;
  return true;
}

/** Only a comma and spaces between token t and the next ("Glyn Ford, member of"). */
export function commaAfter(tokens: Tokens, t: number): boolean {
  if (t + 1 >= tokens.count) return false;
  let commas = 0;
  for (let p = tokens.ends[t]!, to = tokens.starts[t + 1]!; p < to; p++) {
    const code = tokens.text.charCodeAt(p);
    if (code === 0x2c) commas++;
    else if (code !== 0x20 && code !== 0xa0) return false;
  }
  return commas === 1;
}

/** Token t and the next are joined by a single hyphen ("Jong-un", "Diaz-Canel"). */
export function hyphenAfter(tokens: Tokens, t: number): boolean {
  if (t + 1 >= tokens.count) return false;
  const from = tokens.ends[t]!;
  return tokens.starts[t + 1]! - from === 1 && HYPHENS.has(tokens.text[from]!);
}

/** An apostrophe between letters, as in "O'Neill" (not the possessive "Workers' Party"). */
export function apostropheInside(tokens: Tokens, t: number): boolean {
  if (t + 1 >= tokens.count) return false;
  const from = tokens.ends[t]!;
  const gap = tokens.text[from];
  return tokens.starts[t + 1]! - from === 1 && (gap === "'" || gap === "\u2019");
}

/** "Kim", "Diaz", "O": an initial capital and no other capitals (not "DPRK", not "KIM"). */
export function isTitleCased(tokens: Tokens, t: number): boolean {
  if (!tokens.capital[t]) return false;
  const start = tokens.starts[t]!;
  const end = tokens.ends[t]!;
  for (let p = start + 1; p < end; p++) {
    const code = tokens.text.charCodeAt(p);
    if (code >= 65 && code <= 90) return false;
    if (code >= 48 && code <= 57) return false;
    if (code >= 128) {
      const ch = tokens.text[p]!;
      if (ch !== ch.toLowerCase()) return false;
    }
  }
  return true;
}

/** A token of lowercase letters only ("un" in "Jong-un"). */
export function isLowercaseWord(tokens: Tokens, t: number): boolean {
  if (tokens.capital[t]) return false;
  const start = tokens.starts[t]!;
  const code = tokens.text.charCodeAt(start);
  return !(code >= 48 && code <= 57);
}

/** A single capital letter, as in an initial ("W" in "George W. Bush"). */
export function isInitial(tokens: Tokens, t: number): boolean {
  return tokens.ends[t]! - tokens.starts[t]! === 1 && tokens.capital[t] === 1;
}

/** "E.P.", "W. Bush": a dot after an initial does not end the phrase. */
export function dotAfterInitial(tokens: Tokens, t: number): boolean {
  if (!isInitial(tokens, t) || t + 1 >= tokens.count) return false;
  const gap = gapAfter(tokens, t);
  return gap === "." || gap === ". ";
}

/** Whether token t begins a sentence (or the text), where any word is capitalised. */
export function startsSentence(tokens: Tokens, t: number): boolean {
  if (t === 0) return true;
  const from = tokens.ends[t - 1]!;
  const to = tokens.starts[t]!;
  for (let p = from; p < to; p++) {
    const code = tokens.text.charCodeAt(p);
    // . ! ? : ; and line breaks
    if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3a || code === 0x3b || code === 0x0a || code === 0x0d) return true;
    // a dash set off by spaces, as after a dateline: "(KCNA) -- Recently ..."
    if ((code === 0x2d || code === 0x2013 || code === 0x2014) && to - from > 1) return true;
  }
  return false;
}
