// The service under test, in process: a fresh database and a Yoga instance called through
// yoga.fetch with typed documents.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type ExecutionResult } from "graphql";
import { buildYoga } from "../../src/yoga.ts";
import { type TestDatabase, createTestDatabase } from "./database.ts";

export interface TestApp extends TestDatabase {
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
  fetch(path: string, init?: RequestInit): Promise<Response>;
  logged: unknown[];
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const logged: unknown[] = [];
  const yoga = buildYoga({ prisma: database.db.prisma, log: (message, details) => logged.push({ message, ...details }) });

  async function execute<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables) {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
    return (await response.json()) as ExecutionResult<TResult>;
  }

  return {
    ...database,
    logged,
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
    fetch: async (path, init) => yoga.fetch(`http://test${path}`, init ?? {}),
  };
}
