// JSON Lines (one record a line) and JSON arrays (streamed element by element). A line or element
// that fails to parse is rejected on its own; the rest of the file is still read.
import { splitJsonArray } from "../input/json-array.ts";
import type { Line } from "../input/streams.ts";
import type { RecordOrigin } from "../types.ts";
import { mapJsonRecord } from "./json-record.ts";
import type { ReaderItem, RecordDefaults } from "./items.ts";

export interface JsonContext {
  file: string;
  defaults: RecordDefaults;
  maxRecordLength: number;
}

function parseItem(text: string, origin: RecordOrigin, context: JsonContext): ReaderItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "reject", origin, reason: `malformed JSON: ${(error as Error).message}`, raw: text };
  }
  const mapped = mapJsonRecord(value, origin, context.defaults);
  return "record" in mapped ? { kind: "record", record: mapped.record, raw: text } : { kind: "reject", origin, reason: mapped.reason, raw: text };
}

export async function* readJsonLines(lines: AsyncIterable<Line>, context: JsonContext): AsyncGenerator<ReaderItem> {
  for await (const line of lines) {
    if (line.text.trim() === "") continue;
    const origin = { file: context.file, line: line.number };
    if (line.truncated) {
      yield { kind: "reject", origin, reason: `line longer than ${context.maxRecordLength} characters`, raw: line.text };
    } else {
      yield parseItem(line.text, origin, context);
    }
  }
}

export async function* readJsonArray(chunks: AsyncIterable<string>, context: JsonContext): AsyncGenerator<ReaderItem> {
  for await (const element of splitJsonArray(chunks, context.maxRecordLength)) {
    const origin = { file: context.file, line: element.line, offset: element.offset };
    if (element.problem) {
      yield { kind: "reject", origin, reason: element.problem, raw: element.text };
    } else if (element.tooLong) {
      yield { kind: "reject", origin, reason: `array element longer than ${context.maxRecordLength} characters`, raw: element.text };
    } else {
      yield parseItem(element.text, origin, context);
    }
  }
}
