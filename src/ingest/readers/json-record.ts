// One field mapping for JSON article records, whatever collected them: each field is read from the
// first of its known names that holds a value, so the KCNA dump ({title, date, url, body, source,
// language}) and the Rodong Sinmun one ({title, date, url, content: [...], byline}) both read
// without code per file. Unknown fields are ignored.
import { looksLikeCredit, splitCredit } from "../byline.ts";
import { parseRecordDate } from "../dates.ts";
import { normaliseLanguage } from "../language.ts";
import { labelLanguage, parseSourceLabel } from "../source-label.ts";
import { cleanLine, splitParagraphs } from "../text.ts";
import type { ArticleRecord, RecordOrigin } from "../types.ts";
import type { RecordDefaults } from "./items.ts";

export const FIELD_NAMES = {
  title: ["title", "headline"],
  /** A string (paragraphs on separate lines) or a list of paragraphs. */
  body: ["body", "content", "paragraphs", "text", "article"],
  date: ["date", "publishedAt", "published_at", "published", "datePublished", "pubDate"],
  url: ["url", "originalUrl", "original_url", "link"],
  source: ["source", "sourceLabel", "source_label", "outlet", "publisher"],
  language: ["language", "lang"],
  /** A string or a list of names. */
  byline: ["byline", "author", "authors"],
  teaser: ["teaser", "summary", "lead", "description"],
  listedAt: ["listedAt", "listed_at"],
} as const;

const MAX_TITLE_LENGTH = 1000;

type Field = keyof typeof FIELD_NAMES;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

function pick(record: Record<string, unknown>, field: Field): unknown {
  for (const name of FIELD_NAMES[field]) {
    const value = record[name];
    if (!isEmpty(value)) return value;
  }
  return undefined;
}

class RecordProblem extends Error {}

function text(value: unknown, field: string): string | null {
  if (value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  throw new RecordProblem(`${field} is not text`);
}

function textList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  throw new RecordProblem(`${field} is neither text nor a list of text`);
}

function absoluteUrl(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    if (url.protocol === "http:" || url.protocol === "https:") return trimmed;
  } catch {
    // reported below
  }
  throw new RecordProblem(`url "${trimmed.slice(0, 200)}" is not an absolute http(s) URL`);
}

/**
 * Some feeds put the article's closing sentence in the byline field. Such a "byline" is kept as the
 * last paragraph unless the body already holds it, so no text is lost.
 */
function splitByline(values: string[], paragraphs: string[]): string[] {
  const names: string[] = [];
  for (const value of values) {
    const line = cleanLine(value);
    if (line === "") continue;
    if (looksLikeCredit(line)) {
      names.push(...splitCredit(line));
    } else {
      // Compared without its last word, which feeds often cut short.
      const sentence = line.replace(/\s*\S*$/, "") || line;
      if (!paragraphs.some((paragraph) => paragraph.includes(sentence))) paragraphs.push(line);
    }
  }
  return names;
}

export type MappedRecord = { record: ArticleRecord } | { reason: string };

/** Maps one parsed JSON value to an ArticleRecord, or says why it cannot be one. */
export function mapJsonRecord(value: unknown, origin: RecordOrigin, defaults: RecordDefaults): MappedRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { reason: `expected a JSON object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}` };
  }
  const fields = value as Record<string, unknown>;
  try {
    const title = cleanLine(text(pick(fields, "title"), "title") ?? "");
    if (title === "") return { reason: "record has no title" };
    if (title.length > MAX_TITLE_LENGTH) return { reason: `title is longer than ${MAX_TITLE_LENGTH} characters` };

    const paragraphs = textList(pick(fields, "body"), "body").flatMap(splitParagraphs);
    const byline = splitByline(textList(pick(fields, "byline"), "byline"), paragraphs);

    const dateText = text(pick(fields, "date"), "date");
    const publishedAt = dateText === null ? null : parseRecordDate(dateText);
    if (dateText !== null && publishedAt === null) return { reason: `date "${dateText.slice(0, 100)}" is not a date` };

    const listedText = text(pick(fields, "listedAt"), "listedAt");
    const listedAt = listedText === null ? null : new Date(listedText);
    if (listedAt && Number.isNaN(listedAt.getTime())) return { reason: `listedAt "${listedText!.slice(0, 100)}" is not a date` };

    const sourceText = cleanLine(text(pick(fields, "source"), "source") ?? defaults.source ?? "");
    if (sourceText === "") return { reason: "record names no source; pass --source <label>" };
    const label = parseSourceLabel(sourceText);

    const languageText = text(pick(fields, "language"), "language");
    let language: string | null = null;
    if (languageText !== null) {
      language = normaliseLanguage(languageText);
      if (!language) return { reason: `language "${languageText.slice(0, 50)}" is not an ISO 639-1 code` };
    }
    language ??= label.edition ?? defaults.language ?? labelLanguage(label);
    if (!language) return { reason: `no language for source "${label.label}"; pass --language <code>` };

    const teaser = cleanLine(text(pick(fields, "teaser"), "teaser") ?? "") || null;
    return {
      record: {
        title,
        teaser,
        paragraphs,
        language,
        publishedAt,
        listedAt,
        originalUrl: absoluteUrl(text(pick(fields, "url"), "url")),
        byline,
        sourceLabel: label.label,
        // A record without text is known by its title only until the text arrives, as a listing is.
        isStub: paragraphs.length === 0,
        origin,
      },
    };
  } catch (error) {
    if (error instanceof RecordProblem) return { reason: error.message };
    throw error;
  }
}
