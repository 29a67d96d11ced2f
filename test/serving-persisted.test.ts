// Persisted documents: the codegen client preset writes test/generated/persisted-documents.json
// (sha256 of each operation to its text); with PERSISTED_DOCUMENTS set, clients send the hash as
// `documentId`, by POST or GET. ALLOW_ARBITRARY_OPERATIONS=false runs nothing else.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { factories } from "./helpers/factories.ts";
import { graphql } from "./generated/gql.ts";
import { expectError } from "./helpers/errors.ts";

const MANIFEST = path.resolve(import.meta.dirname, "generated/persisted-documents.json");

const PersistedSources = graphql(`
  query PersistedSources($first: Int!) {
    sources(first: $first) { totalCount edges { node { label } } }
  }
`);

/** The hash the client preset put on the document, which is its key in the manifest. */
function documentIdOf(document: unknown): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error("the client preset did not give this document a hash");
  return hash;
}

type Body = { data?: { sources: { totalCount: number } }; errors?: { message: string; extensions: { code: string } }[] };

async function seed(t: TestApp) {
  const make = factories(t.db.prisma);
  await make.source({ label: "Rodong Sinmun (En)" });
  await make.source({ label: "KCNA (En)" });
}

describe("persisted documents alongside arbitrary operations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ serving: { persistedDocumentsPath: MANIFEST, allowArbitraryOperations: true } });
    await seed(t);
  });
  afterAll(() => t.destroy());

  it("runs a documentId sent by POST", async () => {
    const response = await t.post({ documentId: documentIdOf(PersistedSources), variables: { first: 5 } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Body).data).toEqual({
      sources: { totalCount: 2, edges: [{ node: { label: "KCNA (En)" } }, { node: { label: "Rodong Sinmun (En)" } }] },
    });
  });

  it("runs a documentId sent by GET, which HTTP caches can keep", async () => {
    const query = new URLSearchParams({ documentId: documentIdOf(PersistedSources), variables: JSON.stringify({ first: 1 }) });
    const response = await t.fetch(`/graphql?${query}`, { headers: { accept: "application/graphql-response+json" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(((await response.json()) as Body).data?.sources.totalCount).toBe(2);
  });

  it("answers PERSISTED_QUERY_NOT_FOUND for an unknown documentId", async () => {
    const response = await t.post({ documentId: "sha256:0000" }, { accept: "application/graphql-response+json" });
    expect(response.status).toBe(404);
    const body = (await response.json()) as Body;
    expectError(body, { code: "PERSISTED_QUERY_NOT_FOUND" });
  });

  it("still runs a query sent as text", async () => {
    const body = (await (await t.post({ query: "{ sources { totalCount } }" })).json()) as Body;
    expect(body.data?.sources.totalCount).toBe(2);
  });
});

describe("only persisted documents (ALLOW_ARBITRARY_OPERATIONS=false)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ serving: { persistedDocumentsPath: MANIFEST, allowArbitraryOperations: false } });
    await seed(t);
  });
  afterAll(() => t.destroy());

  it("runs documents of the manifest", async () => {
    const body = (await (await t.post({ documentId: documentIdOf(PersistedSources), variables: { first: 5 } })).json()) as Body;
    expect(body.data?.sources.totalCount).toBe(2);
  });

  it("refuses a query sent as text, before any SQL", async () => {
    t.resetStatements();
    const response = await t.post({ query: "{ sources { totalCount } }" }, { accept: "application/graphql-response+json" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Body;
    expect(body.data).toBeUndefined();
    expectError(body, { code: "PERSISTED_QUERY_NOT_FOUND" });
    expect(t.statements).toEqual([]);
  });

  it("refuses an unknown documentId", async () => {
    const body = (await (await t.post({ documentId: "sha256:ffff" })).json()) as Body;
    expectError(body, { code: "PERSISTED_QUERY_NOT_FOUND" });
  });
});

describe("the settings", () => {
  it("refuse ALLOW_ARBITRARY_OPERATIONS=false without PERSISTED_DOCUMENTS", () => {
    expect(() => loadConfig({ ALLOW_ARBITRARY_OPERATIONS: "false" })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOW_ARBITRARY_OPERATIONS: "false" })).toThrow(/PERSISTED_DOCUMENTS/);
  });

  it("name a manifest that cannot be read", async () => {
    await expect(createTestApp({ serving: { persistedDocumentsPath: "/nonexistent/persisted.json" } })).rejects.toThrow(
      /PERSISTED_DOCUMENTS: cannot read \/nonexistent\/persisted\.json/,
    );
  });
});
