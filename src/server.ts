// Listens on PORT and shuts down gracefully: stop accepting, finish in-flight requests, close
// the database. Everything else (schema, context, errors) lives in yoga.ts.
import { createServer, type Server } from "node:http";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { buildYoga } from "./yoga.ts";

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting, waits for in-flight requests (up to `graceMs`), then closes the database. */
  stop(graceMs?: number): Promise<void>;
}

export async function startServer(config: Config, db: Database): Promise<RunningServer> {
  const yoga = buildYoga({ prisma: db.prisma, exposeErrors: !config.production });
  // Counted by handler, not by socket: a client that hangs up does not end the work its request
  // started, and the database must stay open until that work is done.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const server = createServer((request, response) => {
    inFlight++;
    Promise.resolve(yoga(request, response)).finally(() => {
      if (--inFlight === 0) drained?.();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}${yoga.graphqlEndpoint}`;

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000) =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const finished = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await Promise.all([closed, finished]);
      clearTimeout(timer);
      await db.close();
    })());

  return { server, url, stop };
}
