// Source rows by label: found in the Source table, or created from the label and the outlets
// table the first time a label is seen ("Voice of Korea (Es)" becomes name "Voice of Korea",
// language "es", slug "voice-of-korea-es").
import { Prisma } from "../generated/prisma/client.ts";
import { uniqueSlug } from "../lib/slug.ts";
import type { RawQuery } from "./raw-sql.ts";
import { parseSourceLabel, sourceSlugBase } from "./source-label.ts";

export class SourceRegistry {
  private readonly idByLabel = new Map<string, number>();
  private readonly slugs = new Set<string>();

  private constructor() {}

  static async load(db: RawQuery): Promise<SourceRegistry> {
    const registry = new SourceRegistry();
    const rows = await db.$queryRaw<{ id: number; slug: string; label: string }[]>(Prisma.sql`SELECT id, slug, label FROM "Source"`);
    for (const row of rows) {
      registry.idByLabel.set(row.label, row.id);
      registry.slugs.add(row.slug);
    }
    return registry;
  }

  idOf(label: string): number | undefined {
    return this.idByLabel.get(label);
  }

  /**
   * Creates Source rows for labels not stored yet. `languageOf` gives the language of the first
   * record seen with a label, used when neither the label nor the outlets table names one.
   */
  async ensure(db: RawQuery, labels: Iterable<string>, languageOf: (label: string) => string): Promise<void> {
    for (const text of new Set(labels)) {
      if (this.idByLabel.has(text)) continue;
      const label = parseSourceLabel(text);
      const outlet = label.outlet;
      const rows = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
        INSERT INTO "Source" (slug, name, label, language, agency, homepage, country, description, "updatedAt")
        VALUES (${uniqueSlug(sourceSlugBase(label), this.slugs)}, ${label.name}, ${label.label},
          ${label.edition ?? outlet?.defaultLanguage ?? languageOf(text)}, ${outlet?.agency ?? null}, ${outlet?.homepage ?? null},
          ${outlet?.country ?? null}, ${outlet?.description ?? null}, CURRENT_TIMESTAMP)
        ON CONFLICT (label) DO UPDATE SET label = EXCLUDED.label
        RETURNING id`);
      this.idByLabel.set(text, rows[0]!.id);
    }
  }
}
