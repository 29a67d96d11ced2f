// Byte and text streams under the readers: gzip recognised by its magic bytes rather than the file
// name, UTF-8 decoded incrementally, text split into numbered lines. All pull-based, so nothing is
// read ahead of what the pipeline asks for.
import { Readable } from "node:stream";
import zlib from "node:zlib";

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Yields the stream's chunks, reporting each chunk's size (for progress by bytes). */
export async function* countBytes(stream: AsyncIterable<Buffer | string>, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    onBytes(buffer.length);
    yield buffer;
  }
}

/** Decompresses when the first two bytes are gzip's magic number; passes other input through. */
export async function* gunzipIfCompressed(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let done = false;
  // A first chunk of one byte is possible on pipes; gather two before deciding.
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head = Buffer.concat([head, next.value]);
  }
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* rest();
    return;
  }
  const gunzip = zlib.createGunzip();
  const source = Readable.from(rest());
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    source.destroy();
  }
}

/** UTF-8 text; invalid bytes become U+FFFD rather than failing, and a leading BOM is dropped. */
export async function* decodeUtf8(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

export interface Line {
  text: string;
  /** 1-based. */
  number: number;
  /** Character offset of the line's start in the decoded text. */
  offset: number;
  /** Set when the line was longer than the limit and was cut there. */
  truncated: boolean;
}

/** Splits text into lines (LF or CRLF); lines beyond maxLength are cut and flagged, to bound memory. */
export async function* splitLines(chunks: AsyncIterable<string>, maxLength: number): AsyncGenerator<Line> {
  // The kept part of the current line (at most maxLength) and its full length so far.
  let kept = "";
  let length = 0;
  let number = 1;
  let offset = 0;
  const line = (): Line => {
    const truncated = length > maxLength;
    const text = !truncated && kept.endsWith("\r") ? kept.slice(0, -1) : kept;
    return { text, number, offset, truncated };
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf("\n", start);
      const end = newline === -1 ? chunk.length : newline;
      const room = maxLength - kept.length;
      if (room > 0) kept += end - start > room ? chunk.slice(start, start + room) : chunk.slice(start, end);
      length += end - start;
      if (newline === -1) break;
      yield line();
      offset += length + 1;
      number++;
      kept = "";
      length = 0;
      start = newline + 1;
    }
  }
  if (length > 0) yield line();
}
