// GET /ready: 200 when the database answers and has every migration applied, 503 otherwise
// (with the reason as JSON), so a load balancer sends traffic only to instances that can serve.
// Until the server's start-up work has reached the database (migrations, demo seed), GraphQL
// requests are refused with SERVICE_UNAVAILABLE at once instead of waiting on connections.
import { useReadinessCheck, type Plugin } from "graphql-yoga";
import type { Database } from "../db/database.ts";
import { pendingMigrations } from "../db/migrations.ts";
import { serviceUnavailable } from "../graphql-errors.ts";

/** Whether start-up has reached the database; the server flips it once migrations are applied. */
export interface StartupState {
  ready: boolean;
  /** Why not, for /ready's body and the log. */
  reason: string;
}

const CHECK_TIMEOUT_MS = 2_000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export type Readiness = { ready: true } | { ready: false; reason: string };

export async function checkReadiness(db: Database, startup: StartupState): Promise<Readiness> {
  if (!startup.ready) return { ready: false, reason: startup.reason };
  try {
    const pending = await withTimeout(pendingMigrations(db), CHECK_TIMEOUT_MS);
    if (pending.length > 0) return { ready: false, reason: `migrations not applied: ${pending.join(", ")}` };
    return { ready: true };
  } catch {
    // Not the driver's message: it names hosts and ports, and /ready is often public.
    return { ready: false, reason: "the database does not answer" };
  }
}

export function useReadiness(db: Database, startup: StartupState): Plugin[] {
  return [
    useReadinessCheck({
      endpoint: "/ready",
      async check({ fetchAPI }) {
        const readiness = await checkReadiness(db, startup);
        return new fetchAPI.Response(JSON.stringify(readiness.ready ? { status: "ready" } : { status: "unavailable", reason: readiness.reason }), {
          status: readiness.ready ? 200 : 503,
          headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
        });
      },
    }),
    {
      onParams() {
        if (!startup.ready) throw serviceUnavailable();
      },
    },
  ];
}
