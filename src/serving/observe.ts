// Per request: an id (the client's X-Request-Id when it is sane, a new one otherwise, echoed in
// the response), a tally of the SQL statements sent on its behalf, one JSON log line when it
// ends (a warning when slow), and the metrics that need the whole request: errors by code, cost,
// statements, response cache hits and misses.
import { randomUUID } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { type StatementTally, countingStatements } from "../db/statement-count.ts";
import { priceOf } from "./cost/plugin.ts";
import type { Logger } from "./logger.ts";
import type { ServiceMetrics } from "./metrics.ts";
import { singleResult } from "./single-result.ts";

interface RequestRecord {
  id: string;
  startedAt: number;
  statements: StatementTally;
  errorCodes: string[];
  cache: "hit" | "miss" | null;
}

const records = new WeakMap<Request, RequestRecord>();
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id, for the GraphQL context and error logs. */
export function requestIdOf(request: Request): string {
  return records.get(request)?.id ?? randomUUID();
}

function recordOf(request: Request): RequestRecord {
  let record = records.get(request);
  if (!record) {
    const given = request.headers.get("x-request-id");
    record = {
      id: given && REQUEST_ID.test(given) ? given : randomUUID(),
      startedAt: performance.now(),
      statements: { count: 0 },
      errorCodes: [],
      cache: null,
    };
    records.set(request, record);
  }
  return record;
}

export interface ObserveOptions {
  logger: Logger;
  metrics: ServiceMetrics;
  graphqlEndpoint: string;
  slowOperationMs: number;
  responseCache: boolean;
}

export function useRequestObservation({ logger, metrics, graphqlEndpoint, slowOperationMs, responseCache }: ObserveOptions): Plugin {
  return {
    instrumentation: {
      // Around the whole request, so statements of every phase land in its tally.
      request({ request }, wrapped) {
        return countingStatements(recordOf(request).statements, wrapped);
      },
    },
    onResultProcess({ request, result }) {
      const record = recordOf(request);
      const single = singleResult(result);
      if (!single) return;
      for (const error of single.errors ?? []) {
        const code = typeof error.extensions?.code === "string" ? error.extensions.code : "UNKNOWN";
        record.errorCodes.push(code);
        metrics.errors.inc({ code });
      }
      const cost = priceOf(request)?.cost;
      if (responseCache && cost?.operationType === "query" && !single.errors?.length) {
        record.cache = single[Symbol.for("servedFromResponseCache")] ? "hit" : "miss";
        metrics.cache.inc({ result: record.cache });
      }
    },
    onResponse({ request, response }) {
      const record = recordOf(request);
      response.headers.set("X-Request-Id", record.id);
      const url = new URL(request.url);
      const durationMs = Math.round((performance.now() - record.startedAt) * 10) / 10;
      if (url.pathname !== graphqlEndpoint) {
        logger.debug({ requestId: record.id, method: request.method, path: url.pathname, status: response.status, durationMs }, "request");
        return;
      }
      const price = priceOf(request);
      const operation = metrics.operationLabel(price?.cost?.operationName);
      metrics.duration.observe({ operation, status: response.status, cache: record.cache ?? "none" }, durationMs / 1000);
      if (price?.cost) {
        metrics.cost.observe({ operation }, price.cost.requested);
        metrics.statements.observe({ operation }, record.statements.count);
      }
      const line = {
        requestId: record.id,
        method: request.method,
        operationName: price?.cost?.operationName ?? null,
        operationType: price?.cost?.operationType ?? null,
        status: response.status,
        durationMs,
        cost: price?.cost?.requested ?? null,
        statements: record.statements.count,
        cache: record.cache,
        ...(record.errorCodes.length ? { errors: record.errorCodes } : {}),
      };
      if (durationMs >= slowOperationMs) logger.warn({ ...line, slow: true }, "slow operation");
      else logger.info(line, "operation");
    },
  };
}
