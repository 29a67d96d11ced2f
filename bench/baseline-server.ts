// The baseline of the query API benchmark: the same data fetched with hand-written SQL through
// pg behind a minimal HTTP handler. GET /op/<n> runs operation n of query-api-ops.ts.
import { createServer } from "node:http";
import pg from "pg";
import { type BenchParams, OPERATIONS } from "./query-api-ops.ts";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const params = JSON.parse(process.env.BENCH_PARAMS ?? "{}") as BenchParams;

const server = createServer(async (request, response) => {
  const index = Number(/^\/op\/(\d+)$/.exec(request.url ?? "")?.[1]);
  const operation = OPERATIONS[index];
  if (!operation) {
    response.writeHead(404).end();
    return;
  }
  try {
    const { body, statements } = await operation.baseline(pool, params);
    response.writeHead(200, { "content-type": "application/json", "x-statements": String(statements) });
    response.end(JSON.stringify(body));
  } catch (error) {
    response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
  }
});

server.listen(Number(process.env.PORT ?? 4402), () => console.log(`baseline listening on ${process.env.PORT ?? 4402}`));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
