// The rejects file: one JSON line per record the run could not take, with where it came from, why,
// and the input verbatim, so it can be fixed and fed back. Created (with its folder) on the first
// reject only.
import fs from "node:fs";
import path from "node:path";
import type { RecordOrigin } from "./types.ts";

export interface RejectEntry {
  origin: RecordOrigin;
  reason: string;
  raw: string;
}

export interface RejectsSink {
  write(entry: RejectEntry): void;
  readonly count: number;
}

export class RejectsFile implements RejectsSink {
  readonly path: string;
  private fd: number | null = null;
  count = 0;

  constructor(path: string) {
    this.path = path;
  }

  write(entry: RejectEntry): void {
    if (this.fd === null) {
      try {
        fs.mkdirSync(path.dirname(this.path), { recursive: true });
        this.fd = fs.openSync(this.path, "a");
      } catch (error) {
        throw new Error(`cannot write the rejects file ${this.path}: ${(error as Error).message}`);
      }
    }
    const { file, line, offset } = entry.origin;
    const json = JSON.stringify({ file, line, offset, reason: entry.reason, raw: entry.raw });
    fs.writeSync(this.fd, `${json}\n`);
    this.count++;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/** rejects-20260216T101500Z.jsonl in the given folder. */
export function defaultRejectsPath(cwd: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join(cwd, `rejects-${stamp}.jsonl`);
}
