// Query API benchmark: the canonical operations under concurrent load (autocannon, 10 connections,
// 15 s each) against the GraphQL service and against a baseline of hand-written SQL behind a
// minimal HTTP handler, both on PostgreSQL with the KCNA corpus loaded through the ingest command.
//
//   npx tsx bench/query-api.ts [--database-url URL] [--duration 15] [--connections 10] [--rounds 3] [--only 0,2]
//
// Both servers run as child processes on the same database, one at a time, so their RSS is their
// own. Each operation runs --rounds times on each side; the table gives medians, and the ratio of
// each round. Statements per request: counted in process for GraphQL, reported by the baseline.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase } from "../src/db/database.ts";
import { encodeGlobalId } from "../src/schema/global-id.ts";
import { createBenchApp } from "./in-process.ts";
import { settleDatabase } from "./harness.ts";
import { type BenchParams, OPERATIONS } from "./query-api-ops.ts";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/newsgraph_bench_ingest" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "10" },
    only: { type: "string" },
    rounds: { type: "string", default: "3" },
  },
});
const databaseUrl = options["database-url"]!;
const duration = Number(options.duration);
const connections = Number(options.connections);
const rounds = Number(options.rounds);
const root = path.resolve(import.meta.dirname, "..");
const GRAPHQL_PORT = 4401;
const BASELINE_PORT = 4402;

async function pickParams(): Promise<BenchParams> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sharedBuffers = await settleDatabase(client);
    const articles = await client.query<{ id: number }>(`
      SELECT a.id FROM "Article" a WHERE a."isStub" = FALSE AND a.language = 'en'
        AND (SELECT count(*) FROM "PersonMention" m WHERE m."articleId" = a.id) >= 3
        AND (SELECT count(*) FROM "PlaceMention" m WHERE m."articleId" = a.id) >= 3
      ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 1`);
    if (!articles.rows[0]) throw new Error(`No article with 3 persons and 3 places in ${databaseUrl}: load the corpus first (npx tsx bench/ingest.ts).`);
    const articleId = articles.rows[0].id;
    console.log(`PostgreSQL shared_buffers ${sharedBuffers}, load average ${os.loadavg()[0]!.toFixed(1)} before`);
    return { articleId, articleGlobalId: encodeGlobalId("Article", articleId), placeSlug: "south-hwanghae-province", personSlug: "kim-jong-il" };
  } finally {
    await client.end();
  }
}

function start(command: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      if (ready.test(output)) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`${command.join(" ")} exited with ${code}: ${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  child.removeAllListeners("exit");
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMb: number;
}

async function load(child: ChildProcess, request: autocannon.Options): Promise<Measurement> {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 250);
  const result = await autocannon({ ...request, connections, duration });
  clearInterval(timer);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    rssMb: Math.round(peak),
  };
}

async function graphqlStatements(params: BenchParams): Promise<number[]> {
  const db = await openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 4 });
  const { yoga } = await createBenchApp(db);
  const counts: number[] = [];
  let count = 0;
  db.onQuery(() => count++);
  for (const operation of OPERATIONS) {
    count = 0;
    const response = await yoga.fetch("http://bench/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(operation.graphql(params)),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`${operation.name}: ${JSON.stringify(body.errors)}`);
    counts.push(count);
  }
  await db.close();
  return counts;
}

const params = await pickParams();
console.log(`Parameters: ${JSON.stringify(params)}`);
const statements = await graphqlStatements(params);
const selected = OPERATIONS.map((operation, index) => ({ operation, index })).filter(
  ({ index }) => !options.only || options.only.split(",").includes(String(index)),
);

// node itself with tsx's loader (not the tsx wrapper, which runs a second process), so the pid
// whose RSS is sampled is the server's.
const serverCommand = (script: string, ...args: string[]) => [process.execPath, "--import", "tsx", script, ...args];
/** One load of the GraphQL service, each in a fresh server process. */
async function loadGraphql(operation: (typeof OPERATIONS)[number]): Promise<Measurement> {
  const graphql = await start(
    serverCommand("src/cli.ts", "serve"),
    {
      DATABASE_URL: databaseUrl,
      PORT: String(GRAPHQL_PORT),
      SEED_DEMO: "false",
      NODE_ENV: "production",
      // Uncached, unlimited: every request executed, none refused for its client's budget.
      RESPONSE_CACHE: "false",
      RATE_LIMIT_PER_MINUTE: "0",
    },
    /GraphiQL at/,
  );
  const measured = await load(graphql, {
    url: `http://127.0.0.1:${GRAPHQL_PORT}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(operation.graphql(params)),
  });
  await stop(graphql);
  return measured;
}

/** One load of the baseline, with the statements it says it sent per request. */
async function loadBaseline(index: number): Promise<Measurement & { statements: number }> {
  const baselineServer = await start(
    serverCommand("bench/baseline-server.ts"),
    {
      DATABASE_URL: databaseUrl,
      PORT: String(BASELINE_PORT),
      BENCH_PARAMS: JSON.stringify(params),
    },
    /baseline listening/,
  );
  const measured = await load(baselineServer, { url: `http://127.0.0.1:${BASELINE_PORT}/op/${index}` });
  const statements = Number((await fetch(`http://127.0.0.1:${BASELINE_PORT}/op/${index}`)).headers.get("x-statements"));
  await stop(baselineServer);
  return { ...measured, statements };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// Each round loads both sides back to back, alternating which goes first, so a slow spell on the
// shared machine hits both; the ratio reported is the median of the rounds' ratios.
const rows: string[] = [];
for (const { operation, index } of selected) {
  const service: Measurement[] = [];
  const baseline: (Measurement & { statements: number })[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      service.push(await loadGraphql(operation));
      baseline.push(await loadBaseline(index));
    } else {
      baseline.push(await loadBaseline(index));
      service.push(await loadGraphql(operation));
    }
  }
  const ratios = service.map((measured, round) => measured.requestsPerSecond / baseline[round]!.requestsPerSecond);
  const of = (list: Measurement[], key: "requestsPerSecond" | "p50" | "p99") => median(list.map((measured) => measured[key]));
  const errors = (list: Measurement[]) => list.reduce((sum, measured) => sum + measured.errors + measured.non2xx, 0);
  const row = `| ${operation.name} | ${of(service, "requestsPerSecond").toFixed(0)} | ${of(baseline, "requestsPerSecond").toFixed(0)} | **${median(ratios).toFixed(2)}** (${ratios.map((ratio) => ratio.toFixed(2)).join(", ")}) | ${of(service, "p50")} / ${of(service, "p99")} | ${of(baseline, "p50")} / ${of(baseline, "p99")} | ${statements[index]} / ${baseline[0]!.statements} | ${Math.max(...service.map((m) => m.rssMb))} / ${Math.max(...baseline.map((m) => m.rssMb))} | ${errors(service)} / ${errors(baseline)} |`;
  console.log(row);
  rows.push(row);
}

console.log(`
| operation | GraphQL req/s | baseline req/s | ratio (each round) | GraphQL p50 / p99 ms | baseline p50 / p99 ms | statements GraphQL / baseline | peak RSS MB GraphQL / baseline | errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}`);
console.log(`Load average ${os.loadavg()[0]!.toFixed(1)} after.`);
