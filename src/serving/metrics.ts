// Prometheus metrics at GET /metrics (@graphql-yoga/plugin-prometheus on a prom-client registry):
// execution time by operation from the plugin, and the service's own: request duration by
// operation, errors by code, operation cost, SQL statements per request, pool connections,
// response cache hits and misses, refused requests, and Node's process metrics.
import { createHistogram, usePrometheus } from "@graphql-yoga/plugin-prometheus";
import type { Plugin } from "graphql-yoga";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Database } from "../db/database.ts";

/**
 * Operation names are chosen by clients, and each distinct label value is a time series kept
 * forever; past this many names, further ones are counted together as "other".
 */
const MAX_OPERATION_NAMES = 200;

export interface ServiceMetrics {
  registry: Registry;
  operationLabel(name: string | null | undefined): string;
  errors: Counter<"code">;
  duration: Histogram<"operation" | "status" | "cache">;
  cost: Histogram<"operation">;
  statements: Histogram<"operation">;
  cache: Counter<"result">;
  refused: Counter<"reason">;
  invalidations: Counter<never>;
}

export function createMetrics(db: Database): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined) => {
    const label = name || "anonymous";
    if (seen.has(label)) return label;
    if (seen.size >= MAX_OPERATION_NAMES) return "other";
    seen.add(label);
    return label;
  };
  new Gauge({
    name: "newsgraph_db_pool_connections",
    help: "PostgreSQL pool connections by state: in use, idle, and requests waiting for one.",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = db.poolStats();
      if (!stats) return;
      this.set({ state: "in_use" }, stats.total - stats.idle);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  return {
    registry,
    operationLabel,
    errors: new Counter({
      name: "newsgraph_graphql_errors_total",
      help: "Errors in GraphQL responses, by extensions.code.",
      labelNames: ["code"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "newsgraph_graphql_request_duration_seconds",
      help: "Time to answer each request to the GraphQL endpoint, by operation, HTTP status and response cache result.",
      labelNames: ["operation", "status", "cache"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cost: new Histogram({
      name: "newsgraph_operation_cost",
      help: "Cost of each priced operation, in points (extensions.cost.requested).",
      labelNames: ["operation"],
      buckets: [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000],
      registers: [registry],
    }),
    statements: new Histogram({
      name: "newsgraph_sql_statements_per_request",
      help: "SQL statements each GraphQL request sent.",
      labelNames: ["operation"],
      buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55],
      registers: [registry],
    }),
    cache: new Counter({
      name: "newsgraph_response_cache_total",
      help: "Queries answered from the response cache (hit) or executed (miss).",
      labelNames: ["result"],
      registers: [registry],
    }),
    refused: new Counter({
      name: "newsgraph_requests_refused_total",
      help: "Requests refused before execution, by reason.",
      labelNames: ["reason"],
      registers: [registry],
    }),
    invalidations: new Counter({
      name: "newsgraph_response_cache_invalidations_total",
      help: "Change announcements that dropped cached responses.",
      registers: [registry],
    }),
  };
}

/** Yoga's Prometheus plugin on the service's registry, serving GET /metrics. */
export function usePrometheusMetrics(metrics: ServiceMetrics): Plugin {
  const byOperation = (params: { operationName?: string | undefined; operationType?: string | undefined }) => ({
    operationName: metrics.operationLabel(params.operationName),
    operationType: params.operationType ?? "unknown",
  });
  return usePrometheus({
    registry: metrics.registry,
    endpoint: "/metrics",
    metrics: {
      // Measured by observe.ts instead, which also sees requests answered before parsing
      // (from the response cache, or refused by the cost limit).
      graphql_yoga_http_duration: false,
      graphql_envelop_phase_execute: createHistogram({
        registry: metrics.registry,
        histogram: {
          name: "graphql_envelop_phase_execute",
          help: "Time spent executing each operation, in seconds.",
          labelNames: ["operationName", "operationType"],
          buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        },
        fillLabelsFn: byOperation,
      }),
    },
  }) as Plugin;
}
