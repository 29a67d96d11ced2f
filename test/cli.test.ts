import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function run(args: string[], env: Record<string, string>, onStdout?: (text: string, child: ReturnType<typeof spawn>) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, ["src/cli.ts", ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      onStdout?.(stdout, child);
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the command line", () => {
  it("names what to check when DATABASE_URL is malformed, without a stack trace", async () => {
    const result = await run(["migrate"], { DATABASE_URL: "mysql://nope" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^newsgraph: DATABASE_URL must start with postgresql:\/\//);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the server when PostgreSQL is unreachable, without a stack trace", async () => {
    const result = await run(["migrate"], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none: connection refused/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("serves GraphQL on an embedded database and stops cleanly on SIGTERM", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-serve-"));
    let answered: unknown = null;
    const result = await run(["serve"], { PGLITE_DIR: dataDir, PORT: "0", SEED_DEMO: "false", DATABASE_URL: "" }, (stdout, child) => {
      const url = /GraphiQL at (http:\/\/\S+)/.exec(stdout)?.[1];
      if (!url || answered) return;
      answered = "pending";
      void fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ sources { totalCount } }" }),
      })
        .then((response) => response.json())
        .then((body) => {
          answered = body;
          child.kill("SIGTERM");
        });
    });
    expect(answered).toEqual({ data: { sources: { totalCount: 0 } }, extensions: { cost: { requested: 1, limit: 100_000 } } });
    expect(result.stdout).toMatch(/SIGTERM: finishing in-flight requests/);
    expect(result.code).toBe(0);
    // Creating a new PGlite folder takes seconds, many more on a busy machine.
  }, 180_000);
});
