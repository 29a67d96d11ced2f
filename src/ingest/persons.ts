// Persons the ingester links beyond the reference table: bylined authors and people the extractor
// discovers in texts. Both are matched to stored persons (reference persons and ones created by
// earlier runs) by name or alias, spelled loosely ("Kim Jong-un" is "Kim Jong Un"); a name nobody
// has yet becomes a new Person, inserted before the batch that links it is written.
import { joinList, splitList } from "../db/bulk-rows.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { slugify, uniqueSlug } from "../lib/slug.ts";
import type { RawQuery } from "./raw-sql.ts";

/** Case, accents, hyphens and apostrophes do not tell two spellings of a name apart. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[-‐‑–'’`.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** What a new Person row is made of. */
export interface NewPerson {
  name: string;
  aliases?: readonly string[];
  titles?: readonly string[];
  description?: string | undefined;
}

export class PersonRegistry {
  private readonly idByName = new Map<string, number>();
  private readonly slugs = new Set<string>();
  private pending = new Map<string, NewPerson>();

  private constructor() {}

  static async load(db: RawQuery): Promise<PersonRegistry> {
    const registry = new PersonRegistry();
    const rows = await db.$queryRaw<{ id: number; slug: string; name: string; aliases: string[] }[]>(
      Prisma.sql`SELECT id, slug, name, aliases FROM "Person" ORDER BY id`,
    );
    for (const row of rows) {
      registry.slugs.add(row.slug);
      // Canonical names win over aliases when two persons share a spelling.
      registry.idByName.set(nameKey(row.name), row.id);
    }
    for (const row of rows) {
      for (const alias of row.aliases) if (!registry.idByName.has(nameKey(alias))) registry.idByName.set(nameKey(alias), row.id);
    }
    return registry;
  }

  idOf(name: string): number | undefined {
    return this.idByName.get(nameKey(name));
  }

  /** Queues a person no stored person has the name of. */
  require(person: NewPerson): void {
    const key = nameKey(person.name);
    if (!this.idByName.has(key) && !this.pending.has(key)) this.pending.set(key, person);
  }

  async persist(db: RawQuery): Promise<void> {
    if (this.pending.size === 0) return;
    const persons = [...this.pending.values()];
    const slugs = persons.map((person) => uniqueSlug(slugify(person.name), this.slugs));
    const rows = await db.$queryRaw<{ id: number; slug: string }[]>(Prisma.sql`
      INSERT INTO "Person" (slug, name, aliases, titles, description, "updatedAt")
      SELECT u.slug, u.name, ${splitList(Prisma.sql`u.aliases`)}, ${splitList(Prisma.sql`u.titles`)}, u.description, CURRENT_TIMESTAMP
      FROM unnest(
        ${slugs}::text[],
        ${persons.map((person) => person.name)}::text[],
        ${persons.map((person) => joinList(person.aliases ?? []))}::text[],
        ${persons.map((person) => joinList(person.titles ?? []))}::text[],
        ${persons.map((person) => person.description ?? null)}::text[]) AS u(slug, name, aliases, titles, description)
      RETURNING id, slug`);
    const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
    persons.forEach((person, index) => {
      const id = idBySlug.get(slugs[index]!)!;
      this.idByName.set(nameKey(person.name), id);
      for (const alias of person.aliases ?? []) if (!this.idByName.has(nameKey(alias))) this.idByName.set(nameKey(alias), id);
    });
    this.pending = new Map();
  }
}
