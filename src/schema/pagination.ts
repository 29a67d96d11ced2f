// Relay pagination shared by every connection: argument rules from docs/api.md, opaque keyset
// cursors, and turning a fetched window of rows into edges and pageInfo.
import type { CursorValues, PageRequest } from "../lib/keyset.ts";
import { badInput } from "../graphql-errors.ts";
import { truncate } from "./global-id.ts";

export type { CursorValues, PageRequest } from "../lib/keyset.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** A size argument such as `first` on non-connection lists (`related(first:)`). */
export function checkSize(name: string, value: number | null | undefined, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, name);
  }
  return value;
}

/** What one value of a cursor holds, as the ordering writes it (the sort value as SQL text). */
export type CursorValueKind = "date" | "timestamp" | "text" | "decimal";

/** The cursors of one ordering: every value is checked against it before any SQL sees it. */
export interface CursorShape {
  /** Names the ordering and list, so that a cursor of one cannot be replayed under another. */
  scheme: string;
  /** The sort values before the row's id. */
  values: readonly { kind: CursorValueKind; nullable: boolean }[];
}

/** Validates page arguments, and the cursor against the ordering's shape. */
export function parsePageArgs(args: PageArgs, shape: CursorShape): PageRequest {
  if (args.first != null && args.last != null) {
    throw badInput('Pass either "first" or "last", not both.', "first");
  }
  if (args.after != null && args.before != null) {
    throw badInput('Pass either "after" or "before", not both.', "after");
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const limit = backward ? checkSize("last", args.last, DEFAULT_PAGE_SIZE) : checkSize("first", args.first, DEFAULT_PAGE_SIZE);
  const raw = backward ? args.before : args.after;
  if (backward && args.after != null) throw badInput('"after" goes with "first"; use "before" with "last".', "after");
  if (!backward && args.before != null) throw badInput('"before" goes with "last"; use "after" with "first".', "before");
  return { backward, limit, cursor: raw == null ? null : decodeCursor(raw, shape, backward ? "before" : "after") };
}

export function encodeCursor(scheme: string, values: CursorValues): string {
  return Buffer.from(JSON.stringify([scheme, ...values]), "utf8").toString("base64url");
}

/** PostgreSQL's integer ids. */
const MAX_ID = 2_147_483_647;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;
const DECIMAL = /^\d{1,6}(\.\d{1,6})?$/;
/** Longer than any title this service stores; a longer text cannot be one of its sort values. */
const MAX_TEXT = 2_000;

/** A day that exists, in the years PostgreSQL and cursors share (0001 to 9999). */
function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match || Number(match[1]) < 1) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  return !!match && isCalendarDate(match[1]!) && Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 60;
}

function hasKind(value: unknown, kind: CursorValueKind): boolean {
  if (typeof value !== "string") return false;
  switch (kind) {
    case "date":
      return isCalendarDate(value);
    case "timestamp":
      return isTimestamp(value);
    case "decimal":
      return DECIMAL.test(value);
    case "text":
      // PostgreSQL text cannot hold NUL; no stored title is this long.
      return value.length <= MAX_TEXT && !value.includes("\u0000");
  }
}

export function decodeCursor(cursor: string, shape: CursorShape, argument: string): CursorValues {
  const fail = (why: string) => badInput(`Argument "${argument}" is not a valid cursor (${why}): "${truncate(cursor)}".`, argument);
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error();
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw fail("not a cursor this service issued");
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.values.length + 2) throw fail("not a cursor this service issued");
  const [cursorScheme, ...values] = parsed as unknown[];
  if (cursorScheme !== shape.scheme) throw fail(`it belongs to another ordering or list than ${shape.scheme}`);
  const id = values.at(-1);
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > MAX_ID) throw fail("not a cursor this service issued");
  shape.values.forEach((expected, index) => {
    const value = values[index];
    if (value === null ? !expected.nullable : !hasKind(value, expected.kind)) throw fail("not a cursor this service issued");
  });
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
export function toConnection<T>(rows: readonly { node: T; cursor: CursorValues }[], page: PageRequest, scheme: string): Connection<T> {
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
 * arguments as docs/api.md requires, and the cursors, and returns the maximum size.
 */
export function guardPageSize(args: PageArgs): number {
  if (args.first != null && args.last != null) throw badInput('Pass either "first" or "last", not both.', "first");
  checkSize("first", args.first, DEFAULT_PAGE_SIZE);
  checkSize("last", args.last, DEFAULT_PAGE_SIZE);
  checkIdCursor("after", args.after);
  checkIdCursor("before", args.before);
  return MAX_PAGE_SIZE;
}

/**
 * Pothos writes a cursor over an integer id as base64 of "GPC:N:<id>". It decodes other tags
 * too (strings, dates, JSON), which would reach Prisma as an id of the wrong type, so anything
 * but an id in range is refused here.
 */
function checkIdCursor(argument: "after" | "before", cursor: string | null | undefined): void {
  if (cursor == null) return;
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(cursor) ? Buffer.from(cursor, "base64").toString("utf8") : "";
  const id = /^GPC:N:(\d{1,10})$/.exec(decoded)?.[1];
  if (id === undefined || Number(id) < 1 || Number(id) > MAX_ID) {
    throw badInput(`Argument "${argument}" is not a valid cursor (not a cursor this service issued): "${truncate(cursor)}".`, argument);
  }
}

/** A connection's total, computed on demand when the resolver deferred it. */
export function totalOf(connection: { totalCount: number | (() => Promise<number> | number) }): Promise<number> | number {
  return typeof connection.totalCount === "function" ? connection.totalCount() : connection.totalCount;
}
