// Deadlines: a request that cannot finish in time (here: its table is locked by another
// session) answers DEADLINE_EXCEEDED at its deadline instead of hanging, and on PostgreSQL the
// statement is cancelled by statement_timeout so its connection goes back to the pool while the
// lock is still held.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/database.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import type { TestDatabase } from "./helpers/database.ts";
import { factories } from "./helpers/factories.ts";
import { expectSomeError } from "./helpers/errors.ts";

const DEADLINE_MS = 300;
const QUERY = "{ articles(first: 3) { totalCount edges { node { title } } } }";

interface Lock {
  release(): Promise<void>;
}

/** Holds an exclusive lock on "Article" from another session until released. */
async function lockArticles(t: TestApp): Promise<Lock> {
  const config = t.db.config;
  if (config.kind === "postgres") {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    await client.query('BEGIN; LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE');
    return {
      async release() {
        await client.query("ROLLBACK");
        await client.end();
      },
    };
  }
  // PGlite is one session: a transaction that stays open keeps every other statement waiting.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const transaction = t.db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE');
      locked();
      await released;
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  await isLocked;
  return {
    async release() {
      release();
      await transaction;
    },
  };
}

type Body = { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };

describe("a request past its deadline", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ serving: { requestTimeoutMs: DEADLINE_MS } });
    const make = factories(t.db.prisma);
    const source = await make.source();
    await make.article({ sourceId: source.id, title: "Before the lock" });
  });
  afterAll(() => t.destroy());

  it("answers DEADLINE_EXCEEDED while the database is still busy, then serves again", async () => {
    const lock = await lockArticles(t);
    let body: Body;
    let response: Response;
    try {
      // The lock is released only after the answer: a request that waited for the database
      // instead of its deadline would hang here until the test times out.
      response = await t.post({ query: QUERY }, { accept: "application/graphql-response+json" });
      body = (await response.json()) as Body;
    } finally {
      await lock.release();
    }
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("1");
    expectSomeError(body, { code: "DEADLINE_EXCEEDED", message: new RegExp(`deadline of ${DEADLINE_MS} ms`) });
    expect(t.logged).toEqual([]);

    const after = (await (await t.post({ query: QUERY })).json()) as Body;
    expect(after).toMatchObject({ data: { articles: { totalCount: 1 } } });
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("statement_timeout on PostgreSQL", () => {
  let base: TestApp;
  let t: TestApp;
  let narrow: TestDatabase;
  beforeAll(async () => {
    base = await createTestApp();
    const make = factories(base.db.prisma);
    await make.article({ sourceId: (await make.source()).id });
    // One connection, so a request still holding it would leave none for the next.
    const config = base.db.config;
    if (config.kind !== "postgres") throw new Error("TEST_DATABASE_URL is set, so the test database is PostgreSQL");
    const db = await openDatabase({ ...config, poolSize: 1, statementTimeoutMs: DEADLINE_MS });
    narrow = { db, statements: [], resetStatements: () => {}, destroy: () => db.close() };
    t = await createTestApp({ database: narrow, serving: { requestTimeoutMs: DEADLINE_MS } });
  });
  afterAll(async () => {
    await t.destroy();
    await narrow.destroy();
    await base.destroy();
  });

  it("cancels the statement, so its connection is free again while the lock is held", async () => {
    const lock = await lockArticles(base);
    try {
      const first = (await (await t.post({ query: QUERY })).json()) as Body;
      expectSomeError(first, { code: "DEADLINE_EXCEEDED" });
      // A statement that is not past its own timeout would keep the only connection: wait for
      // the server to cancel it; then no connection is in use and nobody waits for one.
      const inUse = () => {
        const stats = t.db.poolStats()!;
        return { inUse: stats.total - stats.idle, waiting: stats.waiting };
      };
      await expect.poll(inUse, { timeout: 5_000 }).toEqual({ inUse: 0, waiting: 0 });
      const second = (await (await t.post({ query: QUERY })).json()) as Body;
      expectSomeError(second, { code: "DEADLINE_EXCEEDED" });
    } finally {
      await lock.release();
    }
    const after = (await (await t.post({ query: QUERY })).json()) as Body;
    expect(after).toMatchObject({ data: { articles: { totalCount: 1 } } });
  });
});
