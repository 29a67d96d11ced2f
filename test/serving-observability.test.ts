// Health, readiness, Prometheus metrics and the JSON log line of each operation, as an operator
// reads them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/database.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { factories } from "./helpers/factories.ts";
import { graphql } from "./generated/gql.ts";
import { expectError } from "./helpers/errors.ts";

const ObservedSources = graphql(`
  query ObservedSources {
    sources(first: 5) { totalCount edges { node { label articles(first: 2) { edges { node { title } } } } } }
  }
`);

/** One sample of the Prometheus text: the value of `name` with exactly these labels. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "")
      .split(/,(?=[a-zA-Z_]+=")/)
      .filter(Boolean)
      .sort()
      .join(",");
    if (have === wanted) return Number(match[3]);
  }
  return null;
}

describe("health, readiness and metrics endpoints", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ serving: { rateLimitPerMinute: 30 } });
    const make = factories(t.db.prisma);
    const source = await make.source({ label: "KCNA (En)" });
    await make.article({ sourceId: source.id, title: "One" });
  });
  afterAll(() => t.destroy());

  it("answers /health and /ready with 200 once migrated", async () => {
    expect((await t.fetch("/health")).status).toBe(200);
    const ready = await t.fetch("/ready");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("serves Prometheus text with duration, cost, statements, errors, refusals and the process", async () => {
    const answered = await t.execute(ObservedSources);
    expect(answered.errors).toBeUndefined();
    await t.post({ query: "{ nope }" });
    await t.post({ query: "{ articles(first: 100) { edges { node { title } } } }" }); // 100 points: over this app's 30 a minute

    const response = await t.fetch("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(sample(text, "newsgraph_graphql_request_duration_seconds_count", { operation: "ObservedSources", status: "200", cache: "none" })).toBe(1);
    expect(sample(text, "newsgraph_operation_cost_sum", { operation: "ObservedSources" })).toBe(
      answered.extensions?.cost && (answered.extensions.cost as { requested: number }).requested,
    );
    // Sources, their articles: two statements at least (and a small, bounded number at most).
    const statements = sample(text, "newsgraph_sql_statements_per_request_sum", { operation: "ObservedSources" });
    expect(statements).toBeGreaterThanOrEqual(2);
    expect(statements).toBeLessThanOrEqual(6);
    expect(sample(text, "newsgraph_graphql_errors_total", { code: "GRAPHQL_VALIDATION_FAILED" })).toBe(1);
    expect(sample(text, "newsgraph_graphql_errors_total", { code: "RATE_LIMITED" })).toBe(1);
    expect(sample(text, "newsgraph_requests_refused_total", { reason: "rate_limited" })).toBe(1);
    expect(sample(text, "graphql_envelop_phase_execute_count", { operationName: "ObservedSources", operationType: "query" })).toBe(1);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    if (t.db.config.kind === "postgres") {
      for (const state of ["in_use", "idle", "waiting"]) expect(sample(text, "newsgraph_db_pool_connections", { state })).not.toBeNull();
    }
  });

  it("keeps client-chosen operation names from growing the series without bound", async () => {
    for (let index = 0; index < 210; index++) await t.post({ query: `query Spam${index} { __typename }` }, {}, { clientAddress: `10.1.0.${index}` });
    const text = await (await t.fetch("/metrics")).text();
    const operations = new Set([...text.matchAll(/newsgraph_graphql_request_duration_seconds_count\{[^}]*operation="([^"]+)"/g)].map((match) => match[1]));
    expect(operations.size).toBeLessThanOrEqual(201);
    expect(operations).toContain("other");
  });
});

describe("readiness before the service can serve", () => {
  it("says 503 with the reason during start-up, and GraphQL answers SERVICE_UNAVAILABLE", async () => {
    const t = await createTestApp({ startup: { ready: false, reason: "applying migrations" } });
    try {
      const ready = await t.fetch("/ready");
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", reason: "applying migrations" });
      t.resetStatements();
      const refused = await t.post({ query: "{ sources { totalCount } }" }, { accept: "application/graphql-response+json" });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
      expectError(body, { code: "SERVICE_UNAVAILABLE" });
      expect(t.statements).toEqual([]);
    } finally {
      await t.destroy();
    }
  });

  it("says 503 naming the migrations a database lacks", async () => {
    // An empty database, never migrated (in memory: nothing to drop afterwards).
    const db = await openDatabase({ kind: "pglite-memory" });
    const t = await createTestApp({ database: { db, statements: [], resetStatements: () => {}, destroy: () => db.close() } });
    try {
      const ready = await t.fetch("/ready");
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { status: string; reason: string };
      expect(body.status).toBe("unavailable");
      expect(body.reason).toMatch(/^migrations not applied: \d{14}_init/);
    } finally {
      await t.destroy();
      await db.close();
    }
  });
});

describe("the log line of each operation", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await factories(t.db.prisma).source({ label: "KCNA (En)" });
  });
  afterAll(() => t.destroy());

  it("names the request id, operation, duration, cost, statements and status", async () => {
    t.resetStatements();
    const response = await t.post({ query: "query LoggedSources { sources { totalCount } }" }, { "x-request-id": "trace-1234" });
    expect(response.headers.get("x-request-id")).toBe("trace-1234");
    const line = t.logs.find((entry) => entry.requestId === "trace-1234");
    expect(line).toMatchObject({
      level: "info",
      msg: "operation",
      method: "POST",
      operationName: "LoggedSources",
      operationType: "query",
      status: 200,
      cost: 1,
      service: "newsgraph",
    });
    // The tally is the statements the database saw for this request.
    expect(line?.statements).toBeGreaterThan(0);
    expect(line?.statements).toBe(t.statements.length);
    expect(line?.durationMs).toEqual(expect.any(Number));
    expect(typeof line?.time).toBe("string");
  });

  it("gives a request without a usable id a new one, and logs error codes", async () => {
    const response = await t.post({ query: "{ nope }" }, { "x-request-id": "not an id\u0000" });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.logs.find((entry) => entry.requestId === id)).toMatchObject({ status: 200, errors: ["GRAPHQL_VALIDATION_FAILED"] });
  });

  it("warns of slow operations", async () => {
    const slow = await createTestApp({ database: t, serving: { slowOperationMs: 1 } });
    try {
      const response = await slow.post({ query: "query SlowSources { sources { edges { node { label articles { totalCount } } } } }" });
      const id = response.headers.get("x-request-id");
      expect(slow.logs.find((entry) => entry.requestId === id)).toMatchObject({
        level: "warn",
        msg: "slow operation",
        slow: true,
        operationName: "SlowSources",
      });
    } finally {
      await slow.destroy();
    }
  });
});
