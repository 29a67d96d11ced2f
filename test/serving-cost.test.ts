// Cost and document limits, checked before anything runs: every operation this project ships
// passes the default limit, nested list bombs are refused without a single SQL
// statement, and every response says what it cost.
import fs from "node:fs";
import path from "node:path";
import { Kind, parse, print, type DocumentNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "../bench/query-api-ops.ts";
import { loadServingConfig } from "../src/config.ts";
import { schema } from "../src/schema/index.ts";
import { analyzeCost } from "../src/serving/cost/analysis.ts";
import { DOCUMENT_LIMITS } from "../src/serving/document-limits.ts";
import { type TestApp, createTestApp } from "./helpers/app.ts";
import { factories } from "./helpers/factories.ts";
import { graphql } from "./generated/gql.ts";
import { expectError } from "./helpers/errors.ts";

const DEFAULT_LIMIT = loadServingConfig({}).costLimit;
const root = path.resolve(import.meta.dirname, "..");

// Nested list bombs, as a hostile client sends them: raw text, not typed documents (which
// would also land in the persisted-documents manifest that the next test checks).
const nest = (levels: string[], leaf: string) => levels.reduceRight((inner, level) => `${level} { ${inner} }`, leaf);
const RELATED_BOMB = `{ ${nest(
  ["articles(first: 100)", "edges", "node", "related(first: 100)", "article", "related(first: 100)", "article", "related(first: 100)", "article"],
  "title",
)} }`;
const PERSONS_BOMB = `{ ${nest(
  [
    "persons(first: 100)",
    "edges",
    "node",
    "articles(first: 100)",
    "edges",
    "node",
    "persons(first: 100)",
    "edges",
    "node",
    "articles(first: 100)",
    "edges",
    "node",
  ],
  "title",
)} }`;

const SourceLabels = graphql(`
  query CostSourceLabels {
    sources(first: 3) { edges { node { label } } }
  }
`);

/** The worst a client could ask with this document: every Int variable at the largest page size. */
function worstCaseVariables(document: DocumentNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = variable.type.kind === Kind.NON_NULL_TYPE ? variable.type.type : variable.type;
      if (type.kind === Kind.NAMED_TYPE && type.name.value === "Int") variables[variable.variable.name.value] = 100;
    }
  }
  return variables;
}

function costOf(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  const cost = analyzeCost(schema, document, null, variables ?? worstCaseVariables(document));
  if (!cost) throw new Error(`no operation to price in ${query}`);
  return cost.requested;
}

/** Each operation of a README example block (which may hold several), as its own document. */
function operationsOf(block: string): string[] {
  const document = parse(block);
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return document.definitions
    .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }));
}

describe("the default cost limit", () => {
  it("lets every operation of the tests through, at the largest page sizes", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "test/generated/persisted-documents.json"), "utf8")) as Record<string, string>;
    const documents = Object.values(manifest);
    expect(documents.length).toBeGreaterThan(20);
    const over = documents.filter((query) => costOf(query) > DEFAULT_LIMIT);
    expect(over).toEqual([]);
  });

  it("lets the README's and the benchmarks' operations through", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((match) => operationsOf(match[1]!));
    expect(examples.length).toBeGreaterThan(3);
    for (const example of examples) expect(costOf(example)).toBeLessThanOrEqual(DEFAULT_LIMIT);
    const params = { articleId: 1, articleGlobalId: "QXJ0aWNsZTox", placeSlug: "pyongyang", personSlug: "kim-jong-un" };
    for (const operation of OPERATIONS) {
      const { query, variables } = operation.graphql(params);
      expect(costOf(query, variables), operation.name).toBeLessThanOrEqual(DEFAULT_LIMIT);
    }
  });

  it("is far below the nested bombs", () => {
    expect(costOf(RELATED_BOMB)).toBeGreaterThan(1000 * DEFAULT_LIMIT);
    expect(costOf(PERSONS_BOMB)).toBeGreaterThan(10 * DEFAULT_LIMIT);
  });
});

describe("cost control on the endpoint", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const make = factories(t.db.prisma);
    const source = await make.source({ label: "KCNA (En)" });
    const person = await make.person("Kim Jong Un");
    for (let index = 0; index < 3; index++) await make.article({ sourceId: source.id, title: `Article ${index}`, persons: [{ id: person.id }] });
  });
  afterAll(() => t.destroy());

  it.each([
    ["articles → related, three levels", RELATED_BOMB],
    ["persons → articles, two levels each", PERSONS_BOMB],
  ])("refuses %s with COST_LIMIT_EXCEEDED before any SQL", async (_name, query) => {
    t.resetStatements();
    const response = await t.post({ query }, { accept: "application/graphql-response+json" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      data?: unknown;
      errors: { extensions: { code: string } }[];
      extensions: { cost: { requested: number; limit: number } };
    };
    expect(body.data).toBeUndefined();
    expectError(body, { code: "COST_LIMIT_EXCEEDED" });
    expect(body.extensions.cost).toEqual({ requested: costOf(query), limit: DEFAULT_LIMIT });
    expect(t.statements).toEqual([]);
  });

  it("answers other requests while refusing bombs", async () => {
    const results = await Promise.all([
      t.post({ query: RELATED_BOMB }).then((response) => response.json()),
      t.execute(SourceLabels),
      t.post({ query: PERSONS_BOMB }).then((response) => response.json()),
    ]);
    expect(results[1].data?.sources.edges.map((edge) => edge.node.label)).toEqual(["KCNA (En)"]);
  });

  it("reports what each response cost, with data, with errors and when refused", async () => {
    const ok = await t.execute(SourceLabels);
    expect(ok.extensions).toEqual({ cost: { requested: costOf(`{ sources(first: 3) { edges { node { label } } } }`), limit: DEFAULT_LIMIT } });
    expect((ok.extensions as { cost: { requested: number } }).cost.requested).toBeGreaterThan(0);

    const invalid = (await (await t.post({ query: "{ nope }" })).json()) as { errors: unknown[]; extensions: unknown };
    expect(invalid.errors).toHaveLength(1);
    expect(invalid.extensions).toEqual({ cost: { requested: expect.any(Number), limit: DEFAULT_LIMIT } });

    const unparsable = (await (await t.post({ query: "{ sources(" })).json()) as { extensions: unknown };
    expect(unparsable.extensions).toEqual({ cost: { requested: 0, limit: DEFAULT_LIMIT } });
  });

  it("honours a lower COST_LIMIT", async () => {
    const strict = await createTestApp({ database: t, serving: { costLimit: 5 } });
    try {
      const query = "{ articles(first: 10) { edges { node { title } } } }";
      const body = (await (await strict.post({ query })).json()) as {
        errors: { extensions: { code: string } }[];
        extensions: { cost: { requested: number; limit: number } };
      };
      expectError(body, { code: "COST_LIMIT_EXCEEDED" });
      expect(body.extensions.cost).toEqual({ requested: costOf(query), limit: 5 });
      const small = (await (await strict.post({ query: "{ articles(first: 2) { totalCount } }" })).json()) as { data: unknown; extensions: unknown };
      expect(small.data).toEqual({ articles: { totalCount: 3 } });
    } finally {
      await strict.destroy();
    }
  });
});

describe("document limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.destroy());

  /** The error codes of the answer; a refused document must not have sent any SQL. */
  async function codesOf(query: string): Promise<string[]> {
    t.resetStatements();
    const body = (await (await t.post({ query })).json()) as { errors?: { extensions: { code: string } }[] };
    const codes = (body.errors ?? []).map((error) => error.extensions.code);
    if (codes.length > 0) expect(t.statements).toEqual([]);
    return codes;
  }

  it("refuses selections nested deeper than the depth limit", async () => {
    // Free of lists (so cheap), but deep: article → source → ... alternating one-to-one fields.
    let selection = "label";
    for (let level = 0; level < DOCUMENT_LIMITS.depth; level++) selection = `articles(first: 1) { edges { node { source { ${selection} } } } }`;
    expect(await codesOf(`{ sources(first: 1) { edges { node { ${selection} } } } }`)).toContain("DEPTH_LIMIT_EXCEEDED");
  });

  it("refuses more aliases than the alias limit", async () => {
    const aliases = Array.from({ length: DOCUMENT_LIMITS.aliases + 1 }, (_, index) => `a${index}: sources(first: 1) { totalCount }`);
    expect(await codesOf(`{ ${aliases.join(" ")} }`)).toContain("ALIAS_LIMIT_EXCEEDED");
    const allowed = aliases.slice(0, DOCUMENT_LIMITS.aliases);
    expect(await codesOf(`{ ${allowed.join(" ")} }`)).toEqual([]);
  });

  it("refuses more directives than the directive limit", async () => {
    const directives = Array.from({ length: DOCUMENT_LIMITS.directives + 1 }, () => "@include(if: true)").join(" ");
    expect(await codesOf(`{ sources(first: 1) ${directives} { totalCount } }`)).toContain("DIRECTIVE_LIMIT_EXCEEDED");
  });

  it("refuses documents longer than the token limit", async () => {
    const fields = Array.from({ length: DOCUMENT_LIMITS.tokens }, () => "__typename").join(" ");
    expect(await codesOf(`{ ${fields} }`)).toEqual(["TOKEN_LIMIT_EXCEEDED"]);
  });

  it("does not run batched requests", async () => {
    const response = await t.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ sources { totalCount } }" }, { query: "{ persons { totalCount } }" }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.message).toMatch(/batch|object/i);
  });
});
