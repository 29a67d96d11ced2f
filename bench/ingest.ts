// Ingest benchmark: loads the whole KCNA corpus (../shared/data/kcna-1997-2018.jsonl.gz, 138k
// articles) into a fresh PostgreSQL database through the ingest command, then loads it again (every
// record should come back unchanged), and writes articles per second and peak RSS to the Ingest
// section of bench/README.md.
//
//   npx tsx bench/ingest.ts [--input <file>] [--batch-size <n>] [--no-readme]
//
// Each load runs in a child process, so its peak RSS (VmHWM from /proc) is the ingest's alone.
// The admin URL (default postgresql://postgres@127.0.0.1:5432/postgres) comes from
// BENCH_POSTGRES_URL; the database newsgraph_bench_ingest is dropped and created on that server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATABASE = "newsgraph_bench_ingest";
const DEFAULT_INPUT = path.resolve(root, "../shared/data/kcna-1997-2018.jsonl.gz");
const README = path.join(root, "bench/README.md");

interface LoadResult {
  exitCode: number;
  /** CPU time of the ingest process and of its PostgreSQL backends (null when not measurable). */
  cpuSeconds: number;
  databaseCpuSeconds: number | null;
  /** One-minute load average before and after, to judge how much else the machine was doing. */
  loadBefore: number;
  loadAfter: number;
  summary: string;
  counts: Record<string, number>;
  elapsedSeconds: number;
  articlesPerSecond: number;
  peakRssMb: number;
  wallSeconds: number;
}

/** The child: one ingest run with the configured database, then its own peak RSS. */
async function runChild(argv: string[]): Promise<void> {
  const { loadConfig } = await import("../src/config.ts");
  const { runIngestCommand } = await import("../src/ingest/command.ts");
  const code = await runIngestCommand(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, loadConfig());
  const peak = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
  const cpu = process.cpuUsage();
  process.stdout.write(`bench-peak-rss-kb ${peak ? peak[1] : 0}\nbench-cpu-seconds ${(cpu.user + cpu.system) / 1e6}\n`);
  process.exitCode = code;
}

function adminUrl(): string {
  return process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

function databaseUrl(): string {
  const url = new URL(adminUrl());
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function recreateDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function parseSummary(summary: string): Pick<LoadResult, "counts" | "elapsedSeconds" | "articlesPerSecond"> {
  const counts: Record<string, number> = {};
  for (const [, name, value] of summary.matchAll(/(read|inserted|updated|unchanged|stubs|rejected) ([\d,]+)/g)) {
    counts[name!] = Number(value!.replace(/,/g, ""));
  }
  const elapsed = /elapsed ([\d.]+) s/.exec(summary);
  const rate = /([\d,]+) articles\/s/.exec(summary);
  return {
    counts,
    elapsedSeconds: elapsed ? Number(elapsed[1]) : Number.NaN,
    articlesPerSecond: rate ? Number(rate[1]!.replace(/,/g, "")) : Number.NaN,
  };
}

/**
 * CPU seconds of the PostgreSQL backends serving our database, sampled while they live (they exit
 * with the run). Only possible when the server runs on this machine; null otherwise.
 */
function watchDatabaseCpu(): { stop(): Promise<number | null> } {
  const ticksPerSecond = 100;
  const ticksByPid = new Map<number, number>();
  let readable = true;
  const client = new pg.Client({ connectionString: adminUrl() });
  const ready = client.connect();
  const sample = async () => {
    await ready;
    const result = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [DATABASE]);
    for (const { pid } of result.rows) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        ticksByPid.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        readable = false;
      }
    }
  };
  const timer = setInterval(() => void sample().catch(() => (readable = false)), 250);
  return {
    async stop() {
      clearInterval(timer);
      await client.end().catch(() => {});
      if (!readable || ticksByPid.size === 0) return null;
      return [...ticksByPid.values()].reduce((sum, ticks) => sum + ticks, 0) / ticksPerSecond;
    },
  };
}

/** Runs one load in a child process; its progress lines pass through to our stderr. */
function load(ingestArgs: string[]): Promise<LoadResult> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0]!;
  const databaseCpu = watchDatabaseCpu();
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--child", ...ingestArgs], {
    env: { ...process.env, DATABASE_URL: databaseUrl() },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    process.stdout.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", async (exitCode) => {
      const databaseCpuSeconds = await databaseCpu.stop();
      const summary = stdout.split("\n").find((line) => line.startsWith("ingest: read")) ?? "";
      const peak = /bench-peak-rss-kb (\d+)/.exec(stdout);
      const cpu = /bench-cpu-seconds ([\d.]+)/.exec(stdout);
      if (!summary) return reject(new Error(`the ingest run printed no summary (exit code ${exitCode})`));
      resolve({
        exitCode: exitCode ?? -1,
        cpuSeconds: cpu ? Number(cpu[1]) : Number.NaN,
        databaseCpuSeconds,
        loadBefore,
        loadAfter: os.loadavg()[0]!,
        summary,
        ...parseSummary(summary),
        peakRssMb: peak ? Math.round(Number(peak[1]) / 1024) : Number.NaN,
        wallSeconds: (performance.now() - started) / 1000,
      });
    });
  });
}

/** Rejected records by reason, the variable part (URL, message detail) cut off. */
function rejectReasons(file: string): [string, number][] {
  if (!fs.existsSync(file)) return [];
  const reasons = new Map<string, number>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line) continue;
    const reason = (JSON.parse(line) as { reason: string }).reason.replace(/ \(.*\)$/, "").replace(/: .*$/, "");
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return [...reasons].sort((a, b) => b[1] - a[1]);
}

async function tableCounts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const [name, sql] of [
      ["articles", `SELECT count(*) FROM "Article" WHERE NOT "isStub"`],
      ["stubs", `SELECT count(*) FROM "Article" WHERE "isStub"`],
      ["person mentions", `SELECT count(*) FROM "PersonMention"`],
      ["place mentions", `SELECT count(*) FROM "PlaceMention"`],
      ["persons", `SELECT count(*) FROM "Person"`],
      ["places", `SELECT count(*) FROM "Place"`],
      ["sources", `SELECT count(*) FROM "Source"`],
    ] as const) {
      const result = await client.query<{ count: string }>(sql);
      counts[name] = Number(result.rows[0]!.count);
    }
    return counts;
  } finally {
    await client.end();
  }
}

const number = new Intl.NumberFormat("en-US");

function section(input: string, command: string, runs: [string, LoadResult][], tables: Record<string, number>, reasons: [string, number][]): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const row = ([name, run]: [string, LoadResult]) =>
    `| ${name} | ${number.format(run.counts.read ?? 0)} | ${number.format(run.counts.inserted ?? 0)} | ${number.format(run.counts.updated ?? 0)} | ` +
    `${number.format(run.counts.unchanged ?? 0)} | ${number.format(run.counts.stubs ?? 0)} | ${number.format(run.counts.rejected ?? 0)} | ` +
    `${run.elapsedSeconds.toFixed(1)} s | **${number.format(run.articlesPerSecond)}** | **${run.peakRssMb} MB** | ${run.exitCode} |`;
  const perArticle = (seconds: number | null, run: LoadResult) =>
    seconds === null ? "n/a" : `${((seconds * 1000) / Math.max(1, run.counts.read ?? 0)).toFixed(2)} ms`;
  const cpuRow = ([name, run]: [string, LoadResult]) =>
    `| ${name} | ${perArticle(run.cpuSeconds, run)} | ${perArticle(run.databaseCpuSeconds, run)} | ${run.loadBefore.toFixed(1)} / ${run.loadAfter.toFixed(1)} |`;
  return `## Ingest

Loads \`${path.relative(root, input)}\` into a fresh PostgreSQL database through the ingest command
(\`runIngestCommand\`: migrations, reference tables, reading, entity linking, batched writes), then
loads the same file again. Targets: at least 1,000 articles per second including linking, peak RSS
under 500 MB.

Command: \`${command}\` (drops and creates \`${DATABASE}\`; each load runs in its own process and
reports its peak RSS from \`/proc/self/status\` VmHWM).

| run | read | inserted | updated | unchanged | stubs | rejected | elapsed | articles/s | peak RSS | exit |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${runs.map(row).join("\n")}

Articles per second count records that went in or were confirmed unchanged, over the ingest's own
elapsed time (after migrations and the reference sync, which add a few seconds).

The machine is shared, so the rate depends on what else runs; CPU time per record does not:

| run | ingest process CPU per record | PostgreSQL backends CPU per record | load average before / after (the run itself adds about 2) |
| --- | ---: | ---: | ---: |
${runs.map(cpuRow).join("\n")}

With both cores free the rate is bounded by about 2 cores / (ingest + PostgreSQL CPU per record).
PostgreSQL's share includes the full-text trigger and GIN index on "searchVector" and the
autovacuum that follows a large load.

Stored after the runs: ${Object.entries(tables)
    .map(([name, count]) => `${number.format(count)} ${count === 1 ? name.replace(/s$/, "") : name}`)
    .join(", ")}.

Rejected records (exit code 2; the first load's rejects file lists each with file, line and raw record):
${reasons.length ? reasons.map(([reason, count]) => `- ${number.format(count)}: ${reason}`).join("\n") : "- none"}

The corpus repeats some URLs with other articles' titles and bodies (a collector's error); the
first record with a URL is kept and later ones with other content are rejected rather than
overwriting it, so a rerun reports every stored article unchanged.

Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, Node ${process.version}, PostgreSQL server at
\`${new URL(adminUrl()).host}\`, batch size as given in the command (default 500, up to three batches written at once).
`;
}

/** Replaces the "## Ingest" section of bench/README.md (up to the next "## "), or appends it. */
function writeSection(text: string): void {
  const current = fs.existsSync(README) ? fs.readFileSync(README, "utf8") : "# Benchmarks\n";
  const start = current.search(/^## Ingest\s*$/m);
  if (start === -1) {
    fs.writeFileSync(README, `${current.trimEnd()}\n\n${text}`);
    return;
  }
  const rest = current.slice(start + 1);
  const next = rest.search(/^## /m);
  const end = next === -1 ? current.length : start + 1 + next;
  fs.writeFileSync(README, `${current.slice(0, start)}${text}${end < current.length ? `\n${current.slice(end)}` : ""}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      input: { type: "string", default: DEFAULT_INPUT },
      "batch-size": { type: "string" },
      "no-readme": { type: "boolean", default: false },
    },
  });
  const input = path.resolve(values.input!);
  if (!fs.existsSync(input)) {
    console.error(`bench/ingest: ${input} does not exist (the benchmark needs ../shared/data).`);
    process.exitCode = 1;
    return;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  const ingestArgs = (name: string) => [
    "--rejects",
    path.join(scratch, `${name}-rejects.jsonl`),
    ...(values["batch-size"] ? ["--batch-size", values["batch-size"]] : []),
    input,
  ];

  console.error(`bench/ingest: recreating ${DATABASE}`);
  await recreateDatabase();
  console.error("bench/ingest: first load");
  const first = await load(ingestArgs("first"));
  console.error("bench/ingest: second load of the same input");
  const second = await load(ingestArgs("second"));
  const tables = await tableCounts();

  const command = `npx tsx bench/ingest.ts${values.input === DEFAULT_INPUT ? "" : ` --input ${values.input}`}${values["batch-size"] ? ` --batch-size ${values["batch-size"]}` : ""}`;
  const text = section(
    input,
    command,
    [
      ["first load", first],
      ["second load (same input)", second],
    ],
    tables,
    rejectReasons(path.join(scratch, "first-rejects.jsonl")),
  );
  if (!values["no-readme"]) writeSection(text);
  console.log(`\n${text}`);
}

if (process.argv.includes("--child")) {
  await runChild(process.argv.slice(process.argv.indexOf("--child") + 1));
} else {
  await main();
}
