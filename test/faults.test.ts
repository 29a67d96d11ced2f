// What the real server process does when its database fails: PostgreSQL down at start, PostgreSQL
// restarted under load, and a second process on a PGlite directory already in use. Each test
// spawns `tsx src/cli.ts serve` and talks HTTP to it, as a load balancer and clients would. The
// PostgreSQL is a private cluster this file creates on a port of its own (helpers/private-postgres.ts),
// never the machine's own server: these tests stop and crash it.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type PrivatePostgres, type StopMode, createPrivatePostgres, postgresAvailability } from "./helpers/private-postgres.ts";
import { expectError } from "./helpers/errors.ts";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

/** A client gives up after this long: a request still open then counts as hung. */
const CLIENT_TIMEOUT_MS = 15_000;
const SOURCES_QUERY = "{ sources { totalCount } }";

// ---------------------------------------------------------------------------------------------
// The server process

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface ServerProcess {
  readonly child: ChildProcess;
  /** Every stdout line so far, parsed; a line that is not JSON is kept with level "raw". */
  readonly logs: LogLine[];
  stderr(): string;
  alive(): boolean;
  waitForLog(what: string, test: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  waitForExit(timeoutMs: number): Promise<Exit>;
  /** The base URL, once the "listening on port N" line is out. */
  baseUrl(timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

const spawned = new Set<ServerProcess>();

function parseLine(text: string): LogLine {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && "msg" in parsed && "level" in parsed) return parsed as LogLine;
  } catch {
    // Not pino's: keep it for the failure message.
  }
  return { level: "raw", msg: text };
}

/** The environment of a server: ours only, none of the caller's database or Redis settings. */
function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "PGLITE_DIR", "REDIS_URL", "WEB_CONCURRENCY", "PORT", "TEST_DATABASE_URL", "NODE_ENV"]) delete env[name];
  return { ...env, PORT: "0", LOG_LEVEL: "info", SEED_DEMO: "false", ...settings };
}

function startServer(settings: Record<string, string>): ServerProcess {
  // Its own process group: tsx runs the server in a child process, and a forced stop must reach it.
  const child = spawn(tsx, ["src/cli.ts", "serve"], { cwd: root, env: serverEnv(settings), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const logs: LogLine[] = [];
  let pending = "";
  let stderr = "";
  let exit: Exit | null = null;
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) logs.push(parseLine(line));
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    }),
  );
  const describeState = () => `stdout:\n${logs.map((line) => JSON.stringify(line)).join("\n")}\nstderr:\n${stderr}`;

  const server: ServerProcess = {
    child,
    logs,
    stderr: () => stderr,
    alive: () => exit === null,
    async waitForLog(what, test, timeoutMs = 60_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const found = logs.find(test);
        if (found) return found;
        if (exit) throw new Error(`the server exited (${JSON.stringify(exit)}) before logging ${what}\n${describeState()}`);
        if (performance.now() > deadline) throw new Error(`no log line ${what} within ${timeoutMs} ms\n${describeState()}`);
        await sleep(50);
      }
    },
    async waitForExit(timeoutMs) {
      const timeout = sleep(timeoutMs).then(() => null);
      const result = await Promise.race([exited, timeout]);
      if (!result) throw new Error(`the server did not exit within ${timeoutMs} ms\n${describeState()}`);
      return result;
    },
    async baseUrl(timeoutMs = 60_000) {
      const line = await server.waitForLog('"listening on port N"', (entry) => /^listening on port \d+/.test(entry.msg), timeoutMs);
      return `http://127.0.0.1:${/^listening on port (\d+)/.exec(line.msg)![1]}`;
    },
    async stop() {
      spawned.delete(server);
      if (exit || child.pid === undefined) return;
      // SIGTERM to tsx, which relays it: the server finishes its requests and closes the database.
      child.kill("SIGTERM");
      const stopped = await Promise.race([exited, sleep(10_000).then(() => null)]);
      if (!stopped) {
        process.kill(-child.pid, "SIGKILL");
        await exited;
      }
    },
  };
  spawned.add(server);
  return server;
}

const isReadyLine = (line: LogLine) => /GraphiQL at http:\/\/localhost:\d+\/graphql/.test(line.msg);

// ---------------------------------------------------------------------------------------------
// HTTP

interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorBody[];
}

type Outcome =
  | { kind: "response"; status: number; text: string; body: GraphQLBody; ms: number }
  | { kind: "hung"; ms: number }
  | { kind: "network"; message: string; ms: number };

function parseBody(text: string): GraphQLBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as GraphQLBody) : {};
  } catch {
    return {};
  }
}

/** POSTs a query; a request past the client timeout is "hung", a broken connection "network". */
async function graphql(baseUrl: string, query: string): Promise<Outcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      // The GraphQL-over-HTTP media type: its status codes say what happened (503, not 200).
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const text = await response.text();
    return { kind: "response", status: response.status, text, body: parseBody(text), ms: ms() };
  } catch (error) {
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") return { kind: "hung", ms: ms() };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: "network", message: `${(error as Error).message}: ${cause?.code ?? cause?.message ?? ""}`, ms: ms() };
  }
}

async function getReady(baseUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
  const body: unknown = await response.json();
  return { status: response.status, body: body && typeof body === "object" ? (body as Record<string, unknown>) : {} };
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check().catch(() => false)) return Math.round(performance.now() - started);
    if (performance.now() - started > timeoutMs) throw new Error(`${what} not within ${timeoutMs} ms`);
    await sleep(200);
  }
}

const succeeded = (outcome: Outcome) =>
  outcome.kind === "response" && outcome.status === 200 && !outcome.body.errors && outcome.body.data !== null && outcome.body.data !== undefined;

// The only errors a database failure may surface as: coded, worded by us, nothing from the driver.
const CODED_MESSAGES: Record<string, RegExp> = {
  SERVICE_UNAVAILABLE: /^The database is not answering; retry in a few seconds\.$/,
  DEADLINE_EXCEEDED: /^The operation did not finish within its deadline of \d+ ms\. Ask for less, or retry later\.$/,
};
/** Words of pg, Prisma or Node that must never reach a client, and the shape of a stack frame. */
const LEAKS = /\bat .+:\d+:\d+|stacktrace|originalError|ECONN|EPIPE|terminat|Connection|prisma|driver|adapter|57P0|SQLSTATE|127\.0\.0\.1/i;

/** Why an outcome is not an acceptable answer from a server whose database is failing; null if it is. */
function faultProblem(outcome: Outcome): string | null {
  if (outcome.kind === "hung") return `hung for ${outcome.ms} ms`;
  if (outcome.kind === "network") return `connection broke: ${outcome.message}`;
  if (outcome.status !== 200 && outcome.status !== 503) return `HTTP ${outcome.status}: ${outcome.text}`;
  if (LEAKS.test(outcome.text)) return `internals in the answer: ${outcome.text}`;
  for (const error of outcome.body.errors ?? []) {
    const code = String(error.extensions?.code);
    const wording = CODED_MESSAGES[code];
    if (!wording) return `error coded ${code}: ${outcome.text}`;
    if (!wording.test(error.message)) return `unexpected wording for ${code}: ${outcome.text}`;
  }
  if (!outcome.body.errors && outcome.status !== 200) return `HTTP ${outcome.status} without errors: ${outcome.text}`;
  if (!outcome.body.errors && !outcome.body.data) return `neither data nor errors: ${outcome.text}`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Load

interface Load {
  readonly outcomes: Array<Outcome & { startedAt: number }>;
  stop(): Promise<void>;
}

/**
 * `concurrency` clients sending queries back to back. Each document carries its own alias, so the
 * response cache (on, as in production) never answers: every request reaches the database.
 */
function startLoad(baseUrl: string, concurrency: number): Load {
  const outcomes: Load["outcomes"] = [];
  let running = true;
  let sent = 0;
  const client = async () => {
    while (running) {
      const startedAt = performance.now();
      const id = sent++;
      const query = id % 2 === 0 ? `{ q${id}: sources { totalCount } }` : `{ q${id}: articles(first: 5) { totalCount edges { node { id title } } } }`;
      outcomes.push({ ...(await graphql(baseUrl, query)), startedAt });
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

/** True once the last `count` requests that started after `since` all succeeded. */
function recoveredSince(load: Load, since: number, count: number): boolean {
  const after = load.outcomes.filter((outcome) => outcome.startedAt >= since);
  return after.length >= count && after.slice(-count).every(succeeded);
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every server this file spawned, even when a test failed half-way.

afterEach(async () => {
  await Promise.all([...spawned].map((server) => server.stop()));
});

// ---------------------------------------------------------------------------------------------

const availability = postgresAvailability();
const postgresTitle = availability.available ? "when PostgreSQL fails" : `when PostgreSQL fails (skipped: ${availability.reason})`;
// The reporter folds skipped suites away; say why once, where the run's output shows it.
if (!availability.available) console.warn(`test/faults.test.ts: skipping the PostgreSQL fault tests: ${availability.reason}`);

describe.skipIf(!availability.available)(postgresTitle, () => {
  let pg: PrivatePostgres | undefined;

  beforeAll(async () => {
    pg = await createPrivatePostgres();
  });

  afterAll(async () => {
    await Promise.all([...spawned].map((server) => server.stop()));
    await pg?.destroy();
  });

  const cluster = (): PrivatePostgres => {
    if (!pg) throw new Error("the private PostgreSQL was not created");
    return pg;
  };

  it("PostgreSQL down at start: listens, answers 503 and SERVICE_UNAVAILABLE, says what to check, then serves once it is up", async () => {
    const db = cluster();
    await db.stop({ mode: "immediate" });
    const server = startServer({ DATABASE_URL: db.url });
    const baseUrl = await server.baseUrl();

    // The operator's hint: which server, what to check, and that it goes on trying.
    const warning = await server.waitForLog("warning about the database", (line) => line.level === "warn" && /retrying/.test(line.msg));
    expect(warning.msg).toContain(`127.0.0.1:${db.port}`);
    expect(warning.msg).toMatch(/connection refused\. Check that the server is running/);

    // A load balancer sees 503 with a reason, one that names no host (/ready is often public).
    const ready = await getReady(baseUrl);
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe("unavailable");
    expect(ready.body.reason).toEqual(expect.stringMatching(/\S/));
    expect(String(ready.body.reason)).not.toContain(String(db.port));

    // A client gets a coded refusal at once: not a hang until a pool timeout, not a 500.
    const refused = await graphql(baseUrl, SOURCES_QUERY);
    expect(faultProblem(refused)).toBeNull();
    if (refused.kind !== "response") throw new Error("unreachable");
    expect(refused.status).toBe(503);
    expectError(refused.body, { code: "SERVICE_UNAVAILABLE" });
    expect(refused.ms).toBeLessThan(5_000);

    // PostgreSQL arrives: the retry loop migrates and the same process turns ready.
    await db.start();
    await waitUntil("/ready answering 200", async () => (await getReady(baseUrl)).status === 200, 20_000);
    await server.waitForLog("the ready line", isReadyLine, 5_000);
    const answered = await graphql(baseUrl, SOURCES_QUERY);
    expect(answered.kind === "response" && answered.body.data).toEqual({ sources: { totalCount: expect.any(Number) } });
    expect(server.alive()).toBe(true);
  }, 120_000);

  /** Each restart test's server log, for the logging test after them. */
  const restartLogs = new Map<StopMode, LogLine[]>();

  it.each<StopMode>(["fast", "immediate"])(
    "PostgreSQL restarted under load (pg_ctl restart -m %s): no request hangs, failures are coded, the pool recovers",
    async (mode) => {
      const db = cluster();
      await db.start();
      const server = startServer({ DATABASE_URL: db.url });
      restartLogs.set(mode, server.logs);
      const baseUrl = await server.baseUrl();
      await server.waitForLog("the ready line", isReadyLine);
      expect(succeeded(await graphql(baseUrl, SOURCES_QUERY))).toBe(true);

      const load = startLoad(baseUrl, 8);
      try {
        // Let the pool fill with live connections, so the restart breaks some in use and some idle.
        await sleep(1_500);
        const before = db.pid();
        await db.restart({ mode });
        const restartedAt = performance.now();
        expect(db.pid()).not.toBe(before);
        await waitUntil("16 successes in a row after the restart", async () => recoveredSince(load, restartedAt, 16), 20_000);
      } finally {
        await load.stop();
      }

      const problems = load.outcomes.map(faultProblem).filter((problem): problem is string => problem !== null);
      // The count and the first few, so a failure shows what went wrong without thousands of lines.
      expect({ count: problems.length, first: problems.slice(0, 5) }).toEqual({ count: 0, first: [] });
      console.info(summarize(mode, load));

      // The same process serves again, from the same (recovered) pool, and never logged a crash.
      expect(server.alive()).toBe(true);
      expect((await getReady(baseUrl)).status).toBe(200);
      const after = await Promise.all(Array.from({ length: 8 }, () => graphql(baseUrl, SOURCES_QUERY)));
      expect(after.filter((outcome) => !succeeded(outcome))).toEqual([]);
      expect(server.logs.filter((line) => line.level === "fatal" || line.level === "raw")).toEqual([]);
    },
    120_000,
  );

  // Separate from the tests above so that a logging fault does not hide how clients were served.
  // A restart is an expected event: the service logs each failed request once, as a warning with
  // its request id ("database failure", yoga.ts); error level is kept for bugs, which page people.
  it("logs the failures of a restart as warnings, not as errors", () => {
    expect([...restartLogs.keys()]).toEqual(["fast", "immediate"]);
    for (const [mode, logs] of restartLogs) {
      const errors = logs.filter((line) => line.level === "error");
      expect({ mode, errors: errors.length, first: errors.slice(0, 2).map((line) => ({ component: line.component, msg: line.msg })) }).toEqual({
        mode,
        errors: 0,
        first: [],
      });
      expect(logs.some((line) => line.level === "warn" && line.msg === "database failure")).toBe(true);
    }
  });
});

/** One line for the test output: how many requests, how they failed, how slow the slowest was. */
function summarize(mode: StopMode, load: Load): string {
  const byStatus = new Map<string, number>();
  for (const outcome of load.outcomes) {
    const key =
      outcome.kind !== "response" ? outcome.kind : succeeded(outcome) ? "ok" : `${outcome.status} ${String(outcome.body.errors?.[0]?.extensions?.code)}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  const slowest = Math.max(...load.outcomes.map((outcome) => outcome.ms));
  return `restart -m ${mode}: ${load.outcomes.length} requests (${[...byStatus].map(([key, count]) => `${key}: ${count}`).join(", ")}), slowest ${slowest} ms`;
}

describe("a second process on the same PGlite directory", () => {
  const dirs: string[] = [];

  afterAll(async () => {
    await Promise.all([...spawned].map((server) => server.stop()));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The process group of a pid, from /proc: tells which spawned server a pid belongs to. */
  const processGroupOf = (pid: number): number | null => {
    try {
      // Fields after the parenthesised command name: state, ppid, pgrp.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
    } catch {
      return null;
    }
  };

  it("exits at once with a message naming the directory and the other process, and the first keeps serving", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-pglite-"));
    dirs.push(dataDir);
    const settings = { DATABASE_URL: "", PGLITE_DIR: dataDir };
    const first = startServer(settings);
    const baseUrl = await first.baseUrl(90_000);
    // A new PGlite directory takes seconds to create, many more on a busy machine.
    await first.waitForLog("the ready line", isReadyLine, 90_000);
    const owner = Number.parseInt(fs.readFileSync(path.join(dataDir, "newsgraph.lock"), "utf8"), 10);
    // The lock's pid is the server node process, tsx's child, so in the first server's group.
    expect(processGroupOf(owner)).toBe(first.child.pid);

    const started = performance.now();
    const second = startServer(settings);
    const exit = await second.waitForExit(30_000);
    const tookMs = performance.now() - started;

    expect(exit.code).toBe(1);
    expect(tookMs).toBeLessThan(20_000);
    expect(second.stderr().trim()).toBe(
      `newsgraph: The embedded database in ${dataDir} is open in another newsgraph process (pid ${owner}). ` +
        "Stop that process, or give this one its own PGLITE_DIR (or DATABASE_URL for a shared PostgreSQL).",
    );
    expect(second.stderr()).not.toMatch(/\n\s+at /);
    expect(second.logs.filter((line) => line.level !== "raw" && /listening on port/.test(line.msg))).toEqual([]);

    // The refused process took nothing from the first: lock, data, serving.
    expect(fs.readFileSync(path.join(dataDir, "newsgraph.lock"), "utf8").trim()).toBe(String(owner));
    expect(first.alive()).toBe(true);
    expect((await getReady(baseUrl)).status).toBe(200);
    const answered = await graphql(baseUrl, SOURCES_QUERY);
    expect(answered.kind === "response" && answered.body.data).toEqual({ sources: { totalCount: 0 } });
  }, 120_000);
});
