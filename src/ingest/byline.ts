// Bylines: the line crediting an article's writers. Feeds fill the field with anything from a name
// ("Yang Ryon Hui") to a desk ("Political News Team") to the article's last sentence, so each
// case is told apart here.
import { cleanLine } from "./text.ts";

// Words that make a credit a desk or an organisation rather than a person.
const ORGANISATION_WORDS = new Set([
  "agency",
  "board",
  "bureau",
  "committee",
  "correspondent",
  "department",
  "desk",
  "editor",
  "editorial",
  "editors",
  "news",
  "newspaper",
  "office",
  "press",
  "reporter",
  "reporters",
  "sinmun",
  "staff",
  "team",
  "times",
  "writer",
  "writers",
  "kcna",
  "naenara",
]);

// Small words a credit may hold in lower case ("Institute of History").
const CONNECTORS = new Set(["of", "and", "the", "for", "de", "del", "la", "y", "on"]);

/**
 * True when the text reads like a credit line rather than a sentence: a few capitalised words and
 * no sentence punctuation. "Yang Ryon Hui" and "Political News Team" are credits;
 * "Long live our great people!" is not.
 */
export function looksLikeCredit(text: string): boolean {
  const line = cleanLine(text);
  if (line === "" || line.length > 80) return false;
  if (/[.!?:;"“”]$/.test(line) || /\d/.test(line)) return false;
  const words = line
    .replace(/^by\s+/i, "")
    .split(/\s+|\s*,\s*|\s*&\s*/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  return words.every((word) => /^\p{Lu}/u.test(word) || CONNECTORS.has(word.toLowerCase()));
}

/** Splits a credit into the names it lists: "By Kim Ok and Ri Chol" gives ["Kim Ok", "Ri Chol"]. */
export function splitCredit(text: string): string[] {
  return cleanLine(text)
    .replace(/^by\s+/i, "")
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/**
 * True for a credit that names a person: two to five capitalised words made of letters, hyphens
 * and apostrophes, none of them an organisation word.
 */
export function looksLikePersonName(name: string): boolean {
  const words = cleanLine(name).split(" ");
  if (words.length < 2 || words.length > 5) return false;
  return words.every((word) => /^\p{Lu}[\p{L}'’-]*$/u.test(word) && !ORGANISATION_WORDS.has(word.toLowerCase()));
}
