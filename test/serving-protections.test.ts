// The usual protections of a public endpoint: CSRF prevention, a CORS allow-list (none by
// default), a bound on request bodies, and introspection off for closed deployments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServingConfig } from "../src/config.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { expectError } from "./helpers/errors.ts";

const QUERY = "{ sources { totalCount } }";
type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

describe("CSRF prevention", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.destroy());

  it("refuses a POST a browser could send cross-site without a preflight", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await t.fetch("/graphql", { method: "POST", headers: { "content-type": contentType }, body: JSON.stringify({ query: QUERY }) });
      expect(response.status, contentType).toBe(403);
    }
  });

  it("accepts JSON POSTs, and plain GETs, which cannot change anything", async () => {
    expect(((await (await t.post({ query: QUERY })).json()) as Body).data).toEqual({ sources: { totalCount: 0 } });
    const get = await t.fetch(`/graphql?${new URLSearchParams({ query: QUERY })}`);
    expect(get.status).toBe(200);
  });
});

describe("CORS", () => {
  it("allows no other origin by default", async () => {
    const t = await createTestApp();
    try {
      const response = await t.fetch("/graphql", {
        method: "OPTIONS",
        headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" },
      });
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      const post = await t.post({ query: QUERY }, { origin: "https://elsewhere.example" });
      expect(post.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await t.destroy();
    }
  });

  it("allows exactly the origins of CORS_ORIGINS", async () => {
    const serving = { corsOrigins: loadServingConfig({ CORS_ORIGINS: "https://reader.example, https://analyst.example" }).corsOrigins };
    const t = await createTestApp({ serving });
    try {
      const preflight = await t.fetch("/graphql", {
        method: "OPTIONS",
        headers: { origin: "https://reader.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("https://reader.example");
      expect(preflight.headers.get("access-control-allow-methods")).toMatch(/POST/);
      const post = await t.post({ query: QUERY }, { origin: "https://analyst.example" });
      expect(post.headers.get("access-control-allow-origin")).toBe("https://analyst.example");
      const other = await t.post({ query: QUERY }, { origin: "https://elsewhere.example" });
      expect(other.headers.get("access-control-allow-origin")).not.toBe("https://elsewhere.example");
    } finally {
      await t.destroy();
    }
  });

  it("refuses a malformed CORS_ORIGINS", () => {
    expect(() => loadServingConfig({ CORS_ORIGINS: "reader.example" })).toThrow(/CORS_ORIGINS/);
  });
});

describe("the request body limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ serving: { maxBodyBytes: 2_000 } });
  });
  afterAll(() => t.destroy());

  const large = JSON.stringify({ query: QUERY, variables: { padding: "x".repeat(5_000) } });

  it("answers 413 PAYLOAD_TOO_LARGE to a body declared too large", async () => {
    const response = await t.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(large.length) },
      body: large,
    });
    expect(response.status).toBe(413);
    expectError((await response.json()) as Body, { code: "PAYLOAD_TOO_LARGE" });
  });

  it("answers 413 to a streamed body without a length as soon as it passes the limit", async () => {
    const bytes = new TextEncoder().encode(large);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(pulled, pulled + 500));
        pulled += 500;
      },
    });
    const response = await t.fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(bytes.length);
  });

  it("runs a body within the limit", async () => {
    const response = await t.post({ query: QUERY, variables: { padding: "x".repeat(500) } });
    expect(((await response.json()) as Body).data).toEqual({ sources: { totalCount: 0 } });
  });
});

describe("INTROSPECTION=false", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ serving: { introspection: false } });
  });
  afterAll(() => t.destroy());

  it("refuses introspection and spells out no field names", async () => {
    const introspection = (await (await t.post({ query: "{ __schema { types { name } } }" })).json()) as Body;
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = (await (await t.post({ query: "{ sourcez { totalCount } }" })).json()) as Body;
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it("serves no GraphiQL, and still answers queries", async () => {
    const page = await t.fetch("/graphql", { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/<html/i);
    expect(((await (await t.post({ query: QUERY })).json()) as Body).data).toEqual({ sources: { totalCount: 0 } });
  });

  it("is on by default, with suggestions", async () => {
    const open = await createTestApp({ database: t });
    try {
      const typo = (await (await open.post({ query: "{ sourcez { totalCount } }" })).json()) as Body;
      expect(typo.errors?.[0]?.message).toMatch(/Did you mean .*"sources"/);
      const introspection = (await (await open.post({ query: "{ __schema { queryType { name } } }" })).json()) as Body;
      expect(introspection.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await open.destroy();
    }
  });
});
