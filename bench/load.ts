// Load benchmark: the production build (`npm run build`, then the `start:prod` script: plain
// Node on dist/, NODE_ENV=production, a 256 MB heap, the default serving settings with the
// response cache on) on PostgreSQL with
// the KCNA corpus, under autocannon:
//
//   1. baseline: the canonical operations of bench/query-api-ops.ts alone, from 48 connections;
//   2. mixed: the same 48 connections, plus 2 sending hostile requests (cost bombs, deep and
//      aliased documents, token floods, oversized and malformed bodies) paced at 5% of all
//      requests, 50 connections in all.
//
// The rounds alternate (baseline, mixed, baseline, mixed ...), each `--duration` seconds. Every
// request comes "from" one of 1,000 clients through X-Forwarded-For (TRUST_PROXY=1), and
// parameters rotate over pools of articles, places and persons, so the response cache sees a
// realistic mix of hits and misses. Reports the normal operations' p50/p99 with and without the
// hostile share and their ratio, status codes (5xx must be 0), errors and timeouts (dropped
// connections), and the server's peak RSS; writes them to the "Serving under load" section of
// bench/README.md.
//
//   npx tsx bench/load.ts [--database-url URL] [--duration 60] [--rounds 1] [--no-readme]
//
// Load the corpus first: DATABASE_URL=<url> npx tsx src/cli.ts ingest ../shared/data/kcna-1997-2018.jsonl.gz
import { type ChildProcess, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { encodeGlobalId } from "../src/schema/global-id.ts";
import { median, memoryMb, root, scriptCommand, settleDatabase, startUntilReady } from "./harness.ts";
import { type BenchParams, OPERATIONS } from "./query-api-ops.ts";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/newsgraph_load" },
    duration: { type: "string", default: "60" },
    rounds: { type: "string", default: "1" },
    "no-readme": { type: "boolean", default: false },
  },
});
const databaseUrl = options["database-url"]!;
const duration = Number(options.duration);
const rounds = Number(options.rounds);
const PORT = 4410;
const NORMAL_CONNECTIONS = 48;
const HOSTILE_CONNECTIONS = 2;
const HOSTILE_SHARE = 0.05;
const CLIENTS = 1_000;
const WARM_UP_SECONDS = 15;

interface Pools {
  articles: number[];
  places: string[];
  persons: string[];
}

async function loadPools(): Promise<Pools & { sharedBuffers: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sharedBuffers = await settleDatabase(client);
    const articles = await client.query<{ id: number }>(`
      SELECT a.id FROM "Article" a WHERE a."isStub" = FALSE AND a.language = 'en'
        AND EXISTS (SELECT 1 FROM "PersonMention" m WHERE m."articleId" = a.id)
      ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 200`);
    const places = await client.query<{ slug: string }>(`
      SELECT p.slug FROM "Place" p JOIN "PlaceMention" m ON m."placeId" = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 30`);
    const persons = await client.query<{ slug: string }>(`
      SELECT p.slug FROM "Person" p JOIN "PersonMention" m ON m."personId" = p.id GROUP BY p.id ORDER BY count(*) DESC LIMIT 30`);
    if (articles.rows.length < 10) throw new Error(`Too few articles in ${databaseUrl}: load the KCNA corpus first (see the header of bench/load.ts).`);
    return {
      articles: articles.rows.map((row) => row.id),
      places: places.rows.map((row) => row.slug),
      persons: persons.rows.map((row) => row.slug),
      sharedBuffers,
    };
  } finally {
    await client.end();
  }
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;
const forwardedFor = () => `10.${Math.floor(Math.random() * 4)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * (CLIENTS / 4))}`;

function normalRequest(pools: Pools): { body: string; headers: Record<string, string> } {
  const articleId = pick(pools.articles);
  const params: BenchParams = {
    articleId,
    articleGlobalId: encodeGlobalId("Article", articleId),
    placeSlug: pick(pools.places),
    personSlug: pick(pools.persons),
  };
  return { body: JSON.stringify(pick(OPERATIONS).graphql(params)), headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor() } };
}

const nest = (levels: string[], leaf: string) => levels.reduceRight((inner, level) => `${level} { ${inner} }`, leaf);

/** What a hostile or careless client sends: each is refused before any SQL. */
const HOSTILE_BODIES: string[] = [
  JSON.stringify({
    query: `{ ${nest(["articles(first: 100)", "edges", "node", "related(first: 100)", "article", "related(first: 100)", "article", "related(first: 100)", "article"], "title")} }`,
  }),
  JSON.stringify({
    query: `{ ${nest(["persons(first: 100)", "edges", "node", "articles(first: 100)", "edges", "node", "persons(first: 100)", "edges", "node", "articles(first: 100)", "edges", "node"], "title")} }`,
  }),
  JSON.stringify({
    query: `{ ${nest(["sources(first: 1)", "edges", "node", ...Array.from({ length: 6 }, () => ["articles(first: 1)", "edges", "node", "source"]).flat()], "label")} }`,
  }),
  JSON.stringify({ query: `{ ${Array.from({ length: 500 }, (_, index) => `a${index}: sources(first: 100) { totalCount }`).join(" ")} }` }),
  JSON.stringify({ query: `{ ${Array.from({ length: 20_000 }, () => "__typename").join(" ")} }` }),
  JSON.stringify({ query: "{ sources { totalCount } }", variables: { padding: "x".repeat(200_000) } }),
  '{"query": "{ articles(first: 5) { edges { node { title',
];

function hostileRequest(): { body: string; headers: Record<string, string> } {
  return { body: pick(HOSTILE_BODIES), headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor() } };
}

function startServer(): Promise<ChildProcess> {
  // Exactly as `npm run start:prod` runs it.
  return startUntilReady(scriptCommand("start:prod"), PORT, {
    DATABASE_URL: databaseUrl,
    TRUST_PROXY: "1",
    LOG_LEVEL: "warn",
    SEED_DEMO: "false",
  });
}

interface Run {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

function summarise(result: autocannon.Result): Run {
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = (stats as { count: number }).count;
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

function cannon(
  connections: number,
  request: () => { body: string; headers: Record<string, string> },
  overallRate?: number,
  seconds = duration,
): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${PORT}/graphql`,
    connections,
    duration: seconds,
    timeout: 30,
    ...(overallRate ? { overallRate } : {}),
    requests: [{ method: "POST", setupRequest: (req: autocannon.Request) => ({ ...req, ...request() }) }],
  });
}

/** How long each hostile request takes to be refused on an idle server: median and slowest of 20. */
async function refusalTimes(): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (const body of HOSTILE_BODIES) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
      await response.arrayBuffer();
      times.push(performance.now() - started);
    }
  }
  return { median: Math.round(median(times) * 10) / 10, max: Math.round(Math.max(...times) * 10) / 10 };
}

/** The script's opening comment, up to its usage line, as README text. */
function headerOf(file: string): string {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const usage = lines.findIndex((line) => line.startsWith("//   npx"));
  return lines
    .slice(0, usage)
    .map((line) => line.replace(/^\/\/ ?/, ""))
    .join("\n")
    .trim();
}

const fiveXx = (run: Run) =>
  Object.entries(run.statusCodes)
    .filter(([code]) => code.startsWith("5"))
    .reduce((sum, [, count]) => sum + count, 0);

async function main() {
  console.log("building dist/ (npm run build)");
  execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  const pools = await loadPools();
  const loadBefore = os.loadavg()[0]!;
  console.log(`PostgreSQL shared_buffers ${pools.sharedBuffers}; load average ${loadBefore.toFixed(1)} before`);
  const server = await startServer();
  const idle = memoryMb(server.pid!);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryMb(server.pid!).rss)), 200);
  // What the process's memory is made of, from its own metrics: V8's heap and what lives outside it.
  const heapPeaks: Record<string, number> = {};
  const heapSampler = setInterval(async () => {
    const text = await (await fetch(`http://127.0.0.1:${PORT}/metrics`).catch(() => null))?.text().catch(() => "");
    for (const name of ["nodejs_heap_size_total_bytes", "nodejs_heap_size_used_bytes", "nodejs_external_memory_bytes", "process_resident_memory_bytes"]) {
      const value = Number(new RegExp(`^${name} (\\S+)`, "m").exec(text ?? "")?.[1] ?? 0) / 1024 / 1024;
      heapPeaks[name] = Math.round(Math.max(heapPeaks[name] ?? 0, value));
    }
  }, 1000);

  const refusals = await refusalTimes();
  console.log(`hostile requests on an idle server, ms: ${JSON.stringify(refusals)}`);
  const baselines: Run[] = [];
  const mixed: Run[] = [];
  const hostile: Run[] = [];
  try {
    // Not measured: fills the response cache and PostgreSQL's buffers and lets V8 optimise, so
    // the first measured round is not the only one paying for a cold start.
    console.log(`warm-up: ${NORMAL_CONNECTIONS} connections for ${WARM_UP_SECONDS} s`);
    const warm = summarise(await cannon(NORMAL_CONNECTIONS, () => normalRequest(pools), undefined, WARM_UP_SECONDS));
    let normalRate = warm.requestsPerSecond;
    for (let round = 1; round <= rounds; round++) {
      console.log(`round ${round}: baseline, ${NORMAL_CONNECTIONS} connections for ${duration} s`);
      const baseline = summarise(await cannon(NORMAL_CONNECTIONS, () => normalRequest(pools)));
      baselines.push(baseline);
      normalRate = baseline.requestsPerSecond;
      console.log(`  ${baseline.requestsPerSecond} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms, ${JSON.stringify(baseline.statusCodes)}`);
      // Paced so the hostile requests are 5% of all the mixed round sends.
      const hostileRate = Math.max(1, Math.round((normalRate * HOSTILE_SHARE) / (1 - HOSTILE_SHARE)));
      console.log(`round ${round}: mixed, ${NORMAL_CONNECTIONS} + ${HOSTILE_CONNECTIONS} connections (hostile at ${hostileRate} req/s)`);
      const [normal, bad] = await Promise.all([
        cannon(NORMAL_CONNECTIONS, () => normalRequest(pools)),
        cannon(HOSTILE_CONNECTIONS, hostileRequest, hostileRate),
      ]);
      mixed.push(summarise(normal));
      hostile.push(summarise(bad));
      console.log(
        `  normal ${mixed.at(-1)!.requestsPerSecond} req/s, p50 ${mixed.at(-1)!.p50} ms, p99 ${mixed.at(-1)!.p99} ms, ${JSON.stringify(mixed.at(-1)!.statusCodes)}`,
      );
      console.log(
        `  hostile ${hostile.at(-1)!.requestsPerSecond} req/s, p50 ${hostile.at(-1)!.p50} ms, p99 ${hostile.at(-1)!.p99} ms, ${JSON.stringify(hostile.at(-1)!.statusCodes)}`,
      );
    }
  } finally {
    clearInterval(sampler);
    clearInterval(heapSampler);
  }
  console.log(`peaks (MB): ${JSON.stringify(heapPeaks)}`);
  const final = memoryMb(server.pid!);
  server.removeAllListeners("exit");
  server.kill("SIGTERM");
  const loadAfter = os.loadavg()[0]!;

  const all = [...baselines, ...mixed, ...hostile];
  const ratio = median(mixed.map((run) => run.p99)) / median(baselines.map((run) => run.p99));
  const hostileShare =
    hostile.reduce((sum, run) => sum + run.requests, 0) /
    (hostile.reduce((sum, run) => sum + run.requests, 0) + mixed.reduce((sum, run) => sum + run.requests, 0));
  const summary = {
    fiveXx: all.reduce((sum, run) => sum + fiveXx(run), 0),
    errors: all.reduce((sum, run) => sum + run.errors, 0),
    timeouts: all.reduce((sum, run) => sum + run.timeouts, 0),
    p99Ratio: Math.round(ratio * 100) / 100,
    peakRssMb: Math.round(Math.max(peakRss, final.peak)),
    idleRssMb: Math.round(idle.rss),
    hostileShare: Math.round(hostileShare * 1000) / 10,
  };
  console.log(JSON.stringify(summary));
  const verdict = summary.fiveXx === 0 && summary.errors === 0 && summary.timeouts === 0 && ratio <= 2 && summary.peakRssMb < 400;
  console.log(verdict ? "PASS: 0 5xx, no dropped connections, p99 ratio <= 2, peak RSS < 400 MB" : "FAIL: see the numbers above");

  if (!options["no-readme"]) {
    const row = (label: string, runs: Run[]) =>
      `| ${label} | ${Math.round(median(runs.map((run) => run.requestsPerSecond)))} | ${median(runs.map((run) => run.p50))} | ${median(runs.map((run) => run.p99))} | ${runs
        .map((run) => JSON.stringify(run.statusCodes).replace(/[{}"]/g, "").replace(/,/g, ", "))
        .join("; ")} | ${runs.reduce((sum, run) => sum + run.errors + run.timeouts, 0)} |`;
    const section = [
      "## Serving under load",
      "",
      "```sh",
      "npx tsx bench/load.ts   # --database-url (default newsgraph_load, the KCNA corpus), --duration 60, --rounds 1, --no-readme",
      "```",
      "",
      headerOf(path.join(root, "bench/load.ts")),
      "",
      `Run of ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${rounds} round(s) of ${duration} s, PostgreSQL \`shared_buffers\` ${pools.sharedBuffers}, ` +
        `load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after (autocannon, the server and PostgreSQL share the machine's 2 cores):`,
      "",
      "| run | req/s (median) | p50 ms | p99 ms | status codes | errors + timeouts |",
      "| --- | ---: | ---: | ---: | --- | ---: |",
      row(`normal operations alone (${NORMAL_CONNECTIONS} connections)`, baselines),
      row(`normal operations with the hostile share (${NORMAL_CONNECTIONS} of 50 connections)`, mixed),
      row(`hostile requests (${HOSTILE_CONNECTIONS} of 50 connections, ${summary.hostileShare}% of the mixed rounds' requests)`, hostile),
      "",
      `On the idle server, before the rounds, each hostile request is refused in ${refusals.median} ms (median of 20 each; slowest ${refusals.max} ms). ` +
        `Normal p99 with the hostile share / without: **${summary.p99Ratio}** (target ≤ 2). Responses 5xx: **${summary.fiveXx}**; ` +
        `errors and timeouts (dropped connections): **${summary.errors + summary.timeouts}**. Server RSS ${summary.idleRssMb} MB when ready, ` +
        `peak **${summary.peakRssMb} MB** (target < 400). ${verdict ? "Every target met." : "NOT every target met."}`,
      "",
    ].join("\n");
    const readmePath = path.join(root, "bench/README.md");
    const readme = fs.readFileSync(readmePath, "utf8");
    const start = readme.indexOf("## Serving under load");
    const end = start >= 0 ? readme.indexOf("\n## ", start + 1) : -1;
    const next = start < 0 ? `${readme.trimEnd()}\n\n${section}` : `${readme.slice(0, start)}${section}${end >= 0 ? readme.slice(end + 1) : ""}`;
    fs.writeFileSync(readmePath, next);
    console.log("wrote the Serving under load section of bench/README.md");
  }
  process.exit(verdict ? 0 : 1);
}

await main();
