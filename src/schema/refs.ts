// References to types defined in other schema modules, for fields that point at them: Article's
// source, authors and related articles are Article's fields and live in article.ts, but
// source.ts, person.ts and related.ts list articles themselves, so importing them from
// article.ts would make the modules import each other in a circle (and the mention types,
// which article.ts uses, point back at Person and Place). A Prisma-backed type's ref
// is the one its prismaNode call implements (plugin-prisma keeps one per model); RelatedArticle
// is created here and implemented in related.ts.
import { type PrismaObjectRef, getRefFromModel } from "@pothos/plugin-prisma";
import type PrismaTypes from "../generated/pothos-types.ts";
import type { RelatedHit } from "../loaders/related.ts";
import { builder } from "./builder.ts";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export const SourceRef = getRefFromModel("Source", builder, "object") as PrismaObjectRef<Types, PrismaTypes["Source"]>;
export const PersonRef = getRefFromModel("Person", builder, "object") as PrismaObjectRef<Types, PrismaTypes["Person"]>;
export const PlaceRef = getRefFromModel("Place", builder, "object") as PrismaObjectRef<Types, PrismaTypes["Place"]>;
export const RelatedArticleRef = builder.objectRef<RelatedHit>("RelatedArticle");
