// The GraphQL server as a fetch handler: tests call yoga.fetch in process, server.ts listens.
// This module only composes: each plugin's job lives in src/serving/, and the order below is the
// order a request meets them.
import { PothosValidationError } from "@pothos/core";
import type { Cache } from "@graphql-yoga/plugin-response-cache";
import { GraphQLError } from "graphql";
import { type Plugin, createYoga, maskError } from "graphql-yoga";
import type { ServingConfig } from "./config.ts";
import { type Context, createContext } from "./context.ts";
import type { Database } from "./db/database.ts";
import { classifyDatabaseFailure } from "./db/failures.ts";
import { schema } from "./schema/index.ts";
import { type ServerContext, clientAddress } from "./serving/client.ts";
import { useCostControl } from "./serving/cost/plugin.ts";
import { useDeadline } from "./serving/deadline.ts";
import { DOCUMENT_LIMITS, documentLimitPlugins } from "./serving/document-limits.ts";
import { atLocation, badInput, deadlineExceeded, serviceUnavailable } from "./graphql-errors.ts";
import { GRAPHIQL_OPTIONS, offlineGraphiQL } from "./serving/graphiql.ts";
import { useHttpCaching } from "./serving/http-caching.ts";
import { type Logger, yogaLogger } from "./serving/logger.ts";
import { type ServiceMetrics, usePrometheusMetrics } from "./serving/metrics.ts";
import { requestIdOf, useRequestObservation } from "./serving/observe.ts";
import { type PersistedDocuments, usePersistedDocuments } from "./serving/persisted-documents.ts";
import { useBodyLimit, useCsrfPrevention, useIntrospectionSwitch } from "./serving/protections.ts";
import type { ClientRateLimiter } from "./serving/rate-limit.ts";
import { type StartupState, useReadiness } from "./serving/readiness.ts";
import { createResponseCachePlugin } from "./serving/response-cache.ts";

export const GRAPHQL_ENDPOINT = "/graphql";

export interface YogaParts {
  db: Database;
  serving: ServingConfig;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Start-up progress: GraphQL is refused until it says ready. */
  startup: StartupState;
  /** Show unexpected errors unmasked: never in production. */
  exposeErrors: boolean;
  persistedDocuments: PersistedDocuments | null;
  responseCache: Cache | null;
  rateLimiter: ClientRateLimiter | null;
}

export function buildYoga(parts: YogaParts) {
  const { db, serving, logger, metrics } = parts;
  const plugins: Plugin[] = [
    // Around the whole request: id, statement tally, log line, request metrics.
    useRequestObservation({
      logger,
      metrics,
      graphqlEndpoint: GRAPHQL_ENDPOINT,
      slowOperationMs: serving.slowOperationMs,
      responseCache: parts.responseCache !== null,
    }),
    usePrometheusMetrics(metrics),
    ...useReadiness(db, parts.startup),
    useDeadline(serving.requestTimeoutMs),
    // Before the body is read.
    useBodyLimit(serving.maxBodyBytes),
    useCsrfPrevention(),
    // Parameters: the persisted document replaces its id, then pricing (which may refuse),
    // then the response cache (which may answer), in this order.
    ...(parts.persistedDocuments ? [usePersistedDocuments(parts.persistedDocuments, serving.allowArbitraryOperations)] : []),
    useCostControl({
      schema,
      limit: serving.costLimit,
      maxTokens: DOCUMENT_LIMITS.tokens,
      rateLimiter: parts.rateLimiter,
      clientOf: (request, context) => clientAddress(request, context as ServerContext, serving.trustProxyHops),
      onRateLimited: () => metrics.refused.inc({ reason: "rate_limited" }),
    }),
    ...(parts.responseCache ? [createResponseCachePlugin(parts.responseCache)] : []),
    // Parsing and validation.
    ...documentLimitPlugins(),
    ...useIntrospectionSwitch(serving.introspection),
    logUnexpectedErrors(logger),
    useHttpCaching(GRAPHQL_ENDPOINT),
  ];

  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    landingPage: false,
    batching: false,
    logging: yogaLogger(logger),
    cors: serving.corsOrigins.length > 0 ? { origin: serving.corsOrigins, credentials: false, methods: ["GET", "POST"] } : false,
    graphiql: serving.introspection ? GRAPHIQL_OPTIONS : false,
    renderGraphiQL: offlineGraphiQL(),
    plugins,
    context: ({ request }) => createContext(db.prisma, requestIdOf(request), { searchExactLimit: serving.searchExactLimit }),
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        const located = error instanceof GraphQLError ? error : null;
        // Pothos rejects malformed connection arguments (cursors, page sizes) with this type:
        // that is the client's mistake, so it is reported as such rather than masked.
        if (original instanceof PothosValidationError) return atLocation(badInput(original.message), located);
        // A database that is down or a statement past its timeout is not a bug: the client
        // gets a code it can act on (retry later, ask for less), still without internals.
        const failure = classifyDatabaseFailure(original);
        if (failure) return atLocation(failure === "timeout" ? deadlineExceeded(serving.requestTimeoutMs) : serviceUnavailable(), located);
        return maskError(error, message, parts.exposeErrors || isDev);
      },
    },
  });
}

export type Yoga = ReturnType<typeof buildYoga>;

function isUnexpected(error: unknown): error is GraphQLError & { originalError: Error } {
  if (!(error instanceof GraphQLError) || !error.originalError) return false;
  const original = error.originalError;
  return !(original instanceof GraphQLError) && !(original instanceof PothosValidationError) && !classifyDatabaseFailure(original);
}

/** Logs unexpected resolver errors with the request id before Yoga masks them for the client. */
function logUnexpectedErrors(logger: Logger): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result }) {
          if (!("errors" in result) || !result.errors) return;
          const { requestId } = args.contextValue as unknown as Context;
          for (const error of result.errors) {
            if (isUnexpected(error)) {
              logger.error({ requestId, path: error.path, err: error.originalError }, "unexpected error");
            } else if (error.originalError && classifyDatabaseFailure(error.originalError)) {
              logger.warn({ requestId, path: error.path, err: error.originalError }, "database failure");
            }
          }
        },
      };
    },
  };
}
