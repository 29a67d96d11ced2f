// The SchemaBuilder and its plugins. No types are defined here (see src/schema/<type>.ts).
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type { Context } from "../context.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import { decodeGlobalId, encodeGlobalId } from "./global-id.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  // Connection resolvers return their total lazily where counting costs a statement, so it
  // runs only when a client selects totalCount (Pothos' related connections give a number).
  Connection: { totalCount: number | (() => Promise<number> | number) };
  Scalars: {
    Date: { Input: string; Output: Date | string };
    DateTime: { Input: Date; Output: Date | string };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    // A resolver that forgets to spread `query` would silently cost a query per row.
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "error",
  },
  relay: {
    cursorType: "String",
    clientMutationId: "omit",
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: {
      description: "Fetches any object by its global id; null when none has that id.",
      args: { id: { description: "A global id from any object's `id` field." } },
    },
    nodesQueryOptions: {
      description: "Fetches objects by global ids, in order; null for ids that match none.",
      args: { ids: { description: "Global ids from objects' `id` fields." } },
    },
    pageInfoTypeOptions: { description: "Where a page sits in its connection, with cursors to move on." },
    nodeTypeOptions: { description: "An object with a stable, opaque global id." },
    idFieldOptions: { description: "Global id: opaque and stable; pass it to `node` or to filters." },
    cursorFieldOptions: { description: "Opaque cursor of this edge, for `after` or `before`." },
    nodeFieldOptions: { description: "The object at this edge." },
    edgesFieldOptions: { description: "The objects on this page with their cursors, in order." },
    pageInfoFieldOptions: { description: "Cursors and flags to fetch the neighbouring pages." },
    hasNextPageFieldOptions: { description: "True when more objects follow this page." },
    hasPreviousPageFieldOptions: { description: "True when objects precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first edge on this page; null when the page is empty." },
    endCursorFieldOptions: { description: "Cursor of the last edge on this page; null when the page is empty." },
    firstArgOptions: { description: "Return at most this many objects after `after` (default 20, at most 100)." },
    lastArgOptions: { description: "Return at most this many objects before `before` (at most 100)." },
    afterArgOptions: { description: "Start after the edge with this cursor." },
    beforeArgOptions: { description: "End before the edge with this cursor." },
  },
});
