// Turns the command's input arguments (files, folders, globs, "-") into the list of inputs to read,
// failing early with a clear message when one names nothing.
import fs from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.ts";
import { expandGlob, hasGlobMagic } from "./glob.ts";

export type InputSource = { kind: "stdin"; name: string } | { kind: "file"; name: string; path: string; size: number };

/** Files a folder contributes: the formats the readers know, compressed or not. */
const ARTICLE_FILE = /\.(jsonl|ndjson|json|txt|page)(\.gz)?$/i;

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden files and folders are editor and VCS leftovers, never articles.
    if (entry.name.startsWith(".")) continue;
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(child)));
    else if (entry.isFile() && ARTICLE_FILE.test(entry.name)) found.push(child);
  }
  return found;
}

export async function expandInputs(args: readonly string[], cwd: string): Promise<InputSource[]> {
  const inputs: InputSource[] = [];
  const seen = new Set<string>();

  const addFile = async (name: string) => {
    const absolute = path.resolve(cwd, name);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const stat = await fs.stat(absolute);
    inputs.push({ kind: "file", name, path: absolute, size: stat.size });
  };

  for (const arg of args) {
    if (arg === "-") {
      if (inputs.some((input) => input.kind === "stdin")) throw new UsageError('"-" (standard input) is given twice.');
      inputs.push({ kind: "stdin", name: "-" });
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    const stat = await fs.stat(absolute).catch(() => null);
    if (stat?.isDirectory()) {
      const files = await filesUnder(absolute);
      if (files.length === 0) throw new UsageError(`${arg}: the folder holds no .jsonl, .json, .txt or .page files (plain or .gz).`);
      for (const file of files) await addFile(path.relative(cwd, file) || file);
    } else if (stat?.isFile()) {
      await addFile(arg);
    } else if (!stat && hasGlobMagic(arg)) {
      const matches = await expandGlob(arg, cwd);
      if (matches.length === 0) throw new UsageError(`${arg}: the pattern matches no files.`);
      for (const match of matches) await addFile(match);
    } else if (stat) {
      throw new UsageError(`${arg}: not a file or folder.`);
    } else {
      throw new UsageError(`${arg}: no such file or folder.`);
    }
  }
  if (inputs.length === 0) throw new UsageError("No inputs given: name files, folders, globs, or - for standard input.");
  return inputs;
}
