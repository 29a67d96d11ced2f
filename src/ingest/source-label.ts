// What a source label such as "Naenara (En)" says: the outlet's name, the edition's language, and
// the Source row fields derived from them.
import { slugify } from "../lib/slug.ts";
import { findOutlet, type Outlet } from "./outlets.ts";

export interface SourceLabel {
  /** The label as given, whitespace collapsed: "Naenara (En)". */
  label: string;
  /** Without the edition suffix: "Naenara". */
  name: string;
  /** ISO 639-1 code from the edition suffix ("(En)" is "en"), null when the label has none. */
  edition: string | null;
  outlet: Outlet | null;
}

const EDITION_SUFFIX = /^(.*?)\s*\(([A-Za-z]{2})\)$/;

export function parseSourceLabel(raw: string): SourceLabel {
  const label = raw.replace(/\s+/g, " ").trim();
  const match = EDITION_SUFFIX.exec(label);
  const name = match?.[1] ? match[1] : label;
  return { label, name, edition: match ? match[2]!.toLowerCase() : null, outlet: findOutlet(name) };
}

/** The language a label implies: its edition suffix, else the known outlet's default edition. */
export function labelLanguage(label: SourceLabel): string | null {
  return label.edition ?? label.outlet?.defaultLanguage ?? null;
}

/**
 * Slug for a Source row: English editions drop the suffix ("Naenara (En)" is "naenara", as the API
 * contract spells it), other editions keep it ("Voice of Korea (Es)" is "voice-of-korea-es").
 */
export function sourceSlugBase(label: SourceLabel): string {
  return slugify(label.edition === "en" ? label.name : label.label);
}
