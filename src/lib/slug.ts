// Slugs are the canonical name in lowercase ASCII words joined by hyphens ("Kim Jong Un" is
// "kim-jong-un"), with -2, -3 ... only where two would collide (see docs/api.md).

/** Folds accents and punctuation away: "Ryŏnghŭng-dong's" -> "ryonghung-dong-s". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "untitled";
}

/** Well-formed slug: what `slugify` can produce, optionally with a numeric suffix. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Returns `base`, or `base-2`, `base-3` ... whichever `taken` does not hold yet, and records it.
 * `taken` is the set of slugs already used in the same table.
 */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
