// Rate limits: each client (its address when anonymous) has a budget of cost points per minute,
// kept in memory by one instance and in Redis when instances share it. Past it: 429, Retry-After
// and RATE_LIMITED, without running anything.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { REDIS_URL, useTestRedis } from "./helpers/redis.ts";
import { graphql } from "./generated/gql.ts";
import { expectError } from "./helpers/errors.ts";

const ThreeArticles = graphql(`
  query RateLimitedArticles {
    articles(first: 3) { edges { node { title } } }
  }
`);
// The price of ThreeArticles: one point per article.
const PRICE = 3;

async function spend(t: TestApp, clientAddress: string, headers: Record<string, string> = {}) {
  const response = await t.post({ query: "query RateLimitedArticles { articles(first: 3) { edges { node { title } } } }" }, headers, { clientAddress });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions: { code: string; retryAfterSeconds?: number } }[] };
  return { response, body };
}

describe("rate limits in memory", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ serving: { rateLimitPerMinute: 2 * PRICE } });
  });
  afterAll(() => t.destroy());

  it("answers within the budget and says what is left", async () => {
    const first = await t.execute(ThreeArticles);
    expect(first.errors).toBeUndefined();
    const { response } = await spend(t, "10.0.0.1");
    expect(response.status).toBe(200);
    expect(response.headers.get("RateLimit-Limit")).toBe(String(2 * PRICE));
    expect(response.headers.get("RateLimit-Remaining")).toBe(String(PRICE));
  });

  it("refuses the client past its budget with 429, Retry-After and RATE_LIMITED, before any SQL", async () => {
    await spend(t, "10.0.0.2");
    await spend(t, "10.0.0.2");
    t.resetStatements();
    const { response, body } = await spend(t, "10.0.0.2");
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.data).toBeUndefined();
    expectError(body, { code: "RATE_LIMITED", extensions: { retryAfterSeconds: retryAfter } });
    expect(t.statements).toEqual([]);
  });

  it("keeps each client's budget apart", async () => {
    for (let index = 0; index < 3; index++) await spend(t, "10.0.0.3");
    expect((await spend(t, "10.0.0.3")).response.status).toBe(429);
    expect((await spend(t, "10.0.0.4")).response.status).toBe(200);
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY says a proxy sets it", async () => {
    for (let index = 0; index < 2; index++) await spend(t, "10.0.0.5", { "x-forwarded-for": `192.0.2.${index}` });
    expect((await spend(t, "10.0.0.5", { "x-forwarded-for": "192.0.2.99" })).response.status).toBe(429);

    const behindProxy = await createTestApp({ database: t, serving: { rateLimitPerMinute: 2 * PRICE, trustProxyHops: 1 } });
    try {
      for (let index = 0; index < 2; index++) await spend(behindProxy, "10.0.0.9", { "x-forwarded-for": "192.0.2.1" });
      expect((await spend(behindProxy, "10.0.0.9", { "x-forwarded-for": "192.0.2.1" })).response.status).toBe(429);
      // What the client wrote before the proxy's entry proves nothing: still the same client.
      expect((await spend(behindProxy, "10.0.0.9", { "x-forwarded-for": "198.51.100.7, 192.0.2.1" })).response.status).toBe(429);
      // Another client behind the same proxy has its own budget.
      expect((await spend(behindProxy, "10.0.0.9", { "x-forwarded-for": "192.0.2.2" })).response.status).toBe(200);
    } finally {
      await behindProxy.destroy();
    }
  });
});

describe("rate limits shared through Redis", () => {
  const redis = useTestRedis();

  it("counts one client's spending across two instances", async ({ skip }) => {
    redis.require(skip);
    const first = await createTestApp({ serving: { rateLimitPerMinute: 2 * PRICE }, redisUrl: REDIS_URL });
    const second = await createTestApp({ database: first, serving: { rateLimitPerMinute: 2 * PRICE }, redisUrl: REDIS_URL });
    // A fresh address per run: Redis keeps budgets for a minute, across test runs.
    const client = `client-${randomUUID()}`;
    try {
      expect((await spend(first, client)).response.status).toBe(200);
      expect((await spend(second, client)).response.status).toBe(200);
      const refused = await spend(first, client);
      expect(refused.response.status).toBe(429);
      expectError(refused.body, { code: "RATE_LIMITED" });
      expect(await redis.client.exists(`newsgraph:cost:${client}`)).toBe(1);
    } finally {
      await second.destroy();
      await first.destroy();
    }
  });
});
