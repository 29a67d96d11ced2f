// Progress on standard error: a cli-progress bar on a terminal (by input bytes when the total is
// known), a plain line every few seconds elsewhere (CI logs, pipes), nothing with --quiet.
import type { Writable } from "node:stream";
import cliProgress from "cli-progress";
import { articlesPerSecond, formatCounts, type IngestCounts } from "./stats.ts";

export interface ProgressSnapshot {
  counts: IngestCounts;
  bytesRead: number;
  /** Input size in bytes, null when reading standard input. */
  totalBytes: number | null;
  elapsedMs: number;
}

export interface ProgressReporter {
  update(snapshot: ProgressSnapshot): void;
  stop(): void;
}

const silent: ProgressReporter = { update() {}, stop() {} };

const number = new Intl.NumberFormat("en-US");

function percent(snapshot: ProgressSnapshot): string {
  return snapshot.totalBytes ? `, ${Math.min(100, Math.floor((snapshot.bytesRead * 100) / snapshot.totalBytes))}% of input` : "";
}

/** One line every `intervalMs`, for logs. */
function plainLines(stream: Writable, intervalMs: number): ProgressReporter {
  let lastAt = 0;
  return {
    update(snapshot) {
      if (snapshot.elapsedMs - lastAt < intervalMs) return;
      lastAt = snapshot.elapsedMs;
      const rate = Math.round(articlesPerSecond(snapshot.counts, snapshot.elapsedMs));
      stream.write(`ingest: ${formatCounts(snapshot.counts)}, ${number.format(rate)} articles/s${percent(snapshot)}\n`);
    },
    stop() {},
  };
}

function bar(stream: Writable): ProgressReporter {
  let started = false;
  const progress = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: "{bar} {percentage}% | {read} read, {written} in, {rejected} rejected | {rate} articles/s | ETA {eta_formatted}",
      // A hidden cursor would stay hidden if the run is interrupted.
      hideCursor: false,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    update(snapshot) {
      const payload = {
        read: number.format(snapshot.counts.read),
        written: number.format(snapshot.counts.inserted + snapshot.counts.updated + snapshot.counts.stubs),
        rejected: number.format(snapshot.counts.rejected),
        rate: number.format(Math.round(articlesPerSecond(snapshot.counts, snapshot.elapsedMs))),
      };
      // Without a known total (standard input) the bar tracks records read instead of bytes.
      const total = snapshot.totalBytes ?? Math.max(snapshot.counts.read, 1);
      const value = snapshot.totalBytes ? snapshot.bytesRead : snapshot.counts.read;
      if (!started) {
        progress.start(total, value, payload);
        started = true;
      } else {
        progress.setTotal(total);
        progress.update(value, payload);
      }
    },
    stop() {
      if (started) progress.stop();
    },
  };
}

export function createProgressReporter(options: { stream: Writable; quiet: boolean; intervalMs?: number }): ProgressReporter {
  if (options.quiet) return silent;
  const isTerminal = (options.stream as { isTTY?: boolean }).isTTY === true;
  return isTerminal ? bar(options.stream) : plainLines(options.stream, options.intervalMs ?? 5000);
}
