// Every error this service answers on purpose, with its stable `extensions.code`: the schema's
// (bad input, not found, and for the editorial API forbidden and unauthenticated) and the serving
// layer's (limits, deadlines, an unavailable database, persisted documents). Anything else a
// resolver throws is masked by Yoga as INTERNAL_SERVER_ERROR.
//
// `http.spec` keeps the legacy application/json media type at status 200, as GraphQL over HTTP
// asks for request errors; application/graphql-response+json gets the status given.
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "COST_LIMIT_EXCEEDED"
  | "RATE_LIMITED"
  | "DEADLINE_EXCEEDED"
  | "SERVICE_UNAVAILABLE"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "PERSISTED_QUERY_ID_REQUIRED"
  | "PAYLOAD_TOO_LARGE"
  | DocumentLimitCode;

export type DocumentLimitCode = "DEPTH_LIMIT_EXCEEDED" | "ALIAS_LIMIT_EXCEEDED" | "DIRECTIVE_LIMIT_EXCEEDED" | "TOKEN_LIMIT_EXCEEDED";

interface HttpExtension {
  status: number;
  spec?: boolean;
  headers?: Record<string, string>;
}

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, http?: HttpExtension): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, ...(http ? { http } : {}) } });
}

/** The same error at a resolver's place in the operation (as Yoga's masking needs it). */
export function atLocation(error: GraphQLError, located: GraphQLError | null): GraphQLError {
  return located ? new GraphQLError(error.message, { nodes: located.nodes, path: located.path, extensions: error.extensions }) : error;
}

/** The client sent something malformed: an id, slug, cursor, range, date or page size. */
export function badInput(message: string, argument?: string): GraphQLError {
  return codedError("BAD_USER_INPUT", message, argument ? { argument } : {});
}

export function notFound(message: string): GraphQLError {
  return codedError("NOT_FOUND", message);
}

/** Signed in, but not allowed to do this. */
export function forbidden(message: string): GraphQLError {
  return codedError("FORBIDDEN", message, {}, { status: 403, spec: true });
}

/** Credentials missing or not valid. */
export function unauthenticated(message: string): GraphQLError {
  return codedError("UNAUTHENTICATED", message, {}, { status: 401, spec: true, headers: { "WWW-Authenticate": "Bearer" } });
}

/** A document over one of the parse and validation limits. */
export function documentLimitExceeded(code: DocumentLimitCode, message: string): GraphQLError {
  return codedError(code, message, {}, { status: 400, spec: true });
}

export function costLimitExceeded(requested: number, limit: number): GraphQLError {
  return codedError(
    "COST_LIMIT_EXCEEDED",
    `This operation may cost ${requested.toLocaleString("en")} points; the limit is ${limit.toLocaleString("en")}. ` +
      "Ask for fewer items with first/last, or nest lists less deeply.",
    { cost: { requested, limit } },
    { status: 400, spec: true },
  );
}

export function rateLimited(retryAfterSeconds: number, limit: number): GraphQLError {
  return codedError(
    "RATE_LIMITED",
    `This client has spent its ${limit.toLocaleString("en")} points for this minute; retry in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

export function deadlineExceeded(timeoutMs: number): GraphQLError {
  return codedError(
    "DEADLINE_EXCEEDED",
    `The operation did not finish within its deadline of ${timeoutMs} ms. Ask for less, or retry later.`,
    {},
    { status: 503, spec: true, headers: { "Retry-After": "1" } },
  );
}

export function serviceUnavailable(): GraphQLError {
  return codedError(
    "SERVICE_UNAVAILABLE",
    "The database is not answering; retry in a few seconds.",
    {},
    { status: 503, spec: true, headers: { "Retry-After": "5" } },
  );
}
