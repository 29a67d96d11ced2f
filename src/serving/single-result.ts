// What onResultProcess hands the serving plugins is one result, a batch or a stream; they all
// look at single results only (batching is off, and streams carry no cost or cache headers).
import type { ExecutionResult } from "graphql";

/** The result when it is a single one, otherwise null. */
export function singleResult(result: unknown): (ExecutionResult & { [key: symbol]: unknown }) | null {
  if (Array.isArray(result) || !result || typeof result !== "object" || Symbol.asyncIterator in result) return null;
  return result as ExecutionResult & { [key: symbol]: unknown };
}
