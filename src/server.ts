// Listens on PORT and shuts down gracefully: stop accepting, finish in-flight requests, close
// the application and the database. Everything else (plugins, schema, errors) lives in app.ts
// and yoga.ts.
import { createServer, type Server } from "node:http";
import type { App } from "./app.ts";
import type { Database } from "./db/database.ts";
import { GRAPHQL_ENDPOINT } from "./yoga.ts";

export interface RunningServer {
  server: Server;
  /** The GraphQL endpoint's URL. */
  url: string;
  port: number;
  /** Stops accepting, waits for in-flight requests (up to `graceMs`), then closes app and database. */
  stop(graceMs?: number): Promise<void>;
}

export async function startServer(app: App, db: Database, port: number): Promise<RunningServer> {
  // Counted by handler, not by socket: a client that hangs up does not end the work its request
  // started, and the database must stay open until that work is done.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const server = createServer((request, response) => {
    inFlight++;
    // handle writes the response; the extra context names the peer for rate limits.
    void Promise.resolve(app.yoga.handle(request, response, { clientAddress: request.socket.remoteAddress })).finally(() => {
      if (--inFlight === 0) drained?.();
    });
  });
  // Load balancers keep idle connections for 60 s; closing first would race their reuse.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000) =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const finished = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await Promise.all([closed, finished]);
      clearTimeout(timer);
      await app.close();
      await db.close();
    })());

  return { server, url: `http://localhost:${boundPort}${GRAPHQL_ENDPOINT}`, port: boundPort, stop };
}
