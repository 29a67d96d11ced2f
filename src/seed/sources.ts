// The demo corpus's sources: every language edition of the outlets the ingester knows, described
// from the same outlet table and slugged by the same rule, so demo and ingested sources look alike.
import { OUTLETS } from "../ingest/outlets.ts";
import { parseSourceLabel, sourceSlugBase } from "../ingest/source-label.ts";

/** One outlet in one language: the shape of a Source row without ids and timestamps. */
export interface SourceEdition {
  slug: string;
  /** Outlet name without the edition, e.g. "Naenara". */
  name: string;
  /** As monitoring sites show it, e.g. "Naenara (En)". */
  label: string;
  /** ISO 639-1. */
  language: string;
  agency: string | null;
  homepage: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  description: string;
}

/** "en" -> "(En)", the edition suffix monitoring sites put after the outlet's name. */
function editionLabel(name: string, language: string): string {
  return `${name} (${language.charAt(0).toUpperCase()}${language.slice(1)})`;
}

export const DEMO_SOURCES: readonly SourceEdition[] = OUTLETS.flatMap((outlet) =>
  outlet.editions.map((language): SourceEdition => {
    const label = editionLabel(outlet.name, language);
    return {
      slug: sourceSlugBase(parseSourceLabel(label)),
      name: outlet.name,
      label,
      language,
      agency: outlet.agency,
      homepage: outlet.homepage,
      country: outlet.country,
      description: outlet.description,
    };
  }),
);

export function sourceByLabel(label: string): SourceEdition {
  const source = DEMO_SOURCES.find((candidate) => candidate.label === label);
  if (!source) throw new Error(`No demo source is labelled "${label}".`);
  return source;
}
