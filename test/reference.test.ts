// The project's reference tables of places and persons, and their loader: the tables are sound and
// agree with the shared gazetteer and office-holder lists; loading them into a fresh database twice
// writes the same rows with the same ids, in a handful of statements.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slugify } from "../src/lib/slug.ts";
import { PERSONS } from "../src/reference/persons.ts";
import { FOLDED_GAZETTEER_CODES, PLACES } from "../src/reference/places.ts";
import {
  parentFirst,
  personTableProblems,
  placeTableProblems,
  planRows,
  ReferenceTableError,
  syncReferenceTables,
  type ReferenceTables,
} from "../src/reference/sync.ts";
import type { PersonRef, PlaceRef } from "../src/reference/types.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/database.ts";

const SHARED_DATA = new URL("../../shared/data/", import.meta.url);
const GAZETTEER = new URL("gazetteer/hierarchy.json", SHARED_DATA);
const PERSON_LISTS = ["bio.csv", "holders21.csv", "current.csv"].map((file) => new URL(`persons/${file}`, SHARED_DATA));

const placeByKey = new Map(PLACES.map((place) => [place.key, place]));
const placeByCode = new Map(PLACES.flatMap((place) => (place.code ? [[place.code, place] as const] : [])));

function ancestorNames(place: PlaceRef): string[] {
  const names: string[] = [];
  for (let key = place.parentKey; key !== undefined; key = placeByKey.get(key)?.parentKey) {
    names.push(placeByKey.get(key)?.name ?? `missing ${key}`);
  }
  return names;
}

/** Spellings (case folded) that belong to more than one entry, unless `namesakes` says they may share. */
function sharedSpellings<T extends { key: string; name: string; aliases: readonly string[] }>(
  refs: readonly T[],
  namesakes: (a: T, b: T) => boolean,
): string[] {
  const owners = new Map<string, T[]>();
  for (const ref of refs) {
    for (const form of new Set([ref.name, ...ref.aliases].map((text) => text.toLowerCase()))) {
      owners.set(form, [...(owners.get(form) ?? []), ref]);
    }
  }
  return [...owners]
    .filter(([, refs]) => refs.some((ref) => !namesakes(ref, refs[0]!)))
    .map(([form, refs]) => `${form}: ${refs.map((ref) => ref.key).join(", ")}`);
}

const place = (key: string, name: string, parentKey?: string, code?: string): PlaceRef => ({
  key,
  name,
  aliases: [],
  kind: parentKey ? "COUNTY" : "COUNTRY",
  ...(parentKey ? { parentKey } : {}),
  ...(code ? { code } : {}),
});
const person = (key: string, name: string, wikidataId?: string): PersonRef => ({
  key,
  name,
  aliases: [],
  titles: [],
  ...(wikidataId ? { wikidataId } : {}),
});

describe("the place table", () => {
  it("has nothing the loader would reject: keys and codes unique, every parent present, no cycle", () => {
    expect(placeTableProblems(PLACES)).toEqual([]);
    expect(parentFirst(PLACES)).toHaveLength(PLACES.length);
  });

  it("never gives two differently named places the same slug", () => {
    const namesBySlug = new Map<string, Set<string>>();
    for (const { name } of PLACES) namesBySlug.set(slugify(name), (namesBySlug.get(slugify(name)) ?? new Set()).add(name));
    expect([...namesBySlug].filter(([, names]) => names.size > 1)).toEqual([]);
  });

  it("roots the 11 gazetteer provinces and special cities at the DPRK", () => {
    const root = placeByKey.get("KP");
    expect(root).toMatchObject({ name: "Democratic People's Republic of Korea", kind: "COUNTRY" });
    expect(root?.aliases).toEqual(expect.arrayContaining(["DPRK", "North Korea", "D.P.R.K."]));
    expect(root?.aliases).not.toContain("Korea");
    const provinces = PLACES.filter((place) => /^KP\d\d$/.test(place.code ?? ""));
    expect(provinces).toHaveLength(11);
    expect(provinces.every((province) => province.parentKey === "KP")).toBe(true);
    expect(
      provinces
        .filter((province) => province.kind === "SPECIAL_CITY")
        .map((city) => city.name)
        .sort(),
    ).toEqual(["Nampho", "Pyongyang"]);
    expect(placeByCode.get("KP0201")).toMatchObject({ name: "Rason", kind: "SPECIAL_CITY", parentKey: "KP" });
  });

  it("puts cities, counties or districts under every province", () => {
    for (const province of PLACES.filter((place) => place.kind === "PROVINCE")) {
      const divisions = PLACES.filter((place) => place.parentKey === province.key && ["CITY", "COUNTY", "DISTRICT"].includes(place.kind));
      expect(divisions.length, province.name).toBeGreaterThan(0);
    }
  });

  it("places Anak County under South Hwanghae Province under the DPRK", () => {
    const anak = PLACES.find((place) => place.name === "Anak County");
    expect(anak).toMatchObject({ kind: "COUNTY", code: "KP0910", aliases: ["Anak"] });
    expect(ancestorNames(anak!)).toEqual(["South Hwanghae Province", "Democratic People's Republic of Korea"]);
  });

  it("keeps Kangdong County and the city districts in Pyongyang", () => {
    for (const name of ["Kangdong County", "Mangyongdae District", "Sadong District", "Ryongsong District"]) {
      expect(ancestorNames(PLACES.find((place) => place.name === name)!)[0], name).toBe("Pyongyang");
    }
  });

  it("writes names the KCNA way and keeps gazetteer spellings as aliases", () => {
    expect(placeByCode.get("KP06")).toMatchObject({ name: "North Phyongan Province" });
    expect(placeByCode.get("KP06")?.aliases).toEqual(expect.arrayContaining(["North Pyongan", "North Pyeongan"]));
    expect(placeByCode.get("KP05")?.aliases).toContain("Chagang");
    expect(placeByCode.get("KP11")).toMatchObject({ name: "Nampho" });
    expect(placeByCode.get("KP11")?.aliases).toEqual(expect.arrayContaining(["Nampo", "Nampho City"]));
    expect(placeByCode.get("KP0701")).toMatchObject({ name: "Phyongsong City" });
    expect(placeByCode.get("KP0701")?.aliases).toContain("Pyongsong");
  });

  it("leaves out bare names that are persons, other places or common words", () => {
    const forms = (code: string) => [placeByCode.get(code)?.name, ...(placeByCode.get(code)?.aliases ?? [])];
    expect(forms("KP0103")).not.toContain("Kim Jong Suk");
    expect(forms("KP0202")).not.toContain("Kim Chaek");
    expect(forms("KP0707")).not.toContain("Taedong");
    expect(forms("KP0617")).not.toContain("Unsan");
    expect(forms("KP0720")).not.toContain("Unsan");
  });

  it("shares no spelling between two places, except namesakes such as the two Unsan Counties", () => {
    expect(sharedSpellings(PLACES, (a, b) => a.name === b.name)).toEqual([]);
  });

  it("lists the foreign countries with their capitals", () => {
    const countries = PLACES.filter((place) => place.kind === "COUNTRY" && place.key !== "KP");
    expect(countries.length).toBeGreaterThanOrEqual(60);
    expect(placeByCode.get("US")?.aliases).toEqual(expect.arrayContaining(["US", "U.S.", "USA", "United States of America"]));
    expect(placeByCode.get("KR")?.aliases).toEqual(expect.arrayContaining(["south Korea", "Republic of Korea", "ROK"]));
    for (const [code, capital] of [
      ["CN", "Beijing"],
      ["RU", "Moscow"],
      ["JP", "Tokyo"],
      ["US", "Washington"],
      ["KR", "Seoul"],
      ["CU", "Havana"],
      ["VN", "Hanoi"],
    ]) {
      expect(
        PLACES.find((place) => place.name === capital),
        capital,
      ).toMatchObject({ kind: "CITY", parentKey: code });
    }
  });

  it.skipIf(!fs.existsSync(GAZETTEER))("accounts for every division of the shared gazetteer, under the same province", () => {
    type Division = { id: string; county?: Division[] };
    const provinces = (JSON.parse(fs.readFileSync(GAZETTEER, "utf8")) as { data: Division[] }).data;
    // Rason is a directly governed special city, not part of North Hamgyong any more.
    const reparented = new Set(["KP0201"]);
    const missing: string[] = [];
    for (const province of provinces) {
      if (!placeByCode.has(province.id)) missing.push(province.id);
      for (const county of province.county ?? []) {
        if (county.id in FOLDED_GAZETTEER_CODES) continue;
        const ref = placeByCode.get(county.id);
        if (!ref) missing.push(county.id);
        else if (!reparented.has(county.id)) expect(ref.parentKey, county.id).toBe(province.id);
      }
    }
    expect(missing).toEqual([]);
    expect(provinces.flatMap((province) => province.county ?? [])).toHaveLength(179);
  });
});

describe("the person table", () => {
  it("has nothing the loader would reject: keys and Wikidata ids unique and well formed", () => {
    expect(personTableProblems(PERSONS)).toEqual([]);
  });

  it("keys every person by the slug of the name, numbering namesakes", () => {
    for (const ref of PERSONS) expect(ref.key, ref.name).toMatch(new RegExp(`^${slugify(ref.name)}(-[2-9])?$`));
  });

  it("spells Kim Jong Un the KCNA way with the Wikidata spelling as an alias", () => {
    const leader = PERSONS.find((ref) => ref.name === "Kim Jong Un");
    expect(leader).toMatchObject({ key: "kim-jong-un", wikidataId: "Q56226" });
    expect(leader?.aliases).toContain("Kim Jong-un");
    expect(leader?.titles).toEqual(expect.arrayContaining(["Marshal", "Supreme Leader", "General Secretary"]));
  });

  it("shares spellings only between namesakes", () => {
    expect(sharedSpellings(PERSONS, (a, b) => a.name === b.name)).toEqual([]);
  });

  it("includes the foreign leaders KCNA names most", () => {
    const names = new Set(PERSONS.map((ref) => ref.name));
    for (const name of ["Xi Jinping", "Vladimir Putin", "Donald Trump", "Moon Jae In", "Fidel Castro", "Hun Sen"]) {
      expect(names.has(name), name).toBe(true);
    }
  });

  it.skipIf(!PERSON_LISTS.every((file) => fs.existsSync(file)))("covers everyone in the shared office-holder lists", () => {
    const listed = new Set<string>();
    for (const file of PERSON_LISTS) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/(?:^|,)(Q\d+)(?=,|$)/gm)) listed.add(match[1]!);
    }
    const known = new Set(PERSONS.map((ref) => ref.wikidataId));
    expect([...listed].filter((id) => !known.has(id))).toEqual([]);
  });
});

describe("the table checks", () => {
  it("report a missing parent, a cycle, and a repeated key and code", () => {
    expect(placeTableProblems([place("a", "A", "nowhere")])).toEqual(['Place "a" names parent "nowhere", which is not in the table.']);
    expect(placeTableProblems([place("a", "A", "b"), place("b", "B", "a")])).toEqual(['Places "a" -> "b" -> "a" form a cycle.']);
    expect(placeTableProblems([place("a", "A", undefined, "X1"), place("a", "B", undefined, "X1")])).toEqual([
      'Place key "a" is used twice.',
      'Place code "X1" is used twice.',
    ]);
    expect(placeTableProblems([{ ...place("a", "A"), latitude: 95, longitude: 0 }])).toEqual(['Place "a" has latitude 95, outside -90..90.']);
  });

  it("report a repeated or malformed Wikidata id and an empty name", () => {
    expect(personTableProblems([person("a", "A", "Q1"), person("b", "B", "Q1"), person("c", " ", "56226")])).toEqual([
      'Person "c" has an empty name.',
      'Person "c" has Wikidata id "56226"; expected Q followed by digits.',
      'Wikidata id "Q1" is given to two persons.',
    ]);
  });

  it("order parents before their children", () => {
    const ordered = parentFirst([place("c", "C", "b"), place("b", "B", "a"), place("a", "A")]).map((ref) => ref.key);
    expect(ordered).toEqual(["a", "b", "c"]);
  });
});

describe("matching references to existing rows", () => {
  it("finds a row by identity whatever its slug", () => {
    expect(planRows([{ name: "Anak County", identity: "KP0910" }], [{ id: 7, slug: "anak", identity: "KP0910" }])).toEqual([{ slug: "anak", existingId: 7 }]);
  });

  it("adopts a row with the same slug and no identity of its own", () => {
    expect(planRows([{ name: "Anak County", identity: "KP0910" }], [{ id: 3, slug: "anak-county", identity: null }])).toEqual([
      { slug: "anak-county", existingId: 3 },
    ]);
  });

  it("never takes over a row with another identity, and inserts under the next free suffix instead", () => {
    const existing = [
      { id: 1, slug: "central-district", identity: "XX01" },
      { id: 2, slug: "central-district-2", identity: "XX02" },
    ];
    expect(planRows([{ name: "Central District" }], existing)).toEqual([{ slug: "central-district-3", existingId: null }]);
  });

  it("numbers namesakes in table order, on a fresh database and again over their own rows", () => {
    const refs = [{ name: "Ri Yong Ho", identity: "Q12594422" }, { name: "Ri Yong Ho", identity: "Q483800" }, { name: "Ri Yong Ho" }];
    const fresh = planRows(refs, []);
    expect(fresh.map((row) => row.slug)).toEqual(["ri-yong-ho", "ri-yong-ho-2", "ri-yong-ho-3"]);
    const rows = fresh.map((row, index) => ({ id: index + 1, slug: row.slug, identity: refs[index]!.identity ?? null }));
    expect(planRows(refs, rows)).toEqual(rows.map((row) => ({ slug: row.slug, existingId: row.id })));
  });
});

// One database for the file: the fresh-load tests run first, the tests over existing rows after them.
let database: TestDatabase;
let first: Awaited<ReturnType<typeof syncReferenceTables>>;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await syncReferenceTables(database.db.prisma);
});
afterAll(() => database?.destroy());

describe("syncReferenceTables on a fresh database", () => {
  it("writes one row per reference and returns the id of every key", async () => {
    const { prisma } = database.db;
    expect(await prisma.place.count()).toBe(PLACES.length);
    expect(await prisma.person.count()).toBe(PERSONS.length);
    expect([...first.placeIds.keys()].sort()).toEqual(PLACES.map((ref) => ref.key).sort());
    expect([...first.personIds.keys()].sort()).toEqual(PERSONS.map((ref) => ref.key).sort());
    expect(new Set(first.placeIds.values()).size).toBe(PLACES.length);
  });

  it("stores names, aliases, kinds, codes and coordinates as the table gives them", async () => {
    const anak = await database.db.prisma.place.findUniqueOrThrow({ where: { id: first.placeIds.get("KP0910") } });
    expect(anak).toMatchObject({ slug: "anak-county", name: "Anak County", aliases: ["Anak"], kind: "COUNTY", code: "KP0910" });
    expect(anak.latitude).toBeCloseTo(38.465, 6);
    const leader = await database.db.prisma.person.findUniqueOrThrow({ where: { id: first.personIds.get("kim-jong-un") } });
    expect(leader).toMatchObject({ slug: "kim-jong-un", name: "Kim Jong Un", wikidataId: "Q56226" });
    expect(leader.aliases).toContain("Kim Jong-un");
  });

  it("links every place to its parent, parents inserted first", async () => {
    const rows = await database.db.prisma.place.findMany({ select: { id: true, parentId: true, code: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const ref of PLACES) {
      const row = byId.get(first.placeIds.get(ref.key)!);
      expect(row?.parentId ?? null, ref.key).toBe(ref.parentKey === undefined ? null : first.placeIds.get(ref.parentKey));
      if (row?.parentId != null) expect(row.parentId, ref.key).toBeLessThan(row.id);
    }
    const anak = byId.get(first.placeIds.get("KP0910")!);
    const province = byId.get(anak!.parentId!);
    expect(province?.code).toBe("KP09");
    expect(byId.get(province!.parentId!)?.code).toBe("KP");
  });

  it("gives namesakes -2 slugs", async () => {
    const slugs = await database.db.prisma.person.findMany({
      where: { name: "Ri Yong Ho" },
      select: { slug: true, wikidataId: true },
      orderBy: { slug: "asc" },
    });
    expect(slugs).toEqual([
      { slug: "ri-yong-ho", wikidataId: "Q12594422" },
      { slug: "ri-yong-ho-2", wikidataId: "Q483800" },
    ]);
    expect(await database.db.prisma.place.findMany({ where: { name: "Unsan County" }, select: { slug: true } })).toHaveLength(2);
  });

  it("changes nothing and returns the same ids when run again, in a handful of statements", async () => {
    const { prisma } = database.db;
    const before = await Promise.all([prisma.place.aggregate({ _max: { updatedAt: true } }), prisma.person.aggregate({ _max: { updatedAt: true } })]);
    database.resetStatements();
    const second = await syncReferenceTables(prisma);
    expect(database.statements.length).toBeLessThanOrEqual(10);
    expect(second.placeIds).toEqual(first.placeIds);
    expect(second.personIds).toEqual(first.personIds);
    expect(await prisma.place.count()).toBe(PLACES.length);
    expect(await prisma.person.count()).toBe(PERSONS.length);
    const after = await Promise.all([prisma.place.aggregate({ _max: { updatedAt: true } }), prisma.person.aggregate({ _max: { updatedAt: true } })]);
    expect(after).toEqual(before);
  });

  it("writes nothing and names the problem when a table is unsound", async () => {
    const broken: ReferenceTables = { places: [place("x", "Nowhere County", "missing")], persons: [] };
    await expect(syncReferenceTables(database.db.prisma, broken)).rejects.toThrow(ReferenceTableError);
    await expect(syncReferenceTables(database.db.prisma, broken)).rejects.toThrow('names parent "missing"');
    expect(await database.db.prisma.place.count()).toBe(PLACES.length);
  });
});

describe("syncReferenceTables over rows that already exist", () => {
  // Runs on the database above, beside the real tables: made-up names and codes touch none of them.
  const tables: ReferenceTables = {
    places: [
      place("ZZ", "Republic of Testing", undefined, "ZZ"),
      { ...place("ZZ01", "North Testing Province", "ZZ", "ZZ01"), kind: "PROVINCE" },
      { ...place("ZZ0101", "Sample County", "ZZ01", "ZZ0101"), aliases: ["Sample"] },
      { ...place("harbour-district", "Harbour District", "ZZ"), kind: "DISTRICT" },
    ],
    persons: [person("pak-test-il", "Pak Test Il", "Q999999901"), person("ri-sample", "Ri Sample")],
  };

  it("adopts rows the ingester created under the same slug, and steps around rows with another identity", async () => {
    const { prisma } = database.db;
    const county = await prisma.place.create({ data: { slug: "sample-county", name: "Sample County", aliases: [], kind: "COUNTY" } });
    const elsewhere = await prisma.place.create({ data: { slug: "harbour-district", name: "Harbour District", aliases: [], kind: "DISTRICT", code: "XX01" } });
    const official = await prisma.person.create({ data: { slug: "pak-test-il", name: "Pak Test Il", aliases: [], titles: [] } });

    const ids = await syncReferenceTables(prisma, tables);
    expect(ids.placeIds.get("ZZ0101")).toBe(county.id);
    expect(ids.personIds.get("pak-test-il")).toBe(official.id);
    expect(await prisma.place.findUniqueOrThrow({ where: { id: county.id } })).toMatchObject({ code: "ZZ0101", aliases: ["Sample"] });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: official.id } })).toMatchObject({ wikidataId: "Q999999901" });
    const harbour = await prisma.place.findUniqueOrThrow({ where: { id: ids.placeIds.get("harbour-district") } });
    expect(harbour.slug).toBe("harbour-district-2");
    expect(await prisma.place.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ code: "XX01", parentId: null });
  });

  it("updates only the rows whose reference changed", async () => {
    const { prisma } = database.db;
    const before = await prisma.place.findMany({ orderBy: { id: "asc" } });
    const changed: ReferenceTables = {
      ...tables,
      places: tables.places.map((ref) => (ref.key === "ZZ0101" ? { ...ref, aliases: ["Sample", "Sample-gun"], parentKey: "ZZ" } : ref)),
    };
    const ids = await syncReferenceTables(prisma, changed);
    const after = await prisma.place.findMany({ orderBy: { id: "asc" } });
    const countyId = ids.placeIds.get("ZZ0101");
    expect(after.find((row) => row.id === countyId)).toMatchObject({ aliases: ["Sample", "Sample-gun"], parentId: ids.placeIds.get("ZZ") });
    const untouched = (rows: typeof before) => rows.filter((row) => row.id !== countyId).map((row) => [row.id, row.updatedAt.getTime()]);
    expect(untouched(after)).toEqual(untouched(before));
    const stamp = (rows: typeof before) => rows.find((row) => row.id === countyId)!.updatedAt.getTime();
    expect(stamp(after)).toBeGreaterThan(stamp(before));
  });
});
