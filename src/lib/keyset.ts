// A page of a keyset-paginated list, in the terms the SQL builders and loaders need: which way
// it goes, how many rows, and the decoded sort values to continue after. The schema validates
// page arguments and cursors into this (schema/pagination.ts); nothing below it sees a cursor's
// text.

/** The ordering values of a row followed by its id, e.g. ["2023-01-21", 42]. */
export type CursorValues = (string | number | null)[];

export interface PageRequest {
  /** Backward pages are fetched in reverse order, then flipped. */
  backward: boolean;
  limit: number;
  /** Decoded keyset of the cursor to start from, exclusive. */
  cursor: CursorValues | null;
}
