// Prices every operation before anything runs, refuses those over the limit, spends the price
// from the client's per-minute budget, and reports it in `extensions.cost` of every response.
//
// It works on the request's parameters (onParams), ahead of the response cache, so an answer
// served from the cache is priced and charged like any other: what a client may spend does not
// depend on what other clients asked before.
import { type DocumentNode, type GraphQLSchema, parse } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import { costLimitExceeded, rateLimited } from "../../graphql-errors.ts";
import type { ClientRateLimiter } from "../rate-limit.ts";
import { type OperationCost, analyzeCost } from "./analysis.ts";
import { singleResult } from "../single-result.ts";

export interface CostControlOptions {
  schema: GraphQLSchema;
  limit: number;
  /** The document limit's token count, so pricing never parses more than execution would. */
  maxTokens: number;
  rateLimiter: ClientRateLimiter | null;
  clientOf(request: Request, serverContext: unknown): string;
  /** Told of each priced operation (metrics). */
  onPriced?(cost: OperationCost): void;
  onRateLimited?(): void;
}

/** What pricing found for one request; read by later plugins (HTTP caching, logs). */
export interface RequestPrice {
  cost: OperationCost | null;
  limit: number;
  allowance: { limit: number; remaining: number; resetSeconds: number } | null;
}

const prices = new WeakMap<Request, RequestPrice>();

export function priceOf(request: Request): RequestPrice | undefined {
  return prices.get(request);
}

export function useCostControl(options: CostControlOptions): Plugin {
  // Documents repeat (clients send the same few operations), so each is parsed once here; a
  // document that does not parse is left to Yoga's parser to report.
  const documents = new LRUCache<string, { document: DocumentNode | null }>({ max: 1000 });
  const parseOnce = (query: string) => {
    let entry = documents.get(query);
    if (!entry) {
      try {
        entry = { document: parse(query, { maxTokens: options.maxTokens, noLocation: true }) };
      } catch {
        entry = { document: null };
      }
      documents.set(query, entry);
    }
    return entry.document;
  };

  return {
    async onParams({ params, request, context }) {
      const price: RequestPrice = { cost: null, limit: options.limit, allowance: null };
      prices.set(request, price);
      const document = typeof params.query === "string" ? parseOnce(params.query) : null;
      if (!document) return;
      const variables = params.variables && typeof params.variables === "object" ? (params.variables as Record<string, unknown>) : {};
      price.cost = analyzeCost(options.schema, document, params.operationName, variables);
      if (!price.cost) return;
      options.onPriced?.(price.cost);
      if (price.cost.requested > options.limit) throw costLimitExceeded(price.cost.requested, options.limit);
      if (!options.rateLimiter) return;
      const allowance = await options.rateLimiter.spend(options.clientOf(request, context), price.cost.requested);
      price.allowance = allowance;
      if (!allowance.allowed) {
        options.onRateLimited?.();
        throw rateLimited(allowance.resetSeconds, allowance.limit);
      }
    },
    onResultProcess({ request, result, setResult }) {
      const single = singleResult(result);
      if (!single) return;
      const price = prices.get(request);
      const headers: Record<string, string> = { ...(single.extensions?.http as { headers?: Record<string, string> } | undefined)?.headers };
      if (price?.allowance) {
        // The IETF draft's RateLimit fields, so clients can pace themselves before a 429.
        headers["RateLimit-Limit"] = String(price.allowance.limit);
        headers["RateLimit-Remaining"] = String(price.allowance.remaining);
        headers["RateLimit-Reset"] = String(price.allowance.resetSeconds);
      }
      setResult({
        ...single,
        extensions: {
          ...single.extensions,
          cost: { requested: price?.cost?.requested ?? 0, limit: options.limit },
          http: { ...(single.extensions?.http as object | undefined), headers },
        },
      });
    },
  };
}
