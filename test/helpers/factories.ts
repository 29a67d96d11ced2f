// Small typed factories for test rows. Each call makes a unique row; pass what the test cares about.
import { createHash } from "node:crypto";
import type { PrismaClient, Prisma } from "../../src/generated/prisma/client.ts";
import type { PlaceKind } from "../../src/generated/prisma/enums.ts";
import { slugify } from "../../src/lib/slug.ts";

let sequence = 0;
const next = () => ++sequence;

export function factories(prisma: PrismaClient) {
  return {
    source(data: Partial<Prisma.SourceUncheckedCreateInput> = {}) {
      const n = next();
      const label = data.label ?? `Test Outlet ${n} (En)`;
      return prisma.source.create({
        data: { name: label.replace(/ \(\w+\)$/, ""), label, slug: slugify(label), language: "en", country: "KP", ...data },
      });
    },
    person(name: string, data: Partial<Prisma.PersonUncheckedCreateInput> = {}) {
      return prisma.person.create({ data: { name, slug: slugify(name), aliases: [], titles: [], ...data } });
    },
    place(name: string, kind: PlaceKind, parentId: number | null = null, data: Partial<Prisma.PlaceUncheckedCreateInput> = {}) {
      return prisma.place.create({ data: { name, slug: slugify(name), kind, parentId, aliases: [], ...data } });
    },
    async article(options: {
      sourceId: number;
      title?: string;
      publishedAt?: string | null;
      listedAt?: Date | null;
      body?: string | null;
      language?: string;
      isStub?: boolean;
      originalUrl?: string;
      persons?: { id: number; count?: number; surfaceForms?: string[] }[];
      places?: { id: number; count?: number; surfaceForms?: string[] }[];
      authors?: { id: number }[];
    }) {
      const n = next();
      const title = options.title ?? `Test article ${n}`;
      const body = options.isStub ? null : (options.body ?? `First paragraph of article ${n}.\n\nSecond paragraph.`);
      const article = await prisma.article.create({
        data: {
          sourceId: options.sourceId,
          title,
          slug: `${slugify(title)}-${n}`,
          body,
          language: options.language ?? "en",
          publishedAt: options.publishedAt === null ? null : new Date(`${options.publishedAt ?? "2023-01-21"}T00:00:00Z`),
          listedAt: options.listedAt ?? null,
          originalUrl: options.originalUrl ?? null,
          isStub: options.isStub ?? false,
          wordCount: body ? body.split(/\s+/).filter(Boolean).length : 0,
          contentHash: createHash("sha256").update(`${n}:${title}:${body}`).digest("hex"),
        },
      });
      for (const person of options.persons ?? []) {
        await prisma.personMention.create({
          data: { articleId: article.id, personId: person.id, count: person.count ?? 1, surfaceForms: person.surfaceForms ?? [] },
        });
      }
      for (const place of options.places ?? []) {
        await prisma.placeMention.create({
          data: { articleId: article.id, placeId: place.id, count: place.count ?? 1, surfaceForms: place.surfaceForms ?? [] },
        });
      }
      for (const [position, author] of (options.authors ?? []).entries()) {
        await prisma.authorship.create({ data: { articleId: article.id, personId: author.id, position } });
      }
      return article;
    },
  };
}
