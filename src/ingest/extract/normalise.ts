// Turns spellings into comparable keys. Matching compares keys, never raw text, so case,
// accents and typographic apostrophes do not decide whether a name is found.

const COMBINING_MARKS = /\p{M}+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: all of ASCII, controls included.
const ASCII = /^[\x00-\x7f]*$/;

/** Lowercased, accent-free form of one token: "Ryŏng" -> "ryong", "KIM" -> "kim". */
export function tokenKey(token: string): string {
  const lower = token.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower.normalize("NFKD").replace(COMBINING_MARKS, "");
}

/** Apostrophe look-alikes feeds use in place of "'" (right and left single quotes, prime, backtick). */
export const APOSTROPHES = new Set(["'", "\u2019", "\u2018", "\u02bc", "\u2032", "`"]);

/** Hyphen look-alikes: hyphen-minus, hyphen, non-breaking hyphen, en dash. */
export const HYPHENS = new Set(["-", "\u2010", "\u2011", "\u2013"]);
