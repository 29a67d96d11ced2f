// Structured JSON logs (pino), one object a line, and the same logger behind Yoga's own messages.
import type { YogaLogger } from "graphql-yoga";
import { pino } from "pino";
import type { LogLevel } from "../config.ts";

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

/** Yoga logs through the service's logger, under its own name. */
export function yogaLogger(logger: Logger): YogaLogger {
  const child = logger.child({ component: "yoga" });
  const forward = (level: "debug" | "info" | "warn" | "error") => (...args: unknown[]) => {
    const [first, ...rest] = args;
    if (first instanceof Error) child[level]({ err: first, details: rest }, first.message);
    else child[level](rest.length ? { details: rest } : {}, String(first));
  };
  return { debug: forward("debug"), info: forward("info"), warn: forward("warn"), error: forward("error") };
}
