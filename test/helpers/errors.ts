// Asserting the errors of a GraphQL response by what clients rely on: the code, and where the
// test names them, the path of the failed field, the argument at fault, other extensions and the
// wording. Messages are for people and may change, so they are matched by pattern, never equal.
import { expect } from "vitest";
import type { ErrorCode } from "../../src/graphql-errors.ts";

/** An error as it arrives over HTTP or from `yoga.fetch`: only what the assertions read. */
interface ReceivedError {
  message?: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface ExpectedError {
  code: ErrorCode | "GRAPHQL_VALIDATION_FAILED" | "GRAPHQL_PARSE_FAILED";
  path?: readonly (string | number)[];
  argument?: string;
  /** Further extensions the error must carry, such as `retryAfterSeconds`. */
  extensions?: Record<string, unknown>;
  message?: RegExp;
}

/** The response has exactly these errors, in this order; path, argument, extensions and message are checked where given. */
export function expectErrors(result: { errors?: readonly ReceivedError[] | null }, expected: readonly ExpectedError[], context?: string): void {
  const actual = (result.errors ?? []).map((error, index) => {
    const extensions = error.extensions ?? {};
    const wanted = expected[index];
    const extra = wanted?.extensions ? Object.fromEntries(Object.keys(wanted.extensions).map((key) => [key, extensions[key]])) : undefined;
    return {
      code: extensions.code,
      ...(wanted?.path !== undefined ? { path: error.path } : {}),
      ...(wanted?.argument !== undefined ? { argument: extensions.argument } : {}),
      ...(extra ? { extensions: extra } : {}),
      ...(wanted?.message !== undefined ? { message: error.message } : {}),
    };
  });
  expect(actual, context).toEqual(expected.map(({ message, ...error }) => ({ ...error, ...(message ? { message: expect.stringMatching(message) } : {}) })));
}

/** The response has one error, with this code (and path, argument, extensions and message, where given); `context` names the case on failure. */
export function expectError(result: { errors?: readonly ReceivedError[] | null }, expected: ExpectedError, context?: string): void {
  expectErrors(result, [expected], context);
}

/** Among the response's errors is one with this code; for answers that may add others, such as a deadline's. */
export function expectSomeError(result: { errors?: readonly ReceivedError[] | null }, expected: ExpectedError): void {
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  expect(codes).toContain(expected.code);
  const matching = (result.errors ?? []).filter((error) => error.extensions?.code === expected.code);
  expectError({ errors: matching.slice(0, 1) }, expected);
}
