// The linker between extractor and writer, with a stand-in extractor and an in-memory stand-in
// for the few queries the registries send: which keys become which rows, and what gets created.
import { describe, expect, it } from "vitest";
import type { Prisma } from "../src/generated/prisma/client.ts";
import { identify } from "../src/ingest/identity.ts";
import { type Extractor, Linker } from "../src/ingest/linker.ts";
import { PersonRegistry } from "../src/ingest/persons.ts";
import { PlaceRegistry } from "../src/ingest/places.ts";
import type { Extraction } from "../src/ingest/types.ts";
import type { PlaceRef } from "../src/reference/types.ts";
import { articleRecord } from "./helpers/records.ts";

/** Answers the registries' SELECTs from fixed rows and their INSERTs with fresh ids. */
function fakeDatabase(tables: { Person?: object[]; Place?: object[] }) {
  let nextId = 1000;
  const inserted: { table: string; params: unknown[] }[] = [];
  return {
    inserted,
    async $queryRaw<T>(query: Prisma.Sql): Promise<T> {
      const sql = query.sql.trimStart();
      const params = query.values;
      if (sql.startsWith("SELECT")) return ((sql.includes('"Person"') ? tables.Person : tables.Place) ?? []) as T;
      const table = /INSERT INTO "(\w+)"/.exec(sql)![1]!;
      inserted.push({ table, params });
      return (params[0] as string[]).map((slug) => ({ id: nextId++, slug })) as T;
    },
  };
}

function standIn(extraction: Extraction): Extractor & { added: PlaceRef[]; texts: [string, string | undefined][] } {
  const added: PlaceRef[] = [];
  const texts: [string, string | undefined][] = [];
  return {
    added,
    texts,
    extract(text, options) {
      texts.push([text, options?.title]);
      return extraction;
    },
    addPlaces(places) {
      added.push(...places);
    },
  };
}

const empty: Extraction = { persons: [], places: [], discoveredPlaces: [], discoveredPersons: [] };

describe("the linker", () => {
  it("merges two keys that name one stored person into one mention", async () => {
    const db = fakeDatabase({ Person: [{ id: 3, slug: "kim-jong-un", name: "Kim Jong Un", aliases: ["Kim Jong-un"] }] });
    const persons = await PersonRegistry.load(db);
    const places = await PlaceRegistry.load(db, new Map());
    const extractor = standIn({
      ...empty,
      persons: [
        { key: "kim-jong-un", count: 2, surfaceForms: ["Kim Jong Un"], firstOffset: 40 },
        { key: "kim-jong-un-2", count: 1, surfaceForms: ["Kim Jong-un"], firstOffset: 10 },
      ],
      discoveredPersons: [{ key: "kim-jong-un-2", name: "Kim Jong-un", aliases: [], titles: [] }],
    });
    const linker = new Linker(extractor, places, persons, new Map([["kim-jong-un", 3]]));
    const links = linker.links(linker.extract(identify(articleRecord(), "")));
    expect(links.persons).toEqual([{ entityId: 3, count: 3, surfaceForms: ["Kim Jong Un", "Kim Jong-un"], firstOffset: 10 }]);
    expect(db.inserted).toEqual([]);
  });

  it("creates persons for bylined names and discovered people, not for desks", async () => {
    const db = fakeDatabase({});
    const persons = await PersonRegistry.load(db);
    const places = await PlaceRegistry.load(db, new Map());
    const extractor = standIn({
      ...empty,
      persons: [{ key: "ri-chol", count: 1, surfaceForms: ["Ri Chol"], firstOffset: 0 }],
      discoveredPersons: [{ key: "ri-chol", name: "Ri Chol", aliases: [], titles: ["Premier"] }],
    });
    const linker = new Linker(extractor, places, persons, new Map());
    const extracted = linker.extract(identify(articleRecord({ byline: ["Political News Team", "Yang Ryon Hui"] }), ""));
    await persons.persist(db);
    const links = linker.links(extracted);
    expect(db.inserted).toEqual([
      {
        table: "Person",
        params: [
          ["ri-chol", "yang-ryon-hui"],
          ["Ri Chol", "Yang Ryon Hui"],
          ["", ""],
          ["Premier", ""],
          [null, null],
        ],
      },
    ]);
    expect(links.persons).toEqual([{ entityId: 1000, count: 1, surfaceForms: ["Ri Chol"], firstOffset: 0 }]);
    expect(links.authorIds).toEqual([1001]);
  });

  it("hands discovered places to the extractor and stores them parents first", async () => {
    const db = fakeDatabase({
      Place: [
        {
          id: 7,
          slug: "south-hwanghae-province",
          name: "South Hwanghae Province",
          aliases: [],
          kind: "PROVINCE",
          parentId: null,
          latitude: null,
          longitude: null,
          code: "KP05",
        },
      ],
    });
    const persons = await PersonRegistry.load(db);
    const places = await PlaceRegistry.load(db, new Map([["KP05", 7]]));
    const discovered: PlaceRef[] = [
      { key: "anak", name: "Anak County", aliases: ["Anak"], kind: "COUNTY", parentKey: "KP05" },
      { key: "oguk-ri", name: "Oguk-ri", aliases: [], kind: "VILLAGE", parentKey: "anak" },
    ];
    const extractor = standIn({
      ...empty,
      places: [
        { key: "oguk-ri", count: 1, surfaceForms: ["Oguk-ri"], firstOffset: 5 },
        { key: "KP05", count: 1, surfaceForms: ["South Hwanghae Province"], firstOffset: 30 },
      ],
      discoveredPlaces: discovered,
    });
    const linker = new Linker(extractor, places, persons, new Map());
    const extracted = linker.extract(identify(articleRecord({ isStub: true, paragraphs: [], teaser: "A tomb in Oguk-ri." }), ""));
    expect(extractor.texts).toEqual([["A tomb in Oguk-ri.", "Title"]]);
    expect(extractor.added).toEqual(discovered);
    await places.persist(db);
    // One statement per level: the county under the stored province, then the village under it.
    expect(db.inserted.map((insert) => [insert.params[1], insert.params[4]])).toEqual([
      [["Anak County"], [7]],
      [["Oguk-ri"], [1000]],
    ]);
    expect(linker.links(extracted).places.map((row) => row.entityId)).toEqual([1001, 7]);
  });

  it("refuses a key the extractor returns without a stored row", async () => {
    const db = fakeDatabase({});
    const linker = new Linker(
      standIn({ ...empty, persons: [{ key: "nobody", count: 1, surfaceForms: ["Nobody"], firstOffset: 0 }] }),
      await PlaceRegistry.load(db, new Map()),
      await PersonRegistry.load(db),
      new Map(),
    );
    expect(() => linker.links(linker.extract(identify(articleRecord(), "")))).toThrow('the extractor returned person key "nobody", which has no stored row');
  });
});
