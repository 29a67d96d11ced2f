// The production build: `npm run build` compiles the service to dist/, and `npm run start:prod`
// serves from it with plain Node (no TypeScript loader), as one process or as WEB_CONCURRENCY
// cluster workers on PostgreSQL.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const startProdScript = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["start:prod"]!;

interface Served {
  child: ChildProcess;
  /** Parsed log lines so far. */
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
}

/**
 * Runs the start:prod script and resolves once `readyLines` workers have logged that they are
 * ready. Through `exec`, as a process manager runs it: npm itself does not pass SIGTERM on to
 * the script, so the test could not stop it through npm.
 */
function startProd(env: Record<string, string>, readyLines = 1): Promise<{ served: Served; url: string }> {
  const child = spawn("sh", ["-c", `exec env ${startProdScript}`], {
    cwd: root,
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const served: Served = { child, lines, exited };
  let buffered = "";
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk;
      for (let newline = buffered.indexOf("\n"); newline >= 0; newline = buffered.indexOf("\n")) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      const ready = lines.filter((line) => typeof line.msg === "string" && line.msg.includes("GraphiQL at"));
      if (ready.length >= readyLines) resolve({ served, url: String(ready[0]!.url) });
    });
    void exited.then((code) => reject(new Error(`start:prod exited with ${code} before it was ready: ${stderr}`)));
  });
}

async function stop(served: Served): Promise<number | null> {
  served.child.kill("SIGTERM");
  return served.exited;
}

async function sourcesCount(url: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ sources { totalCount } }" }),
  });
  return ((await response.json()) as { data?: unknown }).data;
}

describe("the production build", () => {
  beforeAll(async () => {
    await promisify(execFile)("npm", ["run", "-s", "build"], { cwd: root });
  }, 180_000);

  it("compiles every module to dist/ with its imports rewritten to .js", () => {
    const cli = fs.readFileSync(path.join(root, "dist/cli.js"), "utf8");
    expect(cli).not.toMatch(/from "\.[^"]*\.ts"/);
    expect(fs.existsSync(path.join(root, "dist/serving/cost/analysis.js"))).toBe(true);
  });

  it("serves from dist/ with plain Node, in production mode, without the demo corpus", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-prod-"));
    const { served, url } = await startProd({ PGLITE_DIR: dataDir, DATABASE_URL: "" });
    try {
      expect(await sourcesCount(url)).toEqual({ sources: { totalCount: 0 } });
      // No TypeScript loader in the serving process.
      const command = fs.readFileSync(`/proc/${served.lines[0]!.pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      expect(command.join(" ")).toMatch(/node --max-old-space-size=256 dist\/cli\.js serve$/);
      expect(command.join(" ")).not.toMatch(/tsx/);
    } finally {
      expect(await stop(served)).toBe(0);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  describe.skipIf(!process.env.TEST_DATABASE_URL)("with WEB_CONCURRENCY on PostgreSQL", () => {
    const name = `newsgraph_test_${randomBytes(6).toString("hex")}`;
    let databaseUrl = "";
    const admin = (sql: string) => {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      return client
        .connect()
        .then(() => client.query(sql))
        .finally(() => client.end());
    };
    // biome-ignore lint/suspicious/noDuplicateTestHooks: this describe's own database, beside the outer build step.
    beforeAll(async () => {
      await admin(`CREATE DATABASE ${name}`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    });
    afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

    it("runs two workers on one port, migrated once by the primary, and stops them all on SIGTERM", async () => {
      const { served, url } = await startProd({ DATABASE_URL: databaseUrl, WEB_CONCURRENCY: "2" }, 2);
      try {
        const readyPids = new Set(served.lines.filter((line) => String(line.msg).includes("GraphiQL at")).map((line) => line.pid));
        expect(readyPids.size).toBe(2);
        expect(served.lines.filter((line) => String(line.msg).startsWith("Applied migrations"))).toHaveLength(1);
        const answers = await Promise.all(Array.from({ length: 20 }, () => sourcesCount(url)));
        expect(answers).toEqual(Array.from({ length: 20 }, () => ({ sources: { totalCount: 0 } })));
        const answeredBy = new Set(served.lines.filter((line) => line.msg === "operation").map((line) => line.pid));
        for (const pid of answeredBy) expect(readyPids).toContain(pid);
      } finally {
        expect(await stop(served)).toBe(0);
      }
      expect(served.lines.some((line) => String(line.msg).includes("stopped the workers"))).toBe(true);
    }, 120_000);
  });
});
