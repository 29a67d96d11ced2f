// Every request has a deadline, counted from its arrival. Execution runs under an AbortSignal
// that fires at the deadline (or when the client hangs up): the executor stops resolving and the
// request answers DEADLINE_EXCEEDED at once. A statement already sent keeps its connection until
// PostgreSQL's statement_timeout, which is set to the same length (config.ts), so no connection
// is held much past the deadline of the request that took it.
import type { Plugin } from "graphql-yoga";
import { deadlineExceeded } from "../graphql-errors.ts";

const arrivals = new WeakMap<Request, number>();

export function useDeadline(timeoutMs: number): Plugin {
  return {
    onRequest({ request }) {
      arrivals.set(request, performance.now());
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const arrived = request ? (arrivals.get(request) ?? performance.now()) : performance.now();
      const remaining = Math.max(0, timeoutMs - (performance.now() - arrived));
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(deadlineExceeded(timeoutMs)), remaining);
      timer.unref();
      // A client that hangs up ends the work too. Its signal may be the server adapter's own
      // AbortSignal implementation, which AbortSignal.any refuses, so it is followed by event.
      const hungUp = () => controller.abort(request?.signal.reason);
      request?.signal.addEventListener("abort", hungUp, { once: true });
      // The executor of graphql-tools (Yoga's) reads `signal` from the execution arguments.
      (args as { signal?: AbortSignal }).signal = controller.signal;
      return {
        onExecuteDone() {
          clearTimeout(timer);
          request?.signal.removeEventListener("abort", hungUp);
        },
      };
    },
  };
}
