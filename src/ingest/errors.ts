// Errors the ingest command turns into one line of output and exit code 1, without a stack.

/** The command line is wrong: unknown flag, missing value, input that does not exist. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The run cannot go on (database gone, injected abort in tests); records are not at fault. */
export class IngestAbortedError extends Error {
  override name = "IngestAbortedError";
}

interface DriverError {
  code?: unknown;
  message?: string;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: string } } };
}

/** PostgreSQL's SQLSTATE of a failed statement, through Prisma's wrapping when there is one. */
export function sqlState(error: unknown): string | null {
  const err = error as DriverError;
  const code = err?.meta?.driverAdapterError?.cause?.originalCode ?? err?.code;
  return typeof code === "string" ? code : null;
}

/** PostgreSQL's own message of a failed statement, without Prisma's invocation preamble. */
export function databaseMessage(error: unknown): string | null {
  return (error as DriverError)?.meta?.driverAdapterError?.cause?.originalMessage ?? null;
}

/**
 * Whether a failed statement was refused for a record's data (SQLSTATE class 22 data exception,
 * 23 integrity constraint, 54 value too large) rather than for the state of the database.
 */
export function isRecordError(error: unknown): boolean {
  return /^(22|23|54)/.test(sqlState(error) ?? "");
}
