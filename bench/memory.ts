// Memory of the two ways to serve: `npm start` (tsx runs the TypeScript sources) and
// `npm run start:prod` (plain Node on the compiled dist/), each on the embedded database in
// memory with the demo corpus and on PostgreSQL with the KCNA corpus. For each, three rounds
// alternating which goes first: RSS once ready, then peak RSS (VmHWM) after `--duration` seconds
// of an article list under autocannon. Medians go to the "Memory: npm start and start:prod"
// section of bench/README.md.
//
//   npx tsx bench/memory.ts [--database-url URL] [--duration 15] [--rounds 3] [--no-readme]
import { type ChildProcess, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { median, memoryMb, root, scriptCommand, startUntilReady } from "./harness.ts";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/newsgraph_load" },
    duration: { type: "string", default: "15" },
    rounds: { type: "string", default: "3" },
    "no-readme": { type: "boolean", default: false },
  },
});
const duration = Number(options.duration);
const rounds = Number(options.rounds);
const PORT = 4411;

interface Variant {
  name: string;
  command: string[];
  env: Record<string, string>;
}

// Each script as npm runs it (harness.ts).
const embedded = { PGLITE_DIR: ":memory:", DATABASE_URL: "" };
const postgres = { DATABASE_URL: options["database-url"]!, SEED_DEMO: "false" };
const VARIANTS: Variant[] = [
  { name: "npm start, embedded PGlite in memory, demo corpus", command: scriptCommand("start"), env: embedded },
  {
    name: "npm run start:prod, embedded PGlite in memory, demo corpus",
    command: scriptCommand("start:prod"),
    env: { ...embedded, SEED_DEMO: "true" },
  },
  { name: "npm start, PostgreSQL, KCNA corpus", command: scriptCommand("start"), env: postgres },
  { name: "npm run start:prod, PostgreSQL, KCNA corpus", command: scriptCommand("start:prod"), env: postgres },
];

/** The process that serves: tsx starts Node as a child, so it is the newest descendant named node. */
function servingPid(child: ChildProcess): number {
  const children = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  return children.length > 0 ? children.at(-1)! : child.pid!;
}

function start(variant: Variant): Promise<ChildProcess> {
  return startUntilReady(variant.command, PORT, { LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0", ...variant.env });
}

async function measure(variant: Variant): Promise<{ readyMb: number; peakMb: number; requestsPerSecond: number }> {
  const child = await start(variant);
  const pid = servingPid(child);
  const readyMb = memoryMb(pid).rss;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}/graphql`,
    connections: 10,
    duration,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "{ articles(first: 20) { totalCount edges { node { title source { label } persons { person { name } } places { place { name } } } } } }",
    }),
  });
  const peakMb = memoryMb(pid).peak;
  child.removeAllListeners("exit");
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
  return { readyMb: Math.round(readyMb), peakMb: Math.round(peakMb), requestsPerSecond: Math.round(result.requests.average) };
}

execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
const loadBefore = os.loadavg()[0]!;
const results = new Map<string, { readyMb: number; peakMb: number; requestsPerSecond: number }[]>(VARIANTS.map((variant) => [variant.name, []]));
for (let round = 0; round < rounds; round++) {
  // Reversed every other round, so neither side of a pair always runs on a warmer machine.
  const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
  for (const variant of order) {
    const measured = await measure(variant);
    results.get(variant.name)!.push(measured);
    console.log(`round ${round + 1} ${variant.name}: ${JSON.stringify(measured)}`);
  }
}
const loadAfter = os.loadavg()[0]!;

const rows = VARIANTS.map((variant) => {
  const runs = results.get(variant.name)!;
  return `| ${variant.name} | ${median(runs.map((run) => run.readyMb))} | ${median(runs.map((run) => run.peakMb))} | ${median(runs.map((run) => run.requestsPerSecond))} |`;
});
const peakOf = (index: number) => median(results.get(VARIANTS[index]!.name)!.map((run) => run.peakMb));
const ratioLine = (label: string, dev: number, prod: number) =>
  `${label}: start:prod peaks at **${prod} MB**, ${Math.round((prod / dev) * 100)}% of npm start's ${dev} MB.`;
const section = [
  "## Memory: npm start and start:prod",
  "",
  "```sh",
  "npx tsx bench/memory.ts   # --duration 15, --rounds 3, --no-readme",
  "```",
  "",
  fs
    .readFileSync(path.join(root, "bench/memory.ts"), "utf8")
    .split("\n")
    .slice(0, 6)
    .map((line) => line.replace(/^\/\/ ?/, ""))
    .join("\n"),
  "",
  `Run of ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${rounds} rounds of ${duration} s at 10 connections, load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after:`,
  "",
  "| how | RSS when ready, MB | peak RSS under load, MB | req/s |",
  "| --- | ---: | ---: | ---: |",
  ...rows,
  "",
  `${ratioLine("Embedded", peakOf(0), peakOf(1))} ${ratioLine("PostgreSQL", peakOf(2), peakOf(3))} (Medians.)`,
  "",
].join("\n");
console.log(section);
if (!options["no-readme"]) {
  const readmePath = path.join(root, "bench/README.md");
  const readme = fs.readFileSync(readmePath, "utf8");
  const begin = readme.indexOf("## Memory: npm start and start:prod");
  const end = begin >= 0 ? readme.indexOf("\n## ", begin + 1) : -1;
  fs.writeFileSync(readmePath, begin < 0 ? `${readme.trimEnd()}\n\n${section}` : `${readme.slice(0, begin)}${section}${end >= 0 ? readme.slice(end + 1) : ""}`);
}
