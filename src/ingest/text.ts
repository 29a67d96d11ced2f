// Text clean-up shared by the readers, and the body shape the archive stores.

// C0 controls other than tab and newline, DEL and C1 controls: scraped feeds carry a few, and
// PostgreSQL rejects NUL outright ("null character not permitted").
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const HORIZONTAL_SPACE = /[\t\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

// Anything cleanText changes; most texts hold none of it and are returned as they are.
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const NEEDS_CLEANING = /[\u0000-\u0009\u000B-\u001F\u007F-\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/;

/** Removes control characters and turns odd spaces (no-break, zero-width, tabs) into plain spaces. */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "").replace(HORIZONTAL_SPACE, " ");
}

/** One line of display text: cleaned, whitespace collapsed, trimmed. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, " ").trim();
}

/** Splits a body given as one string into paragraphs: one per non-blank line. */
export function splitParagraphs(body: string): string[] {
  return cleanText(body)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** Paragraphs as stored in Article.body: separated by one blank line. */
export const PARAGRAPH_SEPARATOR = "\n\n";

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_SEPARATOR);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

function isWordCharacter(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHARACTER.test(String.fromCharCode(code));
}

/**
 * Counts whitespace-separated tokens that hold at least one letter or digit (so "--" is no word).
 * A character loop: it runs on every body, and splitting 138,000 bodies into arrays showed up in
 * profiles.
 */
export function countWords(text: string): number {
  let count = 0;
  let inToken = false;
  let tokenHasWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (inToken && tokenHasWord) count++;
      inToken = false;
      tokenHasWord = false;
    } else {
      inToken = true;
      if (!tokenHasWord && isWordCharacter(code)) tokenHasWord = true;
    }
  }
  return inToken && tokenHasWord ? count + 1 : count;
}
