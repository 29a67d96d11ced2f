// What the serving benchmarks share: starting the service as an npm script runs it and waiting
// until /ready says 200, reading a process's memory, settling a freshly loaded database, medians.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";

export const root = path.resolve(import.meta.dirname, "..");

/**
 * A package.json script as a command, run through `exec` so the process's pid is the server's
 * own and signals reach it (npm does not pass them on).
 */
export function scriptCommand(name: "start" | "start:prod"): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  return ["sh", "-c", `exec env ${scripts[name]!}`];
}

/** Starts `command` serving on `port` with `env`, resolving once its /ready answers 200. */
export function startUntilReady(command: readonly string[], port: number, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd: root,
      env: { ...process.env, PATH: `${path.join(root, "node_modules/.bin")}:${process.env.PATH}`, PORT: String(port), ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    const ready = setInterval(async () => {
      const answer = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => null);
      if (answer?.status === 200) {
        clearInterval(ready);
        resolve(child);
      }
    }, 250);
    child.on("exit", (code) => {
      clearInterval(ready);
      reject(new Error(`${command.join(" ")} exited with ${code}: ${output}`));
    });
  });
}

/** Resident memory now and at its peak (VmHWM), in MB. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/**
 * After a bulk load: statistics for the planner and a visibility map for index-only scans, as
 * autovacuum would leave them on a settled database. Returns shared_buffers, since how much of
 * the corpus PostgreSQL can cache decides the database's share of every request.
 */
export async function settleDatabase(client: pg.Client): Promise<string> {
  await client.query("VACUUM ANALYZE");
  const server = await client.query<{ shared_buffers: string }>("SHOW shared_buffers");
  return server.rows[0]!.shared_buffers;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
