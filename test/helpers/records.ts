// An article record as the readers hand it to the pipeline, for tests of the steps after reading.
import type { ArticleRecord } from "../../src/ingest/types.ts";

/** A plain English KCNA record with one paragraph; `overrides` set what a test is about. */
export function articleRecord(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    title: "Title",
    teaser: null,
    paragraphs: ["Body text."],
    language: "en",
    publishedAt: "2020-01-01",
    listedAt: null,
    originalUrl: null,
    byline: [],
    sourceLabel: "KCNA",
    isStub: false,
    origin: { file: "f" },
    ...overrides,
  };
}
