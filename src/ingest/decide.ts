// Decides what each record of a batch does to the stored articles: insert, update (a changed body,
// a stub upgraded in place, a URL added to an article known by its content) or nothing. Pure: the
// stored rows it needs are looked up beforehand (stored-matches.ts).
import type { IdentifiedRecord } from "./identity.ts";

export interface StoredArticle {
  id: number;
  originalUrl: string | null;
  contentHash: string;
  isStub: boolean;
}

/** What the lookup found for one record. */
export interface Matches {
  byUrl: StoredArticle | null;
  /** Articles with the record's content hash. */
  byHash: StoredArticle[];
  /** For a URL-less stub: any article with its source and title. Otherwise: a URL-less stub with them. */
  byTitle: StoredArticle | null;
}

export type Decision = { action: "insert" } | { action: "update"; id: number } | { action: "unchanged"; id: number } | { action: "reject"; reason: string };

/**
 * `touched` holds the ids of articles an earlier record of this run wrote or confirmed: a second
 * record with the same URL but other content is a conflict, not an update, or every rerun would
 * flip the article between the two and never report it unchanged.
 */
export function decide(item: IdentifiedRecord, matches: Matches, touched: ReadonlySet<number>, claimedStubs: Set<number>): Decision {
  const { record } = item;
  if (record.originalUrl) {
    const stored = matches.byUrl;
    if (stored) {
      if (stored.contentHash === item.contentHash) return { action: "unchanged", id: stored.id };
      // A listing never replaces text already stored.
      if (record.isStub && !stored.isStub) return { action: "unchanged", id: stored.id };
      // Text arriving for a stub upgrades it, even one this run created.
      if (touched.has(stored.id) && !(stored.isStub && !record.isStub)) {
        return { action: "reject", reason: `another record earlier in this run has the same URL and different content (${record.originalUrl})` };
      }
      return { action: "update", id: stored.id };
    }
    // The same content stored without a URL (from a page, say): this record adds the URL.
    const sameContent = matches.byHash.find((article) => article.originalUrl === null);
    if (sameContent) return { action: "update", id: sameContent.id };
  } else {
    const sameContent = matches.byHash[0];
    if (sameContent) return { action: "unchanged", id: sameContent.id };
    if (record.isStub && matches.byTitle) return { action: "unchanged", id: matches.byTitle.id };
  }
  const stub = matches.byTitle;
  if (!record.isStub && stub && stub.isStub && !claimedStubs.has(stub.id)) {
    claimedStubs.add(stub.id);
    return { action: "update", id: stub.id };
  }
  return { action: "insert" };
}
