// Structured JSON logs (pino), one object a line, and the same logger behind Yoga's own messages.
import { GraphQLError } from "graphql";
import type { YogaLogger } from "graphql-yoga";
import { pino } from "pino";
import type { LogLevel } from "../config.ts";
import { classifyDatabaseFailure } from "../db/failures.ts";

export type Logger = pino.Logger;

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "newsgraph", pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names rather than numbers: readable without pino-pretty, and what log shippers expect.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

type Level = "debug" | "info" | "warn" | "error";

/**
 * The level for an error Yoga reports as it masks it. Errors of execution (they have a path) are
 * logged already, with the request id, by yoga.ts; a database that is down or slow is expected
 * now and then and the client got a coded answer, so it warns rather than pages someone.
 */
function maskedErrorLevel(error: unknown): Level {
  if (error instanceof GraphQLError && error.path) return "debug";
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  return classifyDatabaseFailure(original) ? "warn" : "error";
}

/** Yoga logs through the service's logger, under its own name. */
export function yogaLogger(logger: Logger): YogaLogger {
  const child = logger.child({ component: "yoga" });
  const write = (level: Level, args: unknown[]) => {
    const [first, ...rest] = args;
    if (first instanceof Error) child[level]({ err: first, details: rest }, first.message);
    else child[level](rest.length ? { details: rest } : {}, String(first));
  };
  const forward =
    (level: Level) =>
    (...args: unknown[]) =>
      write(level, args);
  return { debug: forward("debug"), info: forward("info"), warn: forward("warn"), error: (...args) => write(maskedErrorLevel(args[0]), args) };
}
