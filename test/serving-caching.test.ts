// Caching: GET queries carry Cache-Control by what they hold and a strong ETag of their content
// (If-None-Match answers 304); the response cache answers repeated queries without SQL, and an
// article ingested afterwards (in this process, by the command line in another process, on
// every instance sharing Redis) shows in cached lists within 2 seconds.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../src/ingest/command.ts";
import { createMemoryResponseCache } from "../src/serving/memory-response-cache.ts";
import { ENTITY_MAX_AGE_SECONDS, LIST_MAX_AGE_SECONDS } from "../src/serving/http-caching.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { REDIS_URL, useTestRedis } from "./helpers/redis.ts";
import { factories } from "./helpers/factories.ts";
import { captureIO } from "./helpers/ingest.ts";

const root = path.resolve(import.meta.dirname, "..");
const VISIBLE_WITHIN_MS = 2_000;

const LIST = "query CachedList { articles(first: 10) { totalCount edges { node { title } } } }";
const ONE = (slug: string) => `query CachedArticle { article(slug: "${slug}") { title source { label } } }`;

const getUrl = (query: string) => `/graphql?${new URLSearchParams({ query })}`;
type ListBody = { data: { articles: { totalCount: number; edges: { node: { title: string } }[] } } };

/** A one-record JSON Lines file of a new article, for the ingest command. */
function articleFile(folder: string, title: string): string {
  const file = path.join(folder, `${title.replace(/\W+/g, "-")}.jsonl`);
  const record = {
    source: "KCNA",
    language: "en",
    date: "2026-12-01",
    title,
    url: `http://example.org/${encodeURIComponent(title)}`,
    body: `${title}.\nSecond paragraph.`,
  };
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  return file;
}

async function ingestInProcess(t: TestApp, file: string) {
  const captured = captureIO();
  const code = await runIngest(["--quiet", "--rejects", path.join(path.dirname(file), "rejects.jsonl"), file], captured.io, {
    open: async () => t.db,
    closeWhenDone: false,
  });
  expect(code, captured.stderr()).toBe(0);
}

async function titlesOf(t: TestApp): Promise<string[]> {
  const body = (await (await t.post({ query: LIST })).json()) as ListBody;
  return body.data.articles.edges.map((edge) => edge.node.title);
}

/** An app with the response cache on, one article, and a scratch folder for ingest files. */
function useCachedApp() {
  let app: TestApp | undefined;
  let scratch = "";
  beforeAll(async () => {
    app = await createTestApp({ serving: { responseCache: true } });
    const make = factories(app.db.prisma);
    await make.article({ sourceId: (await make.source({ label: "KCNA (En)" })).id, title: "First article" });
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-cache-"));
  });
  afterAll(async () => {
    await app?.destroy();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  return {
    get app(): TestApp {
      if (!app) throw new Error("the app opens in beforeAll: read it inside a test");
      return app;
    },
    get scratch() {
      return scratch;
    },
  };
}

describe("HTTP caching of GET queries", () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp();
    const make = factories(t.db.prisma);
    const source = await make.source({ label: "KCNA (En)" });
    slug = (await make.article({ sourceId: source.id, title: "Kim Jong Un visits Wonsan" })).slug;
  });
  afterAll(() => t.destroy());

  it("keeps lists briefly and one article longer, with a strong ETag of the content", async () => {
    const list = await t.fetch(getUrl(LIST));
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toBe(`public, max-age=${LIST_MAX_AGE_SECONDS}, stale-while-revalidate=${LIST_MAX_AGE_SECONDS}`);
    expect(list.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
    const etag = list.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    const one = await t.fetch(getUrl(ONE(slug)));
    expect(one.headers.get("cache-control")).toBe(`public, max-age=${ENTITY_MAX_AGE_SECONDS}, stale-while-revalidate=${ENTITY_MAX_AGE_SECONDS}`);
    expect(((await one.json()) as { data: unknown }).data).toEqual({ article: { title: "Kim Jong Un visits Wonsan", source: { label: "KCNA (En)" } } });
    expect(one.headers.get("etag")).not.toBe(etag);
  });

  it("answers 304 without a body to If-None-Match, and 200 once the content changed", async () => {
    const first = await t.fetch(getUrl(LIST));
    const etag = first.headers.get("etag")!;
    const again = await t.fetch(getUrl(LIST));
    expect(again.headers.get("etag")).toBe(etag);

    const notModified = await t.fetch(getUrl(LIST), { headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);

    const make = factories(t.db.prisma);
    await make.article({ sourceId: (await make.source()).id, title: "A later article" });
    const changed = await t.fetch(getUrl(LIST), { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(((await changed.json()) as ListBody).data.articles.totalCount).toBe(2);
  });

  it("marks POST, errors and responses to credentials as not for shared caches", async () => {
    const post = await t.post({ query: LIST });
    expect(post.headers.get("cache-control")).toBe("no-store");
    expect(post.headers.get("etag")).toBeNull();

    const failed = await t.fetch(getUrl("{ article(slug: 1) { title } }"));
    expect(failed.headers.get("cache-control")).toBe("no-store");
    expect(failed.headers.get("etag")).toBeNull();

    const withToken = await t.fetch(getUrl(LIST), { headers: { authorization: "Bearer someone" } });
    expect(withToken.headers.get("cache-control")).toMatch(/^private, max-age=/);
  });
});

describe("the response cache in memory", () => {
  const cached = useCachedApp();

  it("answers a repeated query without SQL, and counts hits and misses", async () => {
    await titlesOf(cached.app);
    cached.app.resetStatements();
    expect(await titlesOf(cached.app)).toEqual(["First article"]);
    expect(cached.app.statements).toEqual([]);
    const metrics = await cached.app.app.metrics.registry.metrics();
    expect(metrics).toMatch(/newsgraph_response_cache_total\{result="hit"\} [1-9]/);
    expect(metrics).toMatch(/newsgraph_response_cache_total\{result="miss"\} [1-9]/);
  });

  it("shows an article ingested afterwards within 2 seconds", async () => {
    expect(await titlesOf(cached.app)).toEqual(["First article"]);
    await ingestInProcess(cached.app, articleFile(cached.scratch, "Ingested while cached"));
    await expect.poll(() => titlesOf(cached.app), { timeout: VISIBLE_WITHIN_MS, interval: 50 }).toContain("Ingested while cached");
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("the response cache, written to by another process", () => {
  const cached = useCachedApp();

  it("shows an article ingested by the command line within 2 seconds", async () => {
    const config = cached.app.db.config;
    if (config.kind !== "postgres") throw new Error("TEST_DATABASE_URL is set, so the test database is PostgreSQL");
    expect(await titlesOf(cached.app)).toEqual(["First article"]);
    const file = articleFile(cached.scratch, "Ingested by another process");
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(
        path.join(root, "node_modules/.bin/tsx"),
        ["src/cli.ts", "ingest", "--quiet", "--rejects", path.join(cached.scratch, "rejects.jsonl"), file],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: config.url },
          stdio: "ignore",
        },
      );
      child.on("close", resolve);
    });
    expect(code).toBe(0);
    await expect.poll(() => titlesOf(cached.app), { timeout: VISIBLE_WITHIN_MS, interval: 50 }).toContain("Ingested by another process");
  }, 60_000);
});

describe("the response cache in Redis, shared by two instances", () => {
  const redis = useTestRedis();

  it("answers the second instance from what the first cached, and both see a new article within 2 seconds", async ({ skip }) => {
    redis.require(skip);
    // Its own key prefix: Redis outlives test runs, and other test files share it.
    const serving = { responseCache: true, redisPrefix: `newsgraph-test-${randomUUID()}:` };
    const first = await createTestApp({ serving, redisUrl: REDIS_URL });
    const second = await createTestApp({ database: first, serving, redisUrl: REDIS_URL });
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-cache-"));
    const title = "Kim Jong Un visits Wonsan";
    try {
      const make = factories(first.db.prisma);
      await make.article({ sourceId: (await make.source()).id, title });
      expect(await titlesOf(first)).toEqual([title]);
      expect(await redis.client.keys(`${serving.redisPrefix}cache:r:*`)).toHaveLength(1);
      first.resetStatements();
      expect(await titlesOf(second)).toEqual([title]);
      expect(first.statements).toEqual([]);

      await ingestInProcess(first, articleFile(scratch, "Ingested later"));
      await expect.poll(() => titlesOf(second), { timeout: VISIBLE_WITHIN_MS, interval: 50 }).toContain("Ingested later");
      await expect.poll(() => titlesOf(first), { timeout: VISIBLE_WITHIN_MS, interval: 50 }).toContain("Ingested later");
    } finally {
      await second.destroy();
      await first.destroy();
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe("the memory store", () => {
  const result = (title: string) => ({ data: { article: { title } } });

  it("keeps responses within its size, evicting the least recently used", async () => {
    const entry = JSON.stringify(result("x".repeat(100))).length;
    const cache = createMemoryResponseCache(entry * 3);
    for (const id of ["a", "b", "c"]) await cache.set(id, result("x".repeat(100)), [{ typename: "Article", id }], 60_000);
    await cache.get("a");
    await cache.set("d", result("x".repeat(100)), [{ typename: "Article", id: "d" }], 60_000);
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toEqual(result("x".repeat(100)));
    expect(await cache.get("d")).toEqual(result("x".repeat(100)));
  });

  it("drops every response holding an invalidated type, and only those", async () => {
    const cache = createMemoryResponseCache();
    await cache.set("list", result("list"), [{ typename: "ArticleConnection" }, { typename: "Article", id: 1 }], 60_000);
    await cache.set("person", result("person"), [{ typename: "Person", id: 7 }], 60_000);
    // Replacing a response re-indexes it: the old entry's types must not drop the new one.
    await cache.set("person", result("person again"), [{ typename: "Person", id: 7 }], 60_000);
    await cache.invalidate([{ typename: "Article", id: 2 }]);
    expect(await cache.get("list")).toBeUndefined();
    expect(await cache.get("person")).toEqual(result("person again"));
    await cache.invalidate([{ typename: "Person" }]);
    expect(await cache.get("person")).toBeUndefined();
  });

  it("expires responses after their time to live", async () => {
    const cache = createMemoryResponseCache();
    await cache.set("short", result("short"), [], 20);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await cache.get("short")).toBeUndefined();
  });
});
