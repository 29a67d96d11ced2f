// The ingest command's arguments and its --help text.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.ts";
import { normaliseLanguage } from "./language.ts";

export const EXIT_OK = 0;
export const EXIT_FATAL = 1;
export const EXIT_REJECTED = 2;

export const DEFAULT_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 5000;

export const HELP = `Usage: newsgraph ingest [options] <input>...

Loads articles into the archive: links the people and places they name, and writes each article
with its links in one transaction, in batches. Running it again on the same input changes nothing.

Inputs are files, folders (read recursively: .jsonl, .ndjson, .json, .txt, .page, each maybe .gz),
glob patterns such as 'data/**/*.jsonl.gz', or - for standard input. Each input's format is
recognised from its content, else from its name; gzip from its first bytes:
  article pages   as news-monitoring sites show them (title, "Date: dd/mm/yyyy | Source: <label>"
                  line, paragraphs, byline, "More From" list; each listed item becomes a stub)
  JSON Lines      one article object per line
  JSON arrays     [ {...}, {...} ], read element by element
Article objects may use title, date, url, body (text) or content (list of paragraphs), source,
language, byline; other fields are ignored.

Options:
  --source <label>     source label for records that name none, e.g. "Rodong Sinmun"
  --language <code>    ISO 639-1 language for records and labels that give none, e.g. en
  --rejects <path>     where to append records that cannot be stored (JSON Lines: file, line or
                       offset, reason, raw record); default rejects-<timestamp>.jsonl here,
                       created only if something is rejected
  --batch-size <n>     articles per transaction (1-${MAX_BATCH_SIZE}, default ${DEFAULT_BATCH_SIZE})
  --quiet              no progress output
  -h, --help           show this help

The database is PostgreSQL when DATABASE_URL is set, else embedded PGlite in PGLITE_DIR (default
./data). Migrations are applied first.

Exit codes:
  0  every record went in (or was already there)
  1  fatal error: bad arguments, database unreachable or lost; batches already written stay,
     and running the same command again finishes the job
  2  finished, but some records were rejected (see the rejects file)
`;

export interface IngestArgs {
  help: boolean;
  inputs: string[];
  source: string | null;
  language: string | null;
  rejectsPath: string | null;
  batchSize: number;
  quiet: boolean;
}

export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        source: { type: "string" },
        language: { type: "string" },
        rejects: { type: "string" },
        "batch-size": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;

  const source = values.source?.trim() ?? null;
  if (source === "") throw new UsageError('--source needs a label, e.g. --source "Rodong Sinmun".');

  let language: string | null = null;
  if (values.language !== undefined) {
    language = normaliseLanguage(values.language);
    if (!language) throw new UsageError(`--language must be an ISO 639-1 code such as en or es, got "${values.language}".`);
  }

  let batchSize = DEFAULT_BATCH_SIZE;
  if (values["batch-size"] !== undefined) {
    batchSize = Number(values["batch-size"]);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new UsageError(`--batch-size must be a whole number from 1 to ${MAX_BATCH_SIZE}, got "${values["batch-size"]}".`);
    }
  }

  if (!help && positionals.length === 0) {
    throw new UsageError("No inputs given: name files, folders, globs, or - for standard input.");
  }
  return {
    help,
    inputs: positionals,
    source,
    language,
    rejectsPath: values.rejects ?? null,
    batchSize,
    quiet: values.quiet === true,
  };
}
