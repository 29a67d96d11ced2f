// The service under test, in process: a fresh database and the serving app, called through
// yoga.fetch with typed documents. Serving settings are the production defaults (so every test
// operation also passes the default cost and document limits), except that the response cache
// and rate limits are off unless a test turns them on: tests that change data between queries
// should not see answers cached by an earlier test.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type ExecutionResult } from "graphql";
import { type App, createApp } from "../../src/app.ts";
import { type ServingConfig, loadServingConfig } from "../../src/config.ts";
import type { ServerContext } from "../../src/serving/client.ts";
import { createLogger } from "../../src/serving/logger.ts";
import type { StartupState } from "../../src/serving/readiness.ts";
import { type TestDatabase, createTestDatabase } from "./database.ts";

export interface TestAppOptions {
  serving?: Partial<ServingConfig>;
  redisUrl?: string | null;
  startup?: StartupState;
  /** Serve an existing database (another app's) instead of a fresh one. */
  database?: TestDatabase;
}

export type LogLine = Record<string, unknown> & { level: string; msg: string };

export interface TestApp extends TestDatabase {
  app: App;
  /** Runs an operation; returns data and errors as the client would see them. */
  execute<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...variables: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<ExecutionResult<TResult>>;
  /** Runs an operation and fails the test on any error. */
  data<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...variables: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<TResult>;
  /** Statements the operation sent, counted from a clean slate. */
  countStatements<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<{ count: number; statements: string[]; result: ExecutionResult<TResult> }>;
  /** A request to the app, as from the given client address. */
  fetch(path: string, init?: RequestInit, serverContext?: ServerContext): Promise<Response>;
  /** POSTs a GraphQL request body; returns the raw response. */
  post(body: Record<string, unknown>, headers?: Record<string, string>, serverContext?: ServerContext): Promise<Response>;
  /** Every log line the app wrote. */
  logs: LogLine[];
  /** Errors the app logged (unexpected failures): a passing test usually expects none. */
  readonly logged: LogLine[];
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const logs: LogLine[] = [];
  const logger = createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const serving: ServingConfig = { ...loadServingConfig({}), responseCache: false, rateLimitPerMinute: 0, ...options.serving };
  let app: App;
  try {
    app = await createApp({
      db: database.db,
      serving,
      production: false,
      logger,
      redisUrl: options.redisUrl ?? null,
      ...(options.startup ? { startup: options.startup } : {}),
    });
  } catch (error) {
    // A test of a refused setting must not leave its database behind.
    if (!options.database) await database.destroy();
    throw error;
  }

  const fetch = (path: string, init: RequestInit = {}, serverContext: ServerContext = { clientAddress: "127.0.0.1" }) =>
    Promise.resolve(app.yoga.fetch(`http://test${path}`, init, serverContext));
  const post = (body: Record<string, unknown>, headers: Record<string, string> = {}, serverContext?: ServerContext) =>
    fetch("/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }, serverContext);

  async function execute<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables) {
    const response = await post({ query: print(document), variables: variables ?? {} });
    return (await response.json()) as ExecutionResult<TResult>;
  }

  return {
    ...database,
    app,
    logs,
    get logged() {
      return logs.filter((line) => line.level === "error" || line.level === "fatal");
    },
    execute: ((document: TypedDocumentNode<unknown, unknown>, variables?: unknown) => execute(document, variables)) as TestApp["execute"],
    data: (async (document: TypedDocumentNode<unknown, unknown>, variables?: unknown) => {
      const result = await execute(document, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    }) as TestApp["data"],
    async countStatements(document, variables) {
      database.resetStatements();
      const result = await execute(document, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      const statements = [...database.statements];
      return { count: statements.length, statements, result };
    },
    fetch,
    post,
    async destroy() {
      await app.close();
      if (!options.database) await database.destroy();
    },
  };
}
