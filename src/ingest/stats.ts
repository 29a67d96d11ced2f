// What a run did, counted per record, and the summary line printed at its end.

export interface IngestCounts {
  /** Records read, including those rejected. */
  read: number;
  /** New articles with text. */
  inserted: number;
  /** Stored articles changed: new text, a stub upgraded, a URL added. */
  updated: number;
  /** Records already stored exactly so. */
  unchanged: number;
  /** New stub articles (known by title, text not yet fetched). */
  stubs: number;
  rejected: number;
}

export interface IngestStats extends IngestCounts {
  elapsedMs: number;
}

export function emptyCounts(): IngestCounts {
  return { read: 0, inserted: 0, updated: 0, unchanged: 0, stubs: 0, rejected: 0 };
}

/** Records that went in or were confirmed, per second. */
export function articlesPerSecond(counts: IngestCounts, elapsedMs: number): number {
  const accepted = counts.read - counts.rejected;
  return elapsedMs > 0 ? (accepted * 1000) / elapsedMs : 0;
}

const number = new Intl.NumberFormat("en-US");

export function formatCounts(counts: IngestCounts): string {
  return [
    `read ${number.format(counts.read)}`,
    `inserted ${number.format(counts.inserted)}`,
    `updated ${number.format(counts.updated)}`,
    `unchanged ${number.format(counts.unchanged)}`,
    `stubs ${number.format(counts.stubs)}`,
    `rejected ${number.format(counts.rejected)}`,
  ].join(", ");
}

export function formatSummary(stats: IngestStats): string {
  const seconds = (stats.elapsedMs / 1000).toFixed(1);
  const rate = Math.round(articlesPerSecond(stats, stats.elapsedMs));
  return `ingest: ${formatCounts(stats)}, elapsed ${seconds} s, ${number.format(rate)} articles/s`;
}
