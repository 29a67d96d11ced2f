// Shell-style globs for input arguments ("data/**/*.jsonl.gz"), so quoting a pattern works the
// same as letting the shell expand it. Node 20's own glob is still experimental and warns.
import fs from "node:fs/promises";
import path from "node:path";

export function hasGlobMagic(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** Translates a glob over "/"-separated paths: *, ?, [abc], [!abc], {a,b} and ** across folders. */
export function globToRegExp(pattern: string): RegExp {
  let source = "";
  let braceDepth = 0;
  // As in a shell, wildcards do not match the leading dot of hidden files and folders.
  const segmentStart = (i: number) => (i === 0 || pattern[i - 1] === "/" ? "(?!\\.)" : "");
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*") {
      if (pattern[i + 1] === "*") {
        const atSegmentStart = i === 0 || pattern[i - 1] === "/";
        const followedBySlash = pattern[i + 2] === "/";
        if (atSegmentStart && followedBySlash) {
          source += "(?:(?!\\.)[^/]+/)*";
          i += 2;
        } else {
          source += ".*";
          i += 1;
        }
      } else {
        source += `${segmentStart(i)}[^/]*`;
      }
    } else if (char === "?") {
      source += `${segmentStart(i)}[^/]`;
    } else if (char === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end === -1) {
        source += "\\[";
      } else {
        let body = pattern.slice(i + 1, end).replace(/\\/g, "\\\\");
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        source += `[${body}]`;
        i = end;
      }
    } else if (char === "{") {
      braceDepth++;
      source += "(?:";
    } else if (char === "}" && braceDepth > 0) {
      braceDepth--;
      source += ")";
    } else if (char === "," && braceDepth > 0) {
      source += "|";
    } else {
      source += char.replace(/[.+^$()|\\\]{}]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}

/** The longest leading run of path segments without glob characters: where a walk starts. */
function staticPrefix(pattern: string): { base: string; rest: string } {
  const segments = pattern.split("/");
  const firstMagic = segments.findIndex(hasGlobMagic);
  const baseSegments = segments.slice(0, firstMagic);
  const base = baseSegments.length === 0 ? "." : baseSegments.join("/") || "/";
  return { base, rest: segments.slice(firstMagic).join("/") };
}

async function walk(dir: string, relative: string, maxDepth: number, found: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
    const childPath = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (maxDepth > 1) await walk(childPath, childRelative, maxDepth - 1, found);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      found.push(childRelative);
    }
  }
}

/** Files matching the pattern (relative to cwd unless absolute), sorted; as the pattern spells them. */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const normalised = pattern.split(path.sep).join("/");
  const { base, rest } = staticPrefix(normalised);
  const matcher = globToRegExp(rest);
  const maxDepth = rest.includes("**") ? Number.POSITIVE_INFINITY : rest.split("/").length;
  const found: string[] = [];
  await walk(path.resolve(cwd, base), "", maxDepth, found);
  return found
    .filter((relative) => matcher.test(relative))
    .sort()
    .map((relative) => (base === "." ? relative : `${base.replace(/\/$/, "")}/${relative}`));
}
