// Which articles a connection lists before filtering: all of them, a source's, a person's or a
// place's. Nested connections batch many scopes of one kind into one statement.
import { Prisma } from "../generated/prisma/client.ts";

export type MentionRole = "ANY" | "AUTHOR" | "MENTIONED";

export type ArticleScope =
  | { kind: "all" }
  | { kind: "source"; id: number }
  | { kind: "person"; id: number; role: MentionRole }
  | { kind: "place"; id: number; includeDescendants: boolean };

export function scopeId(scope: ArticleScope): number {
  return scope.kind === "all" ? 0 : scope.id;
}

/** Everything that distinguishes scopes of one batch except the parent id. */
export function scopeShape(scope: ArticleScope): string {
  switch (scope.kind) {
    case "all":
    case "source":
      return scope.kind;
    case "person":
      return `person:${scope.role}`;
    case "place":
      return `place:${scope.includeDescendants}`;
  }
}

/** A CTE the scope condition needs, if any (descendants of the places in the batch). */
export function scopeCte(scope: ArticleScope, keys: number[]): Prisma.Sql | null {
  if (scope.kind !== "place" || !scope.includeDescendants) return null;
  return Prisma.sql`RECURSIVE scope_places(root, id) AS (
      SELECT id, id FROM "Place" WHERE id = ANY(${keys}::int[])
      UNION SELECT sp.root, p.id FROM "Place" p JOIN scope_places sp ON p."parentId" = sp.id)`;
}

/** The condition tying article `a` to the scope's parent id `key` (a column expression). */
export function scopeSql(scope: ArticleScope, key: Prisma.Sql): Prisma.Sql {
  switch (scope.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "source":
      return Prisma.sql`a."sourceId" = ${key}`;
    case "person": {
      const mentioned = Prisma.sql`a.id IN (SELECT "articleId" FROM "PersonMention" WHERE "personId" = ${key})`;
      const authored = Prisma.sql`a.id IN (SELECT "articleId" FROM "Authorship" WHERE "personId" = ${key})`;
      if (scope.role === "AUTHOR") return authored;
      if (scope.role === "MENTIONED") return mentioned;
      return Prisma.sql`(${mentioned} OR ${authored})`;
    }
    case "place":
      return scope.includeDescendants
        ? Prisma.sql`a.id IN (SELECT pm."articleId" FROM "PlaceMention" pm
            WHERE pm."placeId" IN (SELECT id FROM scope_places WHERE root = ${key}))`
        : Prisma.sql`a.id IN (SELECT "articleId" FROM "PlaceMention" WHERE "placeId" = ${key})`;
  }
}
