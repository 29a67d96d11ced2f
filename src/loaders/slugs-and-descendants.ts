// Lookups that filters and root fields repeat within a request: slug to id, and the
// descendants of a place (itself included) for hierarchy filters.
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";

function slugLoader(find: (slugs: string[]) => Promise<{ id: number; slug: string }[]>) {
  return new DataLoader<string, number | null>(async (slugs) => {
    const rows = await find([...slugs]);
    const ids = new Map(rows.map((row) => [row.slug, row.id]));
    return slugs.map((slug) => ids.get(slug) ?? null);
  });
}

export function createReferenceLoaders(prisma: PrismaClient) {
  const select = { id: true, slug: true } as const;
  return {
    idBySlug: {
      Source: slugLoader((slugs) => prisma.source.findMany({ where: { slug: { in: slugs } }, select })),
      Person: slugLoader((slugs) => prisma.person.findMany({ where: { slug: { in: slugs } }, select })),
      Place: slugLoader((slugs) => prisma.place.findMany({ where: { slug: { in: slugs } }, select })),
    },
    placeDescendants: new DataLoader<number, number[]>(async (roots) => {
      const rows = await prisma.$queryRaw<{ root: number; ids: number[] }[]>`
        WITH RECURSIVE tree(root, id) AS (
          SELECT id, id FROM "Place" WHERE id = ANY(${[...roots]}::int[])
          UNION SELECT t.root, p.id FROM "Place" p JOIN tree t ON p."parentId" = t.id)
        SELECT root, array_agg(id ORDER BY id) AS ids FROM tree GROUP BY root`;
      const byRoot = new Map(rows.map((row) => [row.root, row.ids.map(Number)]));
      // An unknown place still filters: by its own id, which matches nothing.
      return roots.map((root) => byRoot.get(root) ?? [root]);
    }),
  };
}
