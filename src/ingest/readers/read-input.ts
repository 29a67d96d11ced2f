// Reads one input (file or standard input) into records: decompresses gzip when the bytes say so,
// recognises the format from the content first and the file name second, and hands the text to
// the matching reader. A file that cannot be read becomes a reject, never a failed run.
import fs from "node:fs";
import type { Readable } from "node:stream";
import { countBytes, decodeUtf8, gunzipIfCompressed, splitLines } from "../input/streams.ts";
import type { InputSource } from "../input/inputs.ts";
import { readJsonArray, readJsonLines } from "./json.ts";
import { looksLikePage, readPages } from "./page.ts";
import type { ReaderItem, RecordDefaults } from "./items.ts";

export type InputFormat = "page" | "json-lines" | "json-array";

/** Records (lines, array elements) longer than this are rejected rather than held in memory. */
export const MAX_RECORD_LENGTH = 16 * 1024 * 1024;
/** Pages longer than this many lines are rejected (the seed page has 200). */
const MAX_PAGE_LINES = 50_000;
/** How much decoded text format detection looks at. */
const DETECTION_HEAD = 8 * 1024;

/** The format the content shows; the file name decides only when the content does not. */
export function detectFormat(head: string, fileName: string): InputFormat | null {
  const start = head.trimStart();
  if (start.startsWith("[")) return "json-array";
  if (start.startsWith("{")) return "json-lines";
  if (looksLikePage(head)) return "page";
  const name = fileName.toLowerCase().replace(/\.gz$/, "");
  if (/\.(jsonl|ndjson)$/.test(name)) return "json-lines";
  if (name.endsWith(".json")) return "json-array";
  if (/\.(txt|page)$/.test(name)) return "page";
  return null;
}

/** Reads text until the head is long enough to detect the format, then replays it with the rest. */
async function peekText(text: AsyncIterable<string>): Promise<{ head: string; all: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let length = 0;
  let done = false;
  while (length < DETECTION_HEAD) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  async function* all(): AsyncGenerator<string> {
    yield* buffered;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: buffered.join("").slice(0, DETECTION_HEAD), all: all() };
}

export interface ReadOptions {
  stdin: Readable;
  defaults: RecordDefaults;
  /** Called with the size of every chunk of raw (possibly compressed) input read. */
  onBytes: (bytes: number) => void;
}

export async function* readInput(input: InputSource, options: ReadOptions): AsyncGenerator<ReaderItem> {
  const file = input.name;
  let lastLine = 0;
  try {
    const stream = input.kind === "stdin" ? options.stdin : fs.createReadStream(input.path);
    const text = decodeUtf8(gunzipIfCompressed(countBytes(stream, options.onBytes)));
    const { head, all } = await peekText(text);
    if (head.trim() === "") return;
    const format = detectFormat(head, input.kind === "file" ? input.path : "");
    if (!format) {
      yield {
        kind: "reject",
        origin: { file, line: 1 },
        reason: "unrecognised format: expected an article page, JSON Lines or a JSON array",
        raw: head.slice(0, 2000),
      };
      return;
    }
    const context = { file, defaults: options.defaults, maxRecordLength: MAX_RECORD_LENGTH };
    const items =
      format === "json-array"
        ? readJsonArray(all, context)
        : format === "json-lines"
          ? readJsonLines(splitLines(all, MAX_RECORD_LENGTH), context)
          : readPages(splitLines(all, MAX_RECORD_LENGTH), { file, defaultLanguage: options.defaults.language }, MAX_PAGE_LINES);
    for await (const item of items) {
      lastLine = (item.kind === "record" ? item.record.origin : item.origin).line ?? lastLine;
      yield item;
    }
  } catch (error) {
    // Unreadable file, corrupt gzip, truncated download: what was read so far stands.
    yield {
      kind: "reject",
      origin: { file, line: lastLine + 1 },
      reason: `cannot read the rest of the input: ${(error as Error).message}`,
      raw: "",
    };
  }
}
