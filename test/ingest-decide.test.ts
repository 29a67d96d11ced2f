// What a record does to the stored articles, decided from what the lookup found: the identity
// rules (URL, else content hash; stubs by source and title) without a database.
import { describe, expect, it } from "vitest";
import { decide, type Matches, type StoredArticle } from "../src/ingest/decide.ts";
import { identify } from "../src/ingest/identity.ts";
import type { ArticleRecord } from "../src/ingest/types.ts";
import { articleRecord } from "./helpers/records.ts";

/** A record with a URL, which the identity rules look up first. */
function record(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return articleRecord({ paragraphs: ["Body."], originalUrl: "http://example.org/1", ...overrides });
}

const nothing: Matches = { byUrl: null, byHash: [], byTitle: null };

function stored(id: number, overrides: Partial<StoredArticle> = {}): StoredArticle {
  return { id, originalUrl: "http://example.org/1", contentHash: "other", isStub: false, ...overrides };
}

describe("deciding a record", () => {
  it("inserts what nothing matches", () => {
    expect(decide(identify(record(), ""), nothing, new Set(), new Set())).toEqual({ action: "insert" });
  });

  it("leaves an article with the same URL and content unchanged, and updates one with other content", () => {
    const item = identify(record(), "");
    expect(decide(item, { ...nothing, byUrl: stored(5, { contentHash: item.contentHash }) }, new Set(), new Set())).toEqual({ action: "unchanged", id: 5 });
    expect(decide(item, { ...nothing, byUrl: stored(5) }, new Set(), new Set())).toEqual({ action: "update", id: 5 });
  });

  it("rejects a second record of the run with a URL already written with other content", () => {
    const decision = decide(identify(record(), ""), { ...nothing, byUrl: stored(5) }, new Set([5]), new Set());
    expect(decision).toMatchObject({ action: "reject", reason: expect.stringContaining("same URL and different content") });
  });

  it("lets text upgrade a stub with its URL even when this run stored the stub", () => {
    expect(decide(identify(record(), ""), { ...nothing, byUrl: stored(5, { isStub: true }) }, new Set([5]), new Set())).toEqual({ action: "update", id: 5 });
  });

  it("never lets a listing replace stored text", () => {
    const stub = identify(record({ isStub: true, paragraphs: [] }), "");
    expect(decide(stub, { ...nothing, byUrl: stored(5) }, new Set(), new Set())).toEqual({ action: "unchanged", id: 5 });
  });

  it("knows an article without URL by its content hash, and adds a URL to it", () => {
    const withoutUrl = identify(record({ originalUrl: null }), "");
    expect(decide(withoutUrl, { ...nothing, byHash: [stored(8, { originalUrl: null })] }, new Set(), new Set())).toEqual({ action: "unchanged", id: 8 });
    const withUrl = identify(record(), "");
    expect(decide(withUrl, { ...nothing, byHash: [stored(8, { originalUrl: null })] }, new Set(), new Set())).toEqual({ action: "update", id: 8 });
  });

  it("upgrades a stub with the same source and title once per batch", () => {
    const claimed = new Set<number>();
    const matches = { ...nothing, byTitle: stored(9, { isStub: true, originalUrl: null }) };
    expect(decide(identify(record(), ""), matches, new Set(), claimed)).toEqual({ action: "update", id: 9 });
    expect(decide(identify(record({ originalUrl: "http://example.org/2" }), ""), matches, new Set(), claimed)).toEqual({ action: "insert" });
  });

  it("leaves a listed title already stored unchanged", () => {
    const listing = identify(record({ isStub: true, paragraphs: [], originalUrl: null }), "");
    expect(decide(listing, { ...nothing, byTitle: stored(3) }, new Set(), new Set())).toEqual({ action: "unchanged", id: 3 });
  });
});
