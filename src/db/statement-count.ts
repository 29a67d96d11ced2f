// Counts the SQL statements each request sends, for metrics and logs. Prisma reports statements
// through one client-wide event, so the request they belong to is found through the async
// context in which they were issued (DataLoader batches run in the context of their first load,
// which belongs to the same request, since loaders are made per request).
import { AsyncLocalStorage } from "node:async_hooks";

export interface StatementTally {
  count: number;
}

const scope = new AsyncLocalStorage<StatementTally>();

/** Runs `work` with a fresh tally that every statement sent on its behalf increments. */
export function countingStatements<T>(tally: StatementTally, work: () => T): T {
  return scope.run(tally, work);
}

/** Called for each statement the driver sends. */
export function recordStatement(): void {
  const tally = scope.getStore();
  if (tally) tally.count++;
}
