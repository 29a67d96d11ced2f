// Relay pagination shared by every connection: argument rules from docs/api.md, opaque keyset
// cursors, and turning a fetched window of rows into edges and pageInfo.
import { badInput } from "./errors.ts";
import { truncate } from "./global-id.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface PageRequest {
  /** Backward pages are fetched in reverse order, then flipped. */
  backward: boolean;
  limit: number;
  /** Decoded keyset of the cursor to start from, exclusive. */
  cursor: CursorValues | null;
}

/** The ordering values of a row followed by its id, e.g. ["2023-01-21", 42]. */
export type CursorValues = (string | number | null)[];

/** A size argument such as `first` on non-connection lists (`related(first:)`). */
export function checkSize(name: string, value: number | null | undefined, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, name);
  }
  return value;
}

/**
 * Validates page arguments. `scheme` names the ordering so that a cursor from one ordering
 * cannot be replayed under another; `width` is how many values the cursor holds.
 */
export function parsePageArgs(args: PageArgs, scheme: string, width: number): PageRequest {
  if (args.first != null && args.last != null) {
    throw badInput('Pass either "first" or "last", not both.', "first");
  }
  if (args.after != null && args.before != null) {
    throw badInput('Pass either "after" or "before", not both.', "after");
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const limit = backward
    ? checkSize("last", args.last, DEFAULT_PAGE_SIZE)
    : checkSize("first", args.first, DEFAULT_PAGE_SIZE);
  const raw = backward ? args.before : args.after;
  if (backward && args.after != null) throw badInput('"after" goes with "first"; use "before" with "last".', "after");
  if (!backward && args.before != null) throw badInput('"before" goes with "last"; use "after" with "first".', "before");
  return { backward, limit, cursor: raw == null ? null : decodeCursor(raw, scheme, width, backward ? "before" : "after") };
}

export function encodeCursor(scheme: string, values: CursorValues): string {
  return Buffer.from(JSON.stringify([scheme, ...values]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, scheme: string, width: number, argument: string): CursorValues {
  const fail = (why: string) => badInput(`Argument "${argument}" is not a valid cursor (${why}): "${truncate(cursor)}".`, argument);
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error();
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw fail("not a cursor this service issued");
  }
  if (!Array.isArray(parsed) || parsed.length !== width + 1) throw fail("not a cursor this service issued");
  const [cursorScheme, ...values] = parsed as unknown[];
  if (cursorScheme !== scheme) throw fail(`it belongs to another ordering or list than ${scheme}`);
  if (!values.every((v) => v === null || typeof v === "string" || typeof v === "number")) {
    throw fail("not a cursor this service issued");
  }
  const id = values[values.length - 1];
  if (typeof id !== "number" || !Number.isInteger(id)) throw fail("not a cursor this service issued");
  return values as CursorValues;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Builds a connection from rows fetched with `limit + 1` in fetch order (reversed for backward
 * pages): the extra row only tells that another page exists.
 */
export function toConnection<T>(
  rows: readonly { node: T; cursor: CursorValues }[],
  page: PageRequest,
  scheme: string,
): Connection<T> {
  const hasMore = rows.length > page.limit;
  const window = rows.slice(0, page.limit);
  if (page.backward) window.reverse();
  const edges = window.map((row) => ({ cursor: encodeCursor(scheme, row.cursor), node: row.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? page.cursor !== null : hasMore,
      hasPreviousPage: page.backward ? hasMore : page.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * For Pothos' prisma connections, which clamp oversized pages silently: validates the page
 * arguments as docs/api.md requires and returns the maximum size.
 */
export function guardPageSize(args: PageArgs): number {
  if (args.first != null && args.last != null) throw badInput('Pass either "first" or "last", not both.', "first");
  checkSize("first", args.first, DEFAULT_PAGE_SIZE);
  checkSize("last", args.last, DEFAULT_PAGE_SIZE);
  return MAX_PAGE_SIZE;
}

/** A connection's total, computed on demand when the resolver deferred it. */
export function totalOf(connection: { totalCount: number | (() => Promise<number> | number) }): Promise<number> | number {
  return typeof connection.totalCount === "function" ? connection.totalCount() : connection.totalCount;
}
