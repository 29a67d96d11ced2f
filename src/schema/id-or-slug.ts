// Root lookups by exactly one of id or slug, with malformed input reported as BAD_USER_INPUT.
import { SLUG_PATTERN } from "../lib/slug.ts";
import { badInput } from "../graphql-errors.ts";
import { type NodeType, decodeIdOf, truncate } from "./global-id.ts";

export function findBySlugOrId<T>(
  type: NodeType,
  args: { id?: string | null; slug?: string | null },
  find: (where: { id: number } | { slug: string }) => Promise<T>,
): Promise<T> {
  if ((args.id == null) === (args.slug == null)) throw badInput('Pass exactly one of "id" or "slug".');
  if (args.id != null) return find({ id: decodeIdOf(type, args.id) });
  if (!SLUG_PATTERN.test(args.slug!)) throw badInput(`"${truncate(args.slug!)}" is not a valid slug.`, "slug");
  return find({ slug: args.slug! });
}
