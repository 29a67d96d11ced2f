// Asserting the errors of a GraphQL response by what clients rely on: the code, and where the
// test names them, the path of the failed field and the argument at fault. Messages are for
// people and may change.
import type { ExecutionResult } from "graphql";
import { expect } from "vitest";
import type { ErrorCode } from "../../src/graphql-errors.ts";

export interface ExpectedError {
  code: ErrorCode | "GRAPHQL_VALIDATION_FAILED" | "GRAPHQL_PARSE_FAILED";
  path?: readonly (string | number)[];
  argument?: string;
}

/** The response has exactly these errors, in this order; path and argument are checked where given. */
export function expectErrors(result: Pick<ExecutionResult, "errors">, expected: readonly ExpectedError[]): void {
  const actual = (result.errors ?? []).map((error, index) => {
    const extensions = (error.extensions ?? {}) as { code?: string; argument?: string };
    const wanted = expected[index];
    return {
      code: extensions.code,
      ...(wanted?.path !== undefined ? { path: error.path } : {}),
      ...(wanted?.argument !== undefined ? { argument: extensions.argument } : {}),
    };
  });
  expect(actual).toEqual(expected.map((error) => ({ ...error })));
}

/** The response has one error, with this code (and path and argument, where given). */
export function expectError(result: Pick<ExecutionResult, "errors">, expected: ExpectedError): void {
  expectErrors(result, [expected]);
}
