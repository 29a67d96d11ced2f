// Change notifications: writers announce which articles and entities changed with PostgreSQL's
// NOTIFY, inside the transaction that changed them, so the announcement goes out exactly when
// (and only if) the change commits, from whichever process wrote it. Servers LISTEN (listen.ts)
// and drop what their caches hold about those rows. PGlite delivers NOTIFY within its process.
//
// Payloads carry ids only; PostgreSQL limits one to 8,000 bytes, so large changes are split into
// several notifications.
import { Prisma } from "../generated/prisma/client.ts";

export const CHANGES_CHANNEL = "newsgraph_changes";

/** Row ids whose data changed (for articles: written, re-written or retracted). */
export interface ChangeSet {
  articles: number[];
  sources: number[];
  persons: number[];
  places: number[];
}

export type ChangeKind = keyof ChangeSet;
const KINDS: readonly ChangeKind[] = ["articles", "sources", "persons", "places"];

/** Comfortably below PostgreSQL's 8,000-byte payload limit. */
const MAX_PAYLOAD_BYTES = 7_000;

export function emptyChangeSet(): ChangeSet {
  return { articles: [], sources: [], persons: [], places: [] };
}

/** The payloads announcing `change`, each within the size limit; none for an empty change. */
export function encodeChanges(change: ChangeSet): string[] {
  const payloads: string[] = [];
  let current = emptyChangeSet();
  let size = 2;
  const flush = () => {
    if (size > 2) payloads.push(JSON.stringify(current));
    current = emptyChangeSet();
    size = 2;
  };
  // What an id adds to the JSON: its digits and a comma, and for a kind's first id also
  // `"kind":[]` around it.
  const added = (kind: ChangeKind, id: number) => String(id).length + 1 + (current[kind].length === 0 ? kind.length + 5 : 0);
  for (const kind of KINDS) {
    for (const id of new Set(change[kind])) {
      if (size + added(kind, id) > MAX_PAYLOAD_BYTES) flush();
      size += added(kind, id);
      current[kind].push(id);
    }
  }
  flush();
  return payloads;
}

/** Reads a payload back; null for one this service did not write. */
export function decodeChanges(payload: string): ChangeSet | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const change = emptyChangeSet();
  for (const kind of KINDS) {
    const ids = (parsed as Record<string, unknown>)[kind];
    if (ids === undefined) continue;
    if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id))) return null;
    change[kind] = ids as number[];
  }
  return change;
}

type NotifySql = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Announces `change`; inside a transaction it is delivered at commit. */
export async function notifyChanges(db: NotifySql, change: ChangeSet): Promise<void> {
  for (const payload of encodeChanges(change)) {
    await db.$executeRaw(Prisma.sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${payload})`);
  }
}
