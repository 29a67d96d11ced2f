// Date (calendar day, as outlets date their articles) and DateTime (an instant).
import { Kind } from "graphql";
import { badInput } from "../graphql-errors.ts";
import { builder } from "./builder.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value === "string" && ISO_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return value;
  }
  throw badInput(`Date must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(value)}.`);
}

function parseDateTime(value: unknown): Date {
  if (typeof value === "string") {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && /^\d{4}-\d{2}-\d{2}T/.test(value)) return date;
  }
  throw badInput(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}.`);
}

builder.scalarType("Date", {
  description: "A calendar date in ISO 8601 form, YYYY-MM-DD, without time or zone.",
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType("DateTime", {
  description: "An instant in ISO 8601 form with zone, e.g. 2026-02-16T00:00:00.000Z.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseDateTime(value).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
