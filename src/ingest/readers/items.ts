// What every reader yields: a record ready for the pipeline, or a rejected piece of input with the
// reason, kept verbatim for the rejects file.
import type { ArticleRecord, RecordOrigin } from "../types.ts";

export type ReaderItem =
  | {
      kind: "record";
      record: ArticleRecord;
      /** The input text the record came from, written to the rejects file if the database refuses it. */
      raw: string;
    }
  | { kind: "reject"; origin: RecordOrigin; reason: string; raw: string };

/** Defaults the command line supplies for what records leave out. */
export interface RecordDefaults {
  /** --source: the label for records that name no source. */
  source: string | null;
  /** --language: the language for records (and labels) that give none. */
  language: string | null;
}
