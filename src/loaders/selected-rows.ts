// Rows by id, carrying exactly the Prisma selection the operation asks for (Pothos'
// queryFromInfo). Computed fields yield ids (co-mentions, related articles, facets, ancestors,
// suggestions); loading their objects here costs one statement per type and selection, and
// Pothos finds every selected column and relation on the rows, so it never loads them again.
import DataLoader from "dataloader";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { groupKeys } from "./group-keys.ts";

/** An id and the selection (`{ select }` or `{ include }`) to load it with. */
export interface SelectedRowKey {
  id: number;
  query: object;
}

type FindByIds = (args: { where: { id: { in: number[] } } }) => Promise<{ id: number }[]>;

function selectedRowLoader(findMany: FindByIds) {
  return new DataLoader<SelectedRowKey, unknown, string>(
    async (keys) => {
      // Sibling fields ask with the same selection, so a request groups into few statements.
      const names = keys.map((key) => JSON.stringify(key.query));
      const found = new Map<string, unknown>();
      await Promise.all(
        groupKeys(keys, (_key, index) => names[index]!).map(async ({ keys: group, indexes }) => {
          const name = names[indexes[0]!]!;
          const ids = new Set(group.map((key) => key.id));
          const rows = await findMany({ ...group[0]!.query, where: { id: { in: [...ids] } } });
          for (const row of rows) found.set(`${name}#${row.id}`, row);
        }),
      );
      return keys.map((key, i) => found.get(`${names[i]}#${key.id}`) ?? null);
    },
    { cacheKeyFn: (key) => `${JSON.stringify(key.query)}#${key.id}` },
  );
}

export function createSelectedRowLoaders(prisma: PrismaClient) {
  return {
    Article: selectedRowLoader((args) => prisma.article.findMany(args)),
    Person: selectedRowLoader((args) => prisma.person.findMany(args)),
    Place: selectedRowLoader((args) => prisma.place.findMany(args)),
    Source: selectedRowLoader((args) => prisma.source.findMany(args)),
  };
}

export type SelectedModel = keyof ReturnType<typeof createSelectedRowLoaders>;
