// An article's identity and derived columns: the content hash that identifies an article without a
// URL, the stored body, the word count, and the keys that decide whether two records of one batch
// could be the same article.
import { createHash } from "node:crypto";
import { slugify } from "../lib/slug.ts";
import { countWords, joinParagraphs } from "./text.ts";
import type { ArticleRecord } from "./types.ts";

/** SHA-256 of source label, title, date and body, unambiguous however the parts are spelled. */
export function contentHash(sourceLabel: string, title: string, publishedAt: string | null, body: string): string {
  return createHash("sha256")
    .update(JSON.stringify([sourceLabel, title, publishedAt ?? "", body]))
    .digest("hex");
}

// Slugs of very long titles are cut at a word so the unique index stays small and URLs readable.
const MAX_SLUG_BASE = 80;

export function articleSlugBase(title: string): string {
  const slug = slugify(title);
  if (slug.length <= MAX_SLUG_BASE) return slug;
  const cut = slug.slice(0, MAX_SLUG_BASE);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : MAX_SLUG_BASE).replace(/-+$/, "");
}

/** A record with what the pipeline derives from it before touching the database. */
export interface IdentifiedRecord {
  record: ArticleRecord;
  raw: string;
  /** Paragraphs joined by a blank line; null for stubs, which have no text yet. */
  body: string | null;
  contentHash: string;
  wordCount: number;
  slugBase: string;
  /** What another record of the same batch could share with this one (see batchKeys). */
  batchKeys: BatchKeys;
}

export interface BatchKeys {
  /** Keys this record claims in its batch. */
  own: string[];
  /** Keys whose presence in the batch makes this record depend on an earlier one. */
  dependsOn: string[];
}

/**
 * Two records of one batch depend on each other when they share a URL or content, or when one is a
 * URL-less stub and the other has its title (the stub may list that very article). The pipeline
 * cuts the batch before such a record, so every batch is written against settled rows.
 */
function batchKeys(record: ArticleRecord, hash: string): BatchKeys {
  const identity = [`hash:${hash}`];
  if (record.originalUrl) identity.push(`url:${record.originalUrl}`);
  const title = `${record.sourceLabel}\u0000${record.title}`;
  if (record.isStub && !record.originalUrl) {
    return { own: [...identity, `stub:${title}`], dependsOn: [...identity, `stub:${title}`, `article:${title}`] };
  }
  return { own: [...identity, `article:${title}`], dependsOn: [...identity, `stub:${title}`] };
}

export function identify(record: ArticleRecord, raw: string): IdentifiedRecord {
  const body = record.paragraphs.length > 0 ? joinParagraphs(record.paragraphs) : null;
  const hash = contentHash(record.sourceLabel, record.title, record.publishedAt, body ?? "");
  return {
    record,
    raw,
    body,
    contentHash: hash,
    wordCount: body ? countWords(body) : 0,
    slugBase: articleSlugBase(record.title),
    batchKeys: batchKeys(record, hash),
  };
}
