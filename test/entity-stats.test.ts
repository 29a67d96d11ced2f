// The derived counts behind mentionCount, coMentioned and related articles are kept by triggers
// in every write's transaction. Random sequences of writes, as ingest, editors and the seed make
// them, must leave them equal to a count from scratch of the rows they derive from.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { type TestDatabase, createTestDatabase } from "./helpers/database.ts";
import { factories } from "./helpers/factories.ts";

type Operation =
  | { kind: "article"; persons: number[]; places: number[]; isStub: boolean }
  | { kind: "mention"; article: number; person: number }
  | { kind: "unmention"; article: number }
  | { kind: "flip"; article: number }
  | { kind: "delete"; article: number }
  | { kind: "deletePerson"; person: number };

const PERSONS = 5;
const PLACES = 3;

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("article" as const),
      persons: fc.uniqueArray(fc.nat(PERSONS - 1), { maxLength: 4 }),
      places: fc.uniqueArray(fc.nat(PLACES - 1), { maxLength: 3 }),
      isStub: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("mention" as const), article: fc.nat(), person: fc.nat(PERSONS - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("unmention" as const), article: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("flip" as const), article: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), article: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deletePerson" as const), person: fc.nat(PERSONS - 1) }) },
);

/** The counts as a full recount of articles and mentions gives them, in the tables' shapes. */
async function recount(prisma: PrismaClient) {
  const stored = new Set((await prisma.article.findMany({ where: { isStub: false }, select: { id: true } })).map((row) => row.id));
  const personMentions = (await prisma.personMention.findMany({ select: { articleId: true, personId: true } })).filter((row) => stored.has(row.articleId));
  const placeMentions = (await prisma.placeMention.findMany({ select: { articleId: true, placeId: true } })).filter((row) => stored.has(row.articleId));
  const tally = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return Object.fromEntries([...counts].sort());
  };
  const byArticle = new Map<number, number[]>();
  for (const row of personMentions) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row.personId]);
  const pairs = [...byArticle.values()].flatMap((ids) => ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => `${a}:${b}`)));
  return {
    articles: stored.size,
    persons: tally(personMentions.map((row) => String(row.personId))),
    places: tally(placeMentions.map((row) => String(row.placeId))),
    pairs: tally(pairs),
  };
}

async function storedCounts(prisma: PrismaClient) {
  const asRecord = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((row) => [row.key, row.count]).sort());
  return {
    articles: (await prisma.archiveStats.findUnique({ where: { id: 1 } }))?.articleCount ?? 0,
    persons: asRecord((await prisma.personStats.findMany()).map((row) => ({ key: String(row.personId), count: row.articleCount }))),
    places: asRecord((await prisma.placeStats.findMany()).map((row) => ({ key: String(row.placeId), count: row.articleCount }))),
    pairs: asRecord((await prisma.personCoMention.findMany()).map((row) => ({ key: `${row.personId}:${row.otherId}`, count: row.articleCount }))),
  };
}

describe("entity statistics", () => {
  let t: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    t = await createTestDatabase();
    prisma = t.db.prisma;
  });
  afterAll(() => t.destroy());

  it("stay equal to a recount after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
        await prisma.$executeRaw`TRUNCATE "Article", "Person", "Place", "Source" RESTART IDENTITY CASCADE`;
        await prisma.$executeRaw`SELECT entity_stats_rebuild()`;
        const make = factories(prisma);
        const source = await make.source();
        const persons: { id: number }[] = [];
        for (let index = 0; index < PERSONS; index++) persons.push(await make.person(`Person ${index} ${Math.random()}`));
        const places: { id: number }[] = [];
        for (let index = 0; index < PLACES; index++) places.push(await make.place(`Place ${index} ${Math.random()}`, "COUNTY"));
        const articleIds: number[] = [];
        const deleted = new Set<number>();
        const alive = (indexes: number[]) => indexes.filter((index) => !deleted.has(index));
        const pick = (index: number) => (articleIds.length ? articleIds[index % articleIds.length]! : null);
        for (const op of operations) {
          if (op.kind === "article") {
            const article = await make.article({
              sourceId: source.id,
              isStub: op.isStub,
              persons: alive(op.persons).map((index) => ({ id: persons[index]!.id })),
              places: op.places.map((index) => ({ id: places[index]!.id })),
            });
            articleIds.push(article.id);
          } else if (op.kind === "mention") {
            const id = pick(op.article);
            if (id !== null && !deleted.has(op.person))
              await prisma.personMention.createMany({ data: [{ articleId: id, personId: persons[op.person]!.id, surfaceForms: [] }], skipDuplicates: true });
          } else if (op.kind === "unmention") {
            const id = pick(op.article);
            if (id !== null) await prisma.personMention.deleteMany({ where: { articleId: id } });
          } else if (op.kind === "flip") {
            const id = pick(op.article);
            const article = id === null ? null : await prisma.article.findUnique({ where: { id } });
            if (article) await prisma.article.update({ where: { id: article.id }, data: { isStub: !article.isStub } });
          } else if (op.kind === "delete") {
            const id = pick(op.article);
            if (id !== null) {
              await prisma.article.deleteMany({ where: { id } });
              articleIds.splice(articleIds.indexOf(id), 1);
            }
          } else {
            await prisma.person.deleteMany({ where: { id: persons[op.person]!.id } });
            deleted.add(op.person);
          }
        }
        expect(await storedCounts(prisma)).toEqual(await recount(prisma));
      }),
      { numRuns: 25 },
    );
  });

  it("refuses to move a mention to another article or person in place", async () => {
    const make = factories(prisma);
    const source = await make.source();
    const [first, second] = [await make.person(`Mover ${Math.random()}`), await make.person(`Other ${Math.random()}`)];
    const article = await make.article({ sourceId: source.id, persons: [{ id: first.id }] });
    await expect(
      prisma.personMention.update({ where: { articleId_personId: { articleId: article.id, personId: first.id } }, data: { personId: second.id } }),
    ).rejects.toThrow(/cannot change/);
  });
});
