// Bulk rows travel as one array parameter per column, cast in SQL and unnested server-side:
//
//   INSERT INTO "T" (a, b) SELECT * FROM unnest(${as}::int[], ${bs}::text[])
//
// One statement per batch whatever its size, with a fixed number of bind parameters (PostgreSQL
// allows 65,535 per statement, so one parameter per row and column would not fit a big batch).
// Both driver adapters send a JS array as a PostgreSQL array; the casts fix its element type.
//
// A column that is itself a list (aliases, surface forms) cannot be unnested, since PostgreSQL
// arrays of arrays must be rectangular: each row's list travels as one string, joined with a
// separator no name contains, and is split again in SQL by `splitList`.
import { Prisma } from "../generated/prisma/client.ts";

const SEPARATOR = "\u001f";

/** One row's list as a single string; a separator inside a value becomes a space. */
export function joinList(values: readonly string[]): string {
  return values.map((value) => value.replaceAll(SEPARATOR, " ")).join(SEPARATOR);
}

/** SQL turning a `joinList` string column back into text[] (an empty string is an empty list). */
export function splitList(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`string_to_array(${column}, E'\\x1f')`;
}
