// Deliberate errors carry a stable extensions.code; anything else is masked by Yoga.
import { GraphQLError } from "graphql";

export type ErrorCode = "BAD_USER_INPUT" | "NOT_FOUND";

export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** The client sent something malformed: an id, slug, cursor, range or page size. */
export function badInput(message: string, argument?: string): GraphQLError {
  return userError("BAD_USER_INPUT", message, argument ? { argument } : {});
}
