// Place: a country, province, county, village or site, in a hierarchy.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Context } from "../context.ts";
import { builder } from "./builder.ts";
import { ArticleConnection, Article, articleListArgs, resolveArticleConnection } from "./article.ts";
import { findBySlugOrId } from "./id-or-slug.ts";
import { guardPageSize, totalOf } from "./pagination.ts";
import { selectedRow, selectedRows } from "./computed-objects.ts";
import { resolveRef } from "./article-filter-input.ts";
import type { Place as PlaceRow } from "../generated/prisma/client.ts";
import type { PlaceKind } from "../generated/prisma/enums.ts";

export const PlaceKindEnum = builder.enumType("PlaceKind", {
  description: "Administrative or geographic level of a place, coarse to fine.",
  values: {
    COUNTRY: { description: "A sovereign state." },
    PROVINCE: { description: "A first-level division, e.g. South Hwanghae Province." },
    SPECIAL_CITY: { description: "A city governed at province level, e.g. Pyongyang, Nampho, Rason." },
    CITY: { description: "A city, e.g. Kusong City or a foreign capital." },
    COUNTY: { description: "A county, e.g. Anak County." },
    DISTRICT: { description: "A district of a city, e.g. Mangyongdae District." },
    VILLAGE: { description: "A village (-ri) or neighbourhood (-dong)." },
    AREA: { description: "A named area or region, e.g. a mountain range or tourist area." },
    SITE: { description: "A named site, e.g. a mountain, monument or historic tomb." },
  },
});

export const Place = builder.prismaNode("Place", {
  description: "A place articles name: country, province, city, county, district, village or site.",
  id: { field: "id" },
  // Select mode: a row carries only the columns the operation asks for (see Article).
  select: { id: true },
  // node(id:) answers null for an unknown id rather than an error.
  nullable: true,
  fields: (t) => ({
    slug: t.exposeString("slug", { description: 'URL-friendly name, e.g. "anak-county".' }),
    name: t.exposeString("name", { description: 'Canonical name in KCNA romanisation, e.g. "Anak County".' }),
    aliases: t.exposeStringList("aliases", { description: "Other names and spellings." }),
    kind: t.expose("kind", { type: PlaceKindEnum, description: "Administrative or geographic level." }),
    code: t.exposeString("code", { nullable: true, description: 'Administrative code, e.g. "KP09".' }),
    latitude: t.exposeFloat("latitude", { nullable: true, description: "Latitude in degrees (WGS 84)." }),
    longitude: t.exposeFloat("longitude", { nullable: true, description: "Longitude in degrees (WGS 84)." }),
    parent: t.relation("parent", { nullable: true, description: "The place this one lies in; null for roots." }),
    mentionCount: t.int({
      description: "Articles that mention the place itself, stubs left out.",
      resolve: (place, _args, ctx) => ctx.loaders.placeMentionCount.load(place.id),
    }),
    articles: t.connection(
      {
        type: Article,
        description: "Articles mentioning the place, and by default any place inside it.",
        args: {
          includeDescendants: t.arg.boolean({
            defaultValue: true,
            description: "Also list articles about places inside this one, at any depth.",
          }),
          ...articleListArgs(t),
        },
        resolve: (place, args, ctx, info) =>
          resolveArticleConnection({ kind: "place", id: place.id, includeDescendants: args.includeDescendants ?? true }, args, ctx, info),
      },
      ArticleConnection,
    ),
  }),
});

export const PlaceCount = builder.objectRef<{ placeId: number; count: number }>("PlaceCount").implement({
  description: "A place with a number of articles.",
  fields: (t) => ({
    place: t.field({
      type: Place,
      description: "The place.",
      // Non-null: the count was read from rows that reference the place.
      resolve: async (row, _args, ctx, info) => (await selectedRow<PlaceRow>(ctx, info, "Place", row.placeId))!,
    }),
    count: t.exposeInt("count", { description: "Articles counted." }),
  }),
});

builder.prismaObjectFields("Place", (t) => ({
  ancestors: t.field({
    type: [Place],
    description: "Places this one lies in, root first.",
    resolve: async (place, _args, ctx, info) => selectedRows<PlaceRow>(ctx, info, "Place", await ctx.loaders.placeAncestors.load(place.id)),
  }),
}));

export const PlaceConnection = builder.connectionObject(
  {
    type: Place,
    name: "PlaceConnection",
    description: "A page of places with the total count of the list.",
    fields: (t) => ({
      totalCount: t.int({ description: "Places in the whole list.", resolve: totalOf }),
    }),
  },
  { name: "PlaceEdge", description: "A place in a list, with its cursor." },
);

builder.prismaObjectFields("Place", (t) => ({
  children: t.relatedConnection(
    "children",
    {
      cursor: "id",
      maxSize: guardPageSize,
      description: "Places directly inside this one, by name.",
      query: () => ({ orderBy: [{ name: "asc" }, { id: "asc" }] }),
      totalCount: true,
    },
    PlaceConnection,
  ),
}));

export const PlaceFilter = builder.inputType("PlaceFilter", {
  description: "Narrows the list of places. Fields combine with AND.",
  fields: (t) => ({
    nameStartsWith: t.string({ description: "Name starts with this text, ignoring case." }),
    kinds: t.field({ type: [PlaceKindEnum], description: "Of any of these kinds." }),
    parent: t.id({ description: "Directly inside this place (id or slug)." }),
    roots: t.boolean({ description: "True for places inside no other place only." }),
  }),
});

interface PlaceFilterInput {
  nameStartsWith?: string | null;
  kinds?: readonly PlaceKind[] | null;
  parent?: string | null;
  roots?: boolean | null;
}

async function placeWhere(filter: PlaceFilterInput | null | undefined, ctx: Context): Promise<Prisma.PlaceWhereInput> {
  const where: Prisma.PlaceWhereInput = {};
  const prefix = filter?.nameStartsWith?.trim();
  if (prefix) where.name = { startsWith: prefix, mode: "insensitive" };
  if (filter?.kinds) where.kind = { in: [...filter.kinds] };
  if (filter?.roots != null) where.parentId = filter.roots ? null : { not: null };
  if (filter?.parent != null) {
    // A well-formed slug naming no place lists nothing; -1 is an id no row has.
    const parentId = (await resolveRef("Place", filter.parent, "filter.parent", ctx.loaders)) ?? -1;
    where.AND = [{ parentId }];
  }
  return where;
}

builder.queryFields((t) => ({
  place: t.prismaField({
    type: "Place",
    nullable: true,
    description: "One place by id or slug (exactly one). Null when none matches.",
    args: {
      id: t.arg.id({ description: "Global id." }),
      slug: t.arg.string({ description: 'Slug, e.g. "south-hwanghae-province".' }),
    },
    resolve: (query, _root, args, ctx) => findBySlugOrId("Place", args, (where) => ctx.prisma.place.findUnique({ ...query, where })),
  }),
  places: t.prismaConnection(
    {
      type: "Place",
      cursor: "id",
      maxSize: guardPageSize,
      description: "Places by name.",
      args: { filter: t.arg({ type: PlaceFilter, description: "Narrow the list." }) },
      resolve: async (query, _root, args, ctx) =>
        ctx.prisma.place.findMany({ ...query, where: await placeWhere(args.filter, ctx), orderBy: [{ name: "asc" }, { id: "asc" }] }),
      totalCount: async (_root, args, ctx) => ctx.prisma.place.count({ where: await placeWhere(args.filter, ctx) }),
    },
    PlaceConnection,
  ),
}));
