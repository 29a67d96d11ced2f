// Errors the serving layer answers with before or around execution, each with a stable code.
// `http.spec` keeps the legacy application/json media type at status 200, as GraphQL over HTTP
// asks for request errors; application/graphql-response+json gets the status given.
import { GraphQLError } from "graphql";

export type ServingErrorCode =
  | "COST_LIMIT_EXCEEDED"
  | "RATE_LIMITED"
  | "DEADLINE_EXCEEDED"
  | "SERVICE_UNAVAILABLE"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "PERSISTED_QUERY_ID_REQUIRED"
  | "PAYLOAD_TOO_LARGE";

export function servingError(
  code: ServingErrorCode,
  message: string,
  http: { status: number; spec?: boolean; headers?: Record<string, string> },
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http } });
}

export function costLimitExceeded(requested: number, limit: number): GraphQLError {
  return servingError(
    "COST_LIMIT_EXCEEDED",
    `This operation may cost ${requested.toLocaleString("en")} points; the limit is ${limit.toLocaleString("en")}. ` +
      "Ask for fewer items with first/last, or nest lists less deeply.",
    { status: 400, spec: true },
    { cost: { requested, limit } },
  );
}

export function rateLimited(retryAfterSeconds: number, limit: number): GraphQLError {
  return servingError(
    "RATE_LIMITED",
    `This client has spent its ${limit.toLocaleString("en")} points for this minute; retry in ${retryAfterSeconds} s.`,
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
    { retryAfterSeconds },
  );
}

export function deadlineExceeded(timeoutMs: number): GraphQLError {
  return servingError(
    "DEADLINE_EXCEEDED",
    `The operation did not finish within its deadline of ${timeoutMs} ms. Ask for less, or retry later.`,
    { status: 503, spec: true, headers: { "Retry-After": "1" } },
  );
}

export function serviceUnavailable(): GraphQLError {
  return servingError(
    "SERVICE_UNAVAILABLE",
    "The database is not answering; retry in a few seconds.",
    { status: 503, spec: true, headers: { "Retry-After": "5" } },
  );
}
