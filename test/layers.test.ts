// What the import-based layer check (npm run layers) cannot see: which modules run SQL. The schema
// resolves GraphQL, articles/ and search/ only build statements; loaders (and the writers of
// ingest, reference, seed and db) run them.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.join(import.meta.dirname, "..", "src");
const RUNS_SQL = /\$(queryRaw|executeRaw)(Unsafe)?\b/;

async function sourcesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(SRC, folder), { recursive: true });
  return entries.filter((entry) => entry.endsWith(".ts")).map((entry) => path.join(folder, entry));
}

describe("layers", () => {
  it.each(["schema", "articles", "search"])("src/%s runs no SQL of its own", async (folder) => {
    const files = await sourcesUnder(folder);
    expect(files.length).toBeGreaterThan(0);
    const running: string[] = [];
    for (const file of files) if (RUNS_SQL.test(await readFile(path.join(SRC, file), "utf8"))) running.push(file);
    expect(running).toEqual([]);
  });

  it("has no unsafe raw SQL anywhere in src/", async () => {
    const files = (await readdir(SRC, { recursive: true })).filter((entry) => entry.endsWith(".ts") && !entry.startsWith("generated"));
    const unsafe: string[] = [];
    for (const file of files) if (/\$(queryRaw|executeRaw)Unsafe\b/.test(await readFile(path.join(SRC, file), "utf8"))) unsafe.push(file);
    expect(unsafe).toEqual([]);
  });
});
