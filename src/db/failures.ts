// Sorts database failures into the two that callers answer differently from any other: the
// server cannot be reached (down, restarting, refusing connections: retry later), and a
// statement ran past its `statement_timeout`. Both arrive wrapped by Prisma's driver adapter.

export type DatabaseFailure = "unavailable" | "timeout";

interface WrappedError {
  code?: unknown;
  errno?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  cause?: unknown;
}

/** Node socket errors of a connection that failed or broke. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/**
 * SQLSTATEs of a server going away or not accepting yet: class 08 (connection exception),
 * 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now), 53300 (too many connections).
 */
function isUnavailableState(state: string): boolean {
  return state.startsWith("08") || state === "57P01" || state === "57P02" || state === "57P03" || state === "53300";
}

const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

export function classifyDatabaseFailure(error: unknown, depth = 0): DatabaseFailure | null {
  if (!error || typeof error !== "object" || depth > 5) return null;
  const err = error as WrappedError;
  const cause = err.meta?.driverAdapterError?.cause;
  const kind = typeof cause?.kind === "string" ? cause.kind : null;
  const state = [cause?.originalCode, cause?.code, err.code].find((code): code is string => typeof code === "string") ?? "";
  if (state === "57014") return "timeout";
  if ((kind && UNREACHABLE_KINDS.has(kind)) || SOCKET_CODES.has(state) || isUnavailableState(state) || state === "P1001" || state === "P1017") {
    return "unavailable";
  }
  const message = (error as Error).message ?? "";
  // pg's own wording when a pooled connection dies or the pool waits too long for one.
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message)) {
    return "unavailable";
  }
  return classifyDatabaseFailure(err.cause, depth + 1);
}
