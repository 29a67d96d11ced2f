// A fixed slice of the real KCNA corpus in ../shared, loaded through the ingest command: the first
// rows of each language in file order. Tests that use it skip when ../shared is absent.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { PassThrough } from "node:stream";
import zlib from "node:zlib";
import { runIngest } from "../../src/ingest/command.ts";
import type { Database } from "../../src/db/database.ts";

export const KCNA_CORPUS = path.resolve(import.meta.dirname, "../../../shared/data/kcna-1997-2018.jsonl.gz");
export const hasKcnaCorpus = fs.existsSync(KCNA_CORPUS);

/** The first `counts[language]` rows of each language, as lines of the file, in file order. */
export async function readKcnaSlice(counts: Record<string, number>): Promise<string[]> {
  const lines: string[] = [];
  const taken: Record<string, number> = {};
  const wanted = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const input = readline.createInterface({ input: fs.createReadStream(KCNA_CORPUS).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  for await (const line of input) {
    const language = (JSON.parse(line) as { language: string }).language;
    if ((taken[language] ?? 0) < (counts[language] ?? 0)) {
      lines.push(line);
      taken[language] = (taken[language] ?? 0) + 1;
      if (lines.length === wanted) break;
    }
  }
  input.close();
  return lines;
}

/** Loads the slice into `db` through the ingest command; returns its exit code and output. */
export async function ingestKcnaSlice(db: Database, counts: Record<string, number>): Promise<{ code: number; output: string }> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-kcna-slice-"));
  try {
    const file = path.join(workDir, "slice.jsonl");
    fs.writeFileSync(file, `${(await readKcnaSlice(counts)).join("\n")}\n`);
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => (printed += chunk));
    const code = await runIngest(
      [file, "--quiet", "--batch-size", "1000"],
      { stdin: new PassThrough(), stdout: output, stderr: output },
      { open: async () => db, closeWhenDone: false, cwd: workDir },
    );
    return { code, output: printed };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
