import { describe, expect, it } from "vitest";
import { createExtractor, TITLE_ONLY_OFFSET } from "../src/ingest/extract/index.ts";
import type { EntityCatalog, EntityMatch, Extraction } from "../src/ingest/types.ts";
import type { PersonRef, PlaceRef } from "../src/reference/types.ts";

// A small catalog in the shape of the reference tables, enough to exercise every rule.
function person(key: string, name: string, aliases: string[] = []): PersonRef {
  return { key, name, aliases, titles: [] };
}

function place(key: string, name: string, kind: PlaceRef["kind"], parentKey?: string, aliases: string[] = [], code?: string): PlaceRef {
  return { key, name, aliases, kind, ...(parentKey ? { parentKey } : {}), ...(code ? { code } : {}) };
}

const PERSONS: PersonRef[] = [
  person("kim-il-sung", "Kim Il Sung", ["Kim Il-sung"]),
  person("kim-jong-il", "Kim Jong Il", ["Kim Jong-il"]),
  person("kim-jong-un", "Kim Jong Un", ["Kim Jong-un"]),
  person("kim-il", "Kim Il"),
  person("kim-chaek", "Kim Chaek"),
  person("kim-jong-suk", "Kim Jong Suk"),
  person("pak-pong-ju", "Pak Pong Ju", ["Pak Pong-ju"]),
  person("kim-yong-nam", "Kim Yong Nam"),
  person("george-w-bush", "George W. Bush", ["Bush"]),
];

const PLACES: PlaceRef[] = [
  place("KP", "Democratic People's Republic of Korea", "COUNTRY", undefined, ["DPRK", "North Korea", "Korea"]),
  place("KR", "South Korea", "COUNTRY", undefined, ["ROK"]),
  place("CN", "China", "COUNTRY"),
  place("DE", "Germany", "COUNTRY"),
  place("beijing", "Beijing", "CITY", "CN"),
  place("pyongyang", "Pyongyang", "SPECIAL_CITY", "KP"),
  place("KH", "Cambodia", "COUNTRY"),
  place("KP09", "South Hwanghae Province", "PROVINCE", "KP", ["South Hwanghae"], "KP09"),
  place("KP02", "North Hamgyong Province", "PROVINCE", "KP", ["North Hamgyong"], "KP02"),
  place("KP07", "South Phyongan Province", "PROVINCE", "KP", ["South Phyongan"], "KP07"),
  place("KP01", "Ryanggang Province", "PROVINCE", "KP", ["Ryanggang"], "KP01"),
  place("kimchaek", "Kim Chaek City", "CITY", "KP02", ["Kimchaek"], "KP0204"),
  place("hoechang", "Hoechang County", "COUNTY", "KP07", [], "KP0717"),
  place("anju", "Anju City", "CITY", "KP07", ["Anju"], "KP0703"),
  place("samjiyon", "Samjiyon County", "COUNTY", "KP01"),
  place("kaesong", "Kaesong", "CITY", "KP"),
];
// Coded divisions come from a complete gazetteer: South Phyongan's counties and cities and North
// Hamgyong's cities are listed in full, so unknown ones are not discovered there; South Hwanghae
// and Ryanggang list none with codes, and China lists only its capital (no code).

const CATALOG: EntityCatalog = { persons: PERSONS, places: PLACES };

const extract = (text: string, title?: string): Extraction => createExtractor(CATALOG).extract(text, title === undefined ? undefined : { title });
const keys = (matches: EntityMatch[]): string[] => matches.map((m) => m.key);
const personKeys = (text: string): string[] => keys(extract(text).persons);
const placeKeys = (text: string): string[] => keys(extract(text).places);
const find = (matches: EntityMatch[], key: string): EntityMatch | undefined => matches.find((m) => m.key === key);

describe("people", () => {
  it("strips honorifics and titles from the surface form", () => {
    const text =
      "The respected Comrade Kim Jong Un met Premier Pak Pong Ju. Chairman Kim Jong Il and President " +
      "Kim Il Sung were remembered. Marshal Kim Jong Un spoke.";
    const result = extract(text);
    expect(keys(result.persons).sort()).toEqual(["kim-il-sung", "kim-jong-il", "kim-jong-un", "pak-pong-ju"]);
    expect(find(result.persons, "kim-jong-un")).toEqual({
      key: "kim-jong-un",
      count: 2,
      surfaceForms: ["Kim Jong Un"],
      firstOffset: text.indexOf("Kim Jong Un"),
    });
    expect(find(result.persons, "pak-pong-ju")?.surfaceForms).toEqual(["Pak Pong Ju"]);
  });

  it("links alias spellings and keeps each surface form", () => {
    const result = extract("Kim Jong-un met Kim Jong Un's guests and Pak Pong-ju.");
    expect(find(result.persons, "kim-jong-un")?.surfaceForms).toEqual(["Kim Jong-un", "Kim Jong Un"]);
    expect(find(result.persons, "pak-pong-ju")?.surfaceForms).toEqual(["Pak Pong-ju"]);
  });

  it("finds possessives with straight and typographic apostrophes", () => {
    const result = extract("Kim Jong Un's visit and Kim Jong Un\u2019s speech and Kim Jong Il\u2019s work.");
    expect(find(result.persons, "kim-jong-un")?.count).toBe(2);
    expect(find(result.persons, "kim-jong-un")?.surfaceForms).toEqual(["Kim Jong Un"]);
    expect(find(result.persons, "kim-jong-il")?.count).toBe(1);
  });

  it("ignores differences of case", () => {
    const result = extract("KIM JONG UN arrived. Kim Yong nam greeted him.");
    expect(find(result.persons, "kim-jong-un")?.surfaceForms).toEqual(["KIM JONG UN"]);
    expect(find(result.persons, "kim-yong-nam")?.surfaceForms).toEqual(["Kim Yong nam"]);
  });

  it("prefers the longest name, so Kim Il Sung is never Kim Il", () => {
    expect(personKeys("President Kim Il Sung and Premier Kim Il.")).toEqual(["kim-il-sung", "kim-il"]);
  });

  it.each([
    "Students of Kim Il Sung University gathered.",
    "A rally was held at Kim Il Sung Square.",
    "He received the Kim Jong Il Prize.",
    "The Kim Il Sung-Kim Jong Il Foundation donated books.",
    "Kimilsungia and Kimjongilia were in full bloom.",
    "The Kim Jong Ilia Greenhouse opened.",
    "Members of the Kim Il Sung Socialist Youth League met.",
    "He was awarded the Kim Il Sung Order and the Kim Jong Il Medal.",
    "Officers of Kim Il Sung Military University and Kim Il Sung Higher Party School attended.",
    "He studied at Kim Chaek University of Technology.",
    "Workers of the Kim Jong Suk Pyongyang Textile Mill met.",
    "The Kim Il Sung Stadium and Kim Il Sung Street were decorated.",
    "Estudiantes de la Universidad Kim Il Sung se reunieron en la Plaza Kim Il Sung.",
  ])("finds no person in a name given to something else: %s", (text) => {
    expect(personKeys(text)).toEqual([]);
  });

  it("reads Kim Chaek City as a place in North Hamgyong, not as the person", () => {
    const result = extract("Factories in Kim Chaek City, North Hamgyong Province, are busy.");
    expect(keys(result.persons)).toEqual([]);
    expect(keys(result.places)).toEqual(["kimchaek", "KP02"]);
  });

  it("applies the institution rule to title-cased headlines only through known modifiers", () => {
    expect(keys(extract("", "Kim Il Sung Socialist Youth League Meets").persons)).toEqual([]);
    expect(keys(extract("", "Kim Jong Un Visits Kumsusan Palace").persons)).toEqual(["kim-jong-un"]);
  });

  it("finds a name glued to its neighbours", () => {
    const result = extract("The ComradeKim Jong Unwas greeted. It was led byKim Jong Il.");
    expect(find(result.persons, "kim-jong-un")?.surfaceForms).toEqual(["Kim Jong Un"]);
    expect(find(result.persons, "kim-jong-un")?.firstOffset).toBe(11);
    expect(find(result.persons, "kim-jong-il")?.surfaceForms).toEqual(["Kim Jong Il"]);
  });

  it("does not split a name out of a longer word", () => {
    // "Kim Jong Ung" is not Kim Jong Un: it has the shape of another Korean name and is discovered.
    expect(personKeys("Kim Ilsung and McKim Jong Un and Kim Jong Ung.")).toEqual(["kim-jong-ung"]);
  });

  it("reads a lowercase surname before a word for its government as the leader", () => {
    expect(personKeys("the bush administration and the bush group")).toEqual(["george-w-bush"]);
    expect(personKeys("a bush clover grew by the bush")).toEqual([]);
  });

  it("finds no people in common words", () => {
    expect(personKeys("The UN said Sung and Jong were un-kim-like; kim jong un in lowercase is not a name.")).toEqual([]);
  });
});

const discovered = (text: string, title?: string): PersonRef[] => extract(text, title).discoveredPersons;
const discoveredNames = (text: string, title?: string): string[] => discovered(text, title).map((p) => p.name);

describe("people the catalog lacks: Korean names", () => {
  it("recognises a surname followed by one or two romanised syllables", () => {
    const text = "He was accompanied by Kim Kuk Thae, O Kuk Ryol and Choe Pu Il, and by Mun Chol.";
    expect(discoveredNames(text)).toEqual(["Kim Kuk Thae", "O Kuk Ryol", "Choe Pu Il", "Mun Chol"]);
    expect(keys(extract(text).persons)).toEqual(["kim-kuk-thae", "o-kuk-ryol", "choe-pu-il", "mun-chol"]);
  });

  it("keys a discovered person by the slug of the name and keeps the titles seen with it", () => {
    const text = "Secretary Kim Kuk Thae and Hyon Chol Hae, vice-chairman of the commission, spoke.";
    expect(discovered(text)).toEqual([
      { key: "kim-kuk-thae", name: "Kim Kuk Thae", aliases: [], titles: ["Secretary"] },
      { key: "hyon-chol-hae", name: "Hyon Chol Hae", aliases: [], titles: ["Vice-Chairman"] },
    ]);
  });

  it("counts every later mention of the full name, in either spelling, but not the surname alone", () => {
    const text = "Pak Kyong Son spoke. Then Pak Kyong-son and Pak agreed, and Pak Kyong Son left.";
    const result = extract(text);
    expect(result.persons).toEqual([{ key: "pak-kyong-son", count: 3, surfaceForms: ["Pak Kyong Son", "Pak Kyong-son"], firstOffset: 0 }]);
    expect(discoveredNames(text)).toEqual(["Pak Kyong Son"]);
  });

  it("counts a name the body introduces in the title-cased headline too", () => {
    const result = extract("Kim Kuk Thae visited a factory.", "Kim Kuk Thae Visits Factory");
    expect(result.persons).toEqual([{ key: "kim-kuk-thae", count: 2, surfaceForms: ["Kim Kuk Thae"], firstOffset: 0 }]);
  });

  it("introduces nobody from a title-cased headline alone", () => {
    expect(discovered("", "Kim Kuk Thae Visits Factory")).toEqual([]);
    expect(discovered("Workers met.", "No Man Is Left Behind")).toEqual([]);
  });

  it("leaves names the catalog holds to the catalog", () => {
    const result = extract("Kim Jong Un met Kim Kuk Thae.");
    expect(keys(result.persons)).toEqual(["kim-jong-un", "kim-kuk-thae"]);
    expect(discoveredNames("Kim Jong Un met Kim Kuk Thae.")).toEqual(["Kim Kuk Thae"]);
  });

  it("reads a two-word catalog name followed by a third syllable as a longer name", () => {
    expect(personKeys("Kim Il Chol attended.")).toEqual(["kim-il-chol"]);
    expect(personKeys("Premier Kim Il attended.")).toEqual(["kim-il"]);
  });

  it("takes a surname that is an English word only with a full given name at a sentence start", () => {
    expect(discoveredNames("So Chong Won was released. An Sang Su resigned.")).toEqual(["So Chong Won", "An Sang Su"]);
    expect(discoveredNames("So Ju said nothing.")).toEqual([]);
    expect(discoveredNames("They met Nam Jong Su and So Ju.")).toEqual(["Nam Jong Su", "So Ju"]);
  });

  it("does not start a name inside a longer one", () => {
    expect(discoveredNames("An Song Duk, a victim, testified.")).toEqual(["An Song Duk"]);
    expect(discoveredNames("He met Hor Nam Hon, Cambodian minister.")).toEqual(["Hor Nam Hon"]);
    expect(discoveredNames("He met Hor Nam Hon in Phnom Penh.")).toEqual([]);
  });

  it("takes the Korean name, not the office before it, from a run of capitalised words", () => {
    expect(discoveredNames("Present were Minister of Agriculture Ri Kyong Sik, acting chairman of the committee.")).toEqual(["Ri Kyong Sik"]);
  });

  it.each([
    ["an institution named after a person", "Students of Kim Kuk Thae University met."],
    ["a longer proper noun", "Ho Chi Minh City and Hong Kong grew."],
    ["a unit named after a hero", "the Seoul Ryu Kyong Su 105 Guards Tank Division"],
    ["a place after a preposition", "They swam in Chon Ji and at Lake Chon Ji."],
    ["a thing after the article", "pupils of the Yu Wen middle school"],
    ["ordinary English words", "The Han River is not a person, and So far so good."],
    ["a name with a mangled syllable", "under the leadership of Kim Jong ll"],
    ["capitals throughout", "KIM KUK THAE ARRIVED"],
    ["a hyphenated compound", "the Kim Il Sung-Kim Kuk Thae line"],
  ])("finds no new person in %s", (_, text) => {
    expect(discoveredNames(text)).toEqual([]);
  });
});

describe("people the catalog lacks: names introduced by a title, role or leader", () => {
  it("takes the name right after a title", () => {
    expect(discovered("Prime Minister Narendra Modi arrived.")).toEqual([
      { key: "narendra-modi", name: "Narendra Modi", aliases: [], titles: ["Prime Minister"] },
    ]);
  });

  it("takes the name after a minister's portfolio only right after the title", () => {
    expect(discoveredNames("handed by Minister of Public Health Chen Zhu who heads the delegation")).toEqual(["Chen Zhu"]);
    expect(discoveredNames("the executive director of the Environmental Education Media Project who came")).toEqual([]);
  });

  it("takes the name after the office the title names", () => {
    expect(discoveredNames("led by Chairman of the Central Committee Harpal Brar, a delegation")).toEqual(["Harpal Brar"]);
    expect(discoveredNames("He was greeted by Chinese Ambassador E.P. to the DPRK Liu Xiaoming and officials.")).toEqual(["Liu Xiaoming"]);
  });

  it("takes the name before a role after a comma", () => {
    const text = "Glyn Ford, member of the National Policy Forum, and Zhou Qiang, first secretary of its committee, spoke.";
    expect(discovered(text)).toEqual([
      { key: "glyn-ford", name: "Glyn Ford", aliases: [], titles: [] },
      { key: "zhou-qiang", name: "Zhou Qiang", aliases: [], titles: ["First Secretary"] },
    ]);
    expect(discoveredNames("Li Bin, charge d'affaires ad interim, was present.")).toEqual(["Li Bin"]);
    expect(discovered("Present was Wu Donghe, Chinese ambassador to the DPRK.")).toEqual([
      { key: "wu-donghe", name: "Wu Donghe", aliases: [], titles: ["Ambassador"] },
    ]);
    expect(discoveredNames("The gift came from Reverend Franklin Graham, president of a charity.")).toEqual(["Franklin Graham"]);
  });

  it("takes the name after led by or headed by", () => {
    expect(discoveredNames("a delegation led by Alexsandr Chetverikov and a group headed by Paolo Romani")).toEqual(["Alexsandr Chetverikov", "Paolo Romani"]);
  });

  it("does not take a plural title for part of the name", () => {
    expect(discoveredNames("Deputy Secretary Generals Hirogazu Kitagowa and others attended.")).toEqual(["Hirogazu Kitagowa"]);
  });

  it("leaves a word that opens the sentence out of the name", () => {
    expect(discoveredNames("Recently Joseph Biden, vice-president of the United States, said so.")).toEqual(["Joseph Biden"]);
  });

  it("keeps initials as written", () => {
    expect(discovered("S. Mukherjee, chairman of the commission, was interviewed.")).toEqual([
      { key: "s-mukherjee", name: "S. Mukherjee", aliases: [], titles: ["Chairman"] },
    ]);
  });

  it("counts later mentions without the context that introduced the name", () => {
    const result = extract("Paolo Romani, vice-president of the Senate, arrived. Paolo Romani said Romani would return.");
    expect(find(result.persons, "paolo-romani")?.count).toBe(2);
    expect(discoveredNames("Paolo Romani, vice-president of the Senate, arrived. Romani said so.")).toEqual(["Paolo Romani"]);
  });

  it("reads names after scare quotes and in quoted speech, but not in titles of works", () => {
    expect(discoveredNames('"Minister of National Unification" Kang In Dok insisted on talks.')).toEqual(["Kang In Dok"]);
    const speech =
      '"Our delegation, led by Paolo Romani, came to see the achievements of the Korean people with our own eyes and we are deeply impressed by all we saw," he said.';
    expect(discoveredNames(speech)).toEqual(["Paolo Romani"]);
    expect(discoveredNames('They sang "Song of Kim Kuk Thae" and "Ode to Paolo Romani".')).toEqual([]);
  });

  it("leaves a title to the catalog person who holds it", () => {
    expect(extract("President Kim Il Sung and Chairman Kim Jong Il").discoveredPersons).toEqual([]);
  });

  it.each([
    ["an organisation's name after a title", "the General Security of Military Information Agreement"],
    ["a title with its office only", "Vice-Chairman of the Committee for the Peaceful Reunification of the Fatherland"],
    ["a title of a work in quotes", 'Choruses "The General Will Live Forever" were sung.'],
    ["an organisation spelled out before its abbreviation", "chairman of the Federation of University Student Councils (Hanchongryon)"],
    ["an organisation going on after the words", "the then chairman of the Joint Chiefs of Staff issued an order"],
    ["a role that titles the next person", "At the ceremony held at the Taesongsan Funfair, Vice Marshal of the KPA Kim Jong Gak spoke."],
    ["a list of offices", "messages came from captains regent of San Marino, presidents of Guinea and Malawi"],
    ["words continuing a capitalised phrase", "the President of the Republic of Congo Denis Sassou Nguesso, President of Egypt"],
  ])("finds no new person in %s", (_, text) => {
    expect(discoveredNames(text).filter((name) => name !== "Kim Jong Gak")).toEqual([]);
  });
});

describe("people the catalog lacks: Chinese names in lists", () => {
  it("takes a pinyin name standing in a list beside a person", () => {
    expect(discoveredNames("Present were Kim Yong Nam, Wang Jiarui and Yang Jiechi.")).toEqual(["Wang Jiarui", "Yang Jiechi"]);
  });

  it("does not take a pinyin-shaped name without a list or a title", () => {
    expect(discoveredNames("They met Wang Jiarui on Monday.")).toEqual([]);
  });
});

describe("places", () => {
  it("counts the dateline as a mention of its place", () => {
    const text = "Pyongyang, March 3 (KCNA) -- A meeting was held.";
    expect(extract(text).places).toEqual([{ key: "pyongyang", count: 1, surfaceForms: ["Pyongyang"], firstOffset: 0 }]);
    expect(placeKeys("Beijing, June 5 (KCNA) -- Talks opened.")).toEqual(["beijing"]);
  });

  it("resolves a dateline town by its bare name", () => {
    expect(extract("Samjiyon, August 2 (KCNA) -- Snow fell.").places).toEqual([{ key: "samjiyon", count: 1, surfaceForms: ["Samjiyon"], firstOffset: 0 }]);
  });

  it("discovers a village with its county and province from a chain", () => {
    const text = "A farmer of Oguk-ri, Anak County, South Hwanghae Province, visited Oguk-ri again.";
    const result = extract(text);
    expect(result.discoveredPlaces).toEqual([
      { key: "KP09-anak-county", name: "Anak County", aliases: [], kind: "COUNTY", parentKey: "KP09" },
      { key: "KP09-anak-county-oguk-ri", name: "Oguk-ri", aliases: [], kind: "VILLAGE", parentKey: "KP09-anak-county" },
    ]);
    expect(result.places).toEqual([
      { key: "KP09-anak-county-oguk-ri", count: 2, surfaceForms: ["Oguk-ri"], firstOffset: text.indexOf("Oguk-ri") },
      { key: "KP09-anak-county", count: 1, surfaceForms: ["Anak County"], firstOffset: text.indexOf("Anak County") },
      { key: "KP09", count: 1, surfaceForms: ["South Hwanghae Province"], firstOffset: text.indexOf("South Hwanghae") },
    ]);
  });

  it("hangs a discovered village under a county the catalog knows", () => {
    const result = extract("Wonam-ri, Hoechang County, South Phyongan Province");
    expect(result.discoveredPlaces).toEqual([{ key: "hoechang-wonam-ri", name: "Wonam-ri", aliases: [], kind: "VILLAGE", parentKey: "hoechang" }]);
    expect(keys(result.places)).toEqual(["hoechang-wonam-ri", "hoechang", "KP07"]);
  });

  it.each([
    ["Kangdong County of Pyongyang Municipality", "Kangdong County", "COUNTY", "pyongyang"],
    ["Pukchang County, South Hwanghae Province", "Pukchang County", "COUNTY", "KP09"],
    ["Hyesan City of Ryanggang Province", "Hyesan City", "CITY", "KP01"],
    ["Unryul County in South Hwanghae Province", "Unryul County", "COUNTY", "KP09"],
    ["Chongsan-ri, Kaesong", "Chongsan-ri", "VILLAGE", "kaesong"],
    ["Sokmi-dong, Kaesong City", "Sokmi-dong", "VILLAGE", "kaesong"],
    ["Siem Reap Province of Cambodia", "Siem Reap Province", "PROVINCE", "KH"],
    ["Kunming city, China", "Kunming City", "CITY", "CN"],
  ])("discovers %s", (text, name, kind, parentKey) => {
    const result = extract(`Work went on in ${text} this year.`);
    expect(result.discoveredPlaces).toEqual([expect.objectContaining({ name, kind, parentKey })]);
    expect(keys(result.places)).toContain(result.discoveredPlaces[0]!.key);
    expect(keys(result.places)).toContain(parentKey);
  });

  it("discovers nothing without a known place at the larger end", () => {
    const result = extract("Rogun-ri, Yongdong County, North Chungchong Province and Somewhere County.");
    expect(result.discoveredPlaces).toEqual([]);
    expect(result.places).toEqual([]);
  });

  it("treats the catalog's list of a parent's children of one kind as complete", () => {
    // A misspelt, renamed or foreign namesake: South Phyongan's counties are all listed, and the
    // DPRK's provinces are, so no county, city or province is added directly under the country.
    const result = extract("Cunchon City, South Phyongan Province; Sonbong City, DPRK; Phyongan Province of the DPRK.");
    expect(result.discoveredPlaces).toEqual([]);
  });

  it("does not take descriptive words for a place name", () => {
    const result = extract("the Dwelling District of Pyongyang Municipality and the Capital City of South Hwanghae Province");
    expect(result.discoveredPlaces).toEqual([]);
  });

  it("takes only the last word before the suffix in a headline", () => {
    const result = extract("", "Farmers Visit Hwangju County of South Hwanghae Province");
    expect(result.discoveredPlaces.map((p) => p.name)).toEqual(["Hwangju County"]);
  });

  it("keeps a place named after a person whole when discovering it", () => {
    const result = extract("Kim Jong Suk County of South Hwanghae Province");
    expect(result.discoveredPlaces.map((p) => p.name)).toEqual(["Kim Jong Suk County"]);
    expect(result.persons).toEqual([]);
  });

  it("links places added with addPlaces in later texts", () => {
    const extractor = createExtractor(CATALOG);
    const first = extractor.extract("Kangdong County of Pyongyang Municipality");
    extractor.addPlaces(first.discoveredPlaces);
    const later = extractor.extract("Farmers in Kangdong County harvested rice.");
    expect(later.discoveredPlaces).toEqual([]);
    expect(keys(later.places)).toEqual(["pyongyang-kangdong-county"]);
  });

  it("does not read demonyms, adjectives or plain Korea as places", () => {
    expect(placeKeys("Chinese and Korean guests toured Korea and the Koreas.")).toEqual([]);
  });

  it("reads south Korea, South Korea and North Korea as the states", () => {
    const result = extract("Forces in south Korea and South Korea's army threatened North Korea and the DPRK.");
    expect(find(result.places, "KR")?.surfaceForms).toEqual(["south Korea", "South Korea"]);
    expect(find(result.places, "KP")?.surfaceForms).toEqual(["North Korea", "DPRK"]);
  });

  it("reads a lowercase suffix and compass word as part of the unit", () => {
    expect(placeKeys("Farms in north Hamgyong province and Hoechang county did well.")).toEqual(["KP02", "hoechang"]);
  });

  it("does not count a town inside the name of a facility or organisation", () => {
    expect(placeKeys("Kaesong Industrial Zone and the Pyongyang and Kaesong cosmetic factories opened.")).toEqual([]);
  });

  it("counts a country used as a qualifier but not one closing a party's name", () => {
    expect(placeKeys("The DPRK Supreme People's Assembly thanked the Communist Party of Germany.")).toEqual(["KP"]);
    expect(placeKeys("DPRK-China friendship grows.")).toEqual(["KP", "CN"]);
  });
});

describe("tally", () => {
  it("orders by count, keeps distinct surface forms in order and the first offset", () => {
    const text = "Kim Yong Nam met Kim Jong Un. KIM JONG UN and Kim Jong-un spoke in Beijing. China and Beijing.";
    const result = extract(text);
    expect(result.persons).toEqual([
      { key: "kim-jong-un", count: 3, surfaceForms: ["Kim Jong Un", "KIM JONG UN", "Kim Jong-un"], firstOffset: 17 },
      { key: "kim-yong-nam", count: 1, surfaceForms: ["Kim Yong Nam"], firstOffset: 0 },
    ]);
    expect(keys(result.places)).toEqual(["beijing", "CN"]);
  });

  it("counts names in the title and marks those found only there", () => {
    const result = extract("He met Kim Yong Nam.", "Kim Jong Un Meets Kim Yong Nam");
    expect(result.persons).toEqual([
      { key: "kim-yong-nam", count: 2, surfaceForms: ["Kim Yong Nam"], firstOffset: 7 },
      { key: "kim-jong-un", count: 1, surfaceForms: ["Kim Jong Un"], firstOffset: TITLE_ONLY_OFFSET },
    ]);
  });

  it("returns empty lists for a text that names nobody", () => {
    expect(extract("")).toEqual({ persons: [], places: [], discoveredPlaces: [], discoveredPersons: [] });
  });
});

describe("bad input", () => {
  it("rejects a catalog with duplicate keys or unknown parents", () => {
    expect(() => createExtractor({ persons: [PERSONS[0]!, PERSONS[0]!], places: [] })).toThrow(/duplicate person key "kim-il-sung"/);
    expect(() => createExtractor({ persons: [], places: [place("x", "X County", "COUNTY", "nowhere")] })).toThrow(/unknown parent "nowhere"/);
  });

  it("rejects text that is not a string", () => {
    const extractor = createExtractor(CATALOG);
    expect(() => extractor.extract(42 as unknown as string)).toThrow(TypeError);
  });
});
