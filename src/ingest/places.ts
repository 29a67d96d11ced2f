// The places the ingester links to: the reference places (already synced), places discovered in
// earlier runs (read back from the Place table), and places the extractor discovers now, which
// are inserted, parents first, before the batch that mentions them is written.
import { joinList, splitList } from "../db/bulk-rows.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { PlaceKind } from "../generated/prisma/enums.ts";
import { slugify, uniqueSlug } from "../lib/slug.ts";
import type { PlaceRef } from "../reference/types.ts";
import type { RawQuery } from "./raw-sql.ts";

interface PlaceRow {
  id: number;
  slug: string;
  name: string;
  aliases: string[];
  kind: PlaceKind;
  parentId: number | null;
  latitude: number | null;
  longitude: number | null;
  code: string | null;
}

function sameness(name: string, parentId: number | null): string {
  return `${name.toLowerCase()}\u0000${parentId ?? ""}`;
}

/** Places ordered so every parent precedes its children (`known`: parents already placed). */
function parentsFirst(places: readonly PlaceRef[], known: ReadonlySet<string>): PlaceRef[] {
  const ordered: PlaceRef[] = [];
  const placed = new Set(known);
  let remaining = [...places];
  while (remaining.length > 0) {
    const ready = remaining.filter((place) => !place.parentKey || placed.has(place.parentKey));
    // An unresolvable parent (a cycle edited in by hand) would stall; keep such places, parentless.
    const next = ready.length > 0 ? ready : remaining.map(({ parentKey: _cycle, ...place }) => place);
    for (const place of next) {
      ordered.push(place);
      placed.add(place.key);
    }
    remaining = remaining.filter((place) => !placed.has(place.key));
  }
  return ordered;
}

export class PlaceRegistry {
  private readonly idByKey = new Map<string, number>();
  /** Stored places by name and parent, so a place found again maps to its row, not a copy. */
  private readonly idBySameness = new Map<string, number>();
  private readonly slugs = new Set<string>();
  private readonly codes = new Set<string>();
  private pending: PlaceRef[] = [];
  /** Places stored before this run that are not reference places, as catalog entries, parents first. */
  storedExtras: PlaceRef[] = [];

  private constructor() {}

  /** Reads the Place table; `referenceIds` maps reference keys to their synced rows. */
  static async load(db: RawQuery, referenceIds: ReadonlyMap<string, number>): Promise<PlaceRegistry> {
    const registry = new PlaceRegistry();
    const keyById = new Map<number, string>();
    for (const [key, id] of referenceIds) {
      registry.idByKey.set(key, id);
      keyById.set(id, key);
    }
    const rows = await db.$queryRaw<PlaceRow[]>(
      Prisma.sql`SELECT id, slug, name, aliases, kind::text AS kind, "parentId", latitude, longitude, code FROM "Place" ORDER BY id`,
    );
    for (const row of rows) {
      registry.slugs.add(row.slug);
      if (row.code) registry.codes.add(row.code);
      registry.idBySameness.set(sameness(row.name, row.parentId), row.id);
      if (!keyById.has(row.id)) keyById.set(row.id, `stored-place-${row.id}`);
    }
    const extras: PlaceRef[] = [];
    for (const row of rows) {
      const key = keyById.get(row.id)!;
      if (referenceIds.has(key)) continue;
      registry.idByKey.set(key, row.id);
      extras.push({
        key,
        name: row.name,
        aliases: row.aliases,
        kind: row.kind,
        ...(row.parentId !== null ? { parentKey: keyById.get(row.parentId) } : {}),
        ...(row.latitude !== null ? { latitude: row.latitude } : {}),
        ...(row.longitude !== null ? { longitude: row.longitude } : {}),
        ...(row.code ? { code: row.code } : {}),
      });
    }
    registry.storedExtras = parentsFirst(extras, new Set(referenceIds.keys()));
    return registry;
  }

  idOf(key: string): number | undefined {
    return this.idByKey.get(key);
  }

  /** Queues places the extractor discovered; keys already known are ignored. */
  discover(places: readonly PlaceRef[]): void {
    for (const place of places) {
      if (!this.idByKey.has(place.key) && !this.pending.some((queued) => queued.key === place.key)) this.pending.push(place);
    }
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /**
   * Inserts the queued places. Parents go first: each round inserts the places whose parent is
   * stored, so the chain village, county, province needs at most a few statements.
   */
  async persist(db: RawQuery): Promise<void> {
    let queue = this.pending;
    while (queue.length > 0) {
      const ready = queue.filter((place) => !place.parentKey || this.idByKey.has(place.parentKey));
      const blocked = queue.filter((place) => place.parentKey && !this.idByKey.has(place.parentKey));
      if (ready.length === 0) {
        // A parent nobody can resolve: store the rest without parents rather than lose them.
        queue = blocked.map(({ parentKey: _unresolved, ...place }) => place);
        continue;
      }
      const rows: { place: PlaceRef; slug: string; parentId: number | null }[] = [];
      for (const place of ready) {
        const parentId = place.parentKey ? this.idByKey.get(place.parentKey)! : null;
        const existing = this.idBySameness.get(sameness(place.name, parentId));
        if (existing !== undefined) this.idByKey.set(place.key, existing);
        else rows.push({ place, slug: uniqueSlug(slugify(place.name), this.slugs), parentId });
      }
      if (rows.length > 0) {
        const inserted = await db.$queryRaw<{ id: number; slug: string }[]>(Prisma.sql`
          INSERT INTO "Place" (slug, name, aliases, kind, "parentId", latitude, longitude, code, "updatedAt")
          SELECT u.slug, u.name, ${splitList(Prisma.sql`u.aliases`)}, u.kind::"PlaceKind", u.parent, u.lat, u.lng, u.code, CURRENT_TIMESTAMP
          FROM unnest(
            ${rows.map((row) => row.slug)}::text[],
            ${rows.map((row) => row.place.name)}::text[],
            ${rows.map((row) => joinList(row.place.aliases))}::text[],
            ${rows.map((row) => row.place.kind)}::text[],
            ${rows.map((row) => row.parentId)}::int[],
            ${rows.map((row) => row.place.latitude ?? null)}::float8[],
            ${rows.map((row) => row.place.longitude ?? null)}::float8[],
            ${rows.map((row) => (row.place.code && !this.codes.has(row.place.code) ? row.place.code : null))}::text[])
            AS u(slug, name, aliases, kind, parent, lat, lng, code)
          RETURNING id, slug`);
        const idBySlug = new Map(inserted.map((row) => [row.slug, row.id]));
        for (const row of rows) {
          const id = idBySlug.get(row.slug)!;
          this.idByKey.set(row.place.key, id);
          this.idBySameness.set(sameness(row.place.name, row.parentId), id);
          if (row.place.code) this.codes.add(row.place.code);
        }
      }
      queue = blocked;
    }
    this.pending = [];
  }
}
