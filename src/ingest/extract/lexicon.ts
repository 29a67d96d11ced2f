// Word lists the rules consult. Each list says what role a word plays next to a name; the
// rules that use them live in person-rules.ts, name-matcher.ts and place-patterns.ts.
// All entries are token keys (lowercase, see normalise.ts).

/**
 * Words a name may be glued to in sloppy feeds ("ComradeKim Jong Un", "Kim Jong Unwas"):
 * titles and the commonest function words and reporting verbs. Anything else glued to a name
 * (a capitalised fragment such as "Mc" in "McArthur", or "ia" in "Kim Jong Ilia") is part of
 * another word, not a separate name.
 */
export const GLUE_WORDS: ReadonlySet<string> = new Set([
  // function words
  "a", "an", "and", "as", "at", "by", "for", "from", "he", "her", "his", "in", "is", "it", "of",
  "on", "or", "the", "to", "was", "were", "are", "who", "whose", "which", "that", "with", "has",
  "had", "have", "also", "said", "says", "made", "sent", "met", "visited", "received", "gave",
  "de", "del", "el", "la", "y", "por", "con",
  // titles
  "comrade", "respected", "dear", "leader", "general", "secretary", "chairman", "premier",
  "marshal", "president", "commander", "minister", "ambassador", "dirigente", "presidente",
  "mariscal", "camarada", "estimado",
]);

/**
 * Head nouns of names given to institutions, awards, places and things ("Kim Il Sung
 * University", "Kim Jong Il Prize", "Kim Chaek City"). A person's name directly before one of
 * these, capitalised, names the thing and does not mention the person.
 */
export const INSTITUTION_NOUNS: ReadonlySet<string> = new Set([
  "university", "universities", "college", "academy", "school", "institute", "kindergarten",
  "nursery", "conservatory", "library", "museum", "hall", "palace", "mausoleum", "memorial",
  "statue", "statues", "monument", "tower", "square", "stadium", "street", "avenue", "bridge",
  "park", "prize", "prizes", "award", "awards", "foundation", "fund", "league", "order", "medal", "badge",
  "mill", "works", "complex", "factory", "plant", "mine", "farm", "station", "centre", "center",
  "hospital", "theatre", "theater", "constitution", "flower", "county", "city", "district",
  "province", "town", "village", "ri", "dong",
]);

/**
 * Capitalised words that may stand between a name and an institution noun in a title-cased
 * headline ("Kim Il Sung Socialist Youth League", "Kim Il Sung Military University"). Body text
 * is sentence-cased, so there any capitalised words may stand between them
 * ("Kim Jong Suk Pyongyang Textile Mill"); headlines capitalise every word, so only these count.
 */
export const INSTITUTION_MODIFIERS: ReadonlySet<string> = new Set([
  "socialist", "youth", "military", "political", "higher", "party", "revolutionary", "honor",
  "honour", "children", "economic", "special", "open", "broadcasting", "general", "naval",
  "medical", "teachers", "training", "international", "national", "memorial", "art", "arts",
  "textile", "silk", "iron", "steel", "technology", "education", "music",
]);

/**
 * Spanish puts the noun first ("Universidad Kim Il Sung", "Plaza Kim Il Sung", "Premio
 * Internacional Kim Il Sung"); a name right after one of these names the thing.
 */
export const INSTITUTION_NOUNS_BEFORE: ReadonlySet<string> = new Set([
  "universidad", "plaza", "estadio", "premio", "orden", "medalla", "fundacion", "calle",
  "biblioteca", "instituto", "escuela", "colegio", "academia", "museo", "palacio", "juventud",
  "socialista", "internacional", "condecoracion", "flor", "ciudad", "distrito", "condado",
]);

/** Suffix words that make a capitalised name an administrative unit ("Anak County"). */
export const ADMIN_SUFFIX_KINDS = {
  province: "PROVINCE",
  municipality: "SPECIAL_CITY",
  city: "CITY",
  county: "COUNTY",
  district: "DISTRICT",
} as const;

/** Hyphenated suffixes of villages and neighbourhoods ("Oguk-ri", "Sokmi-dong"). */
export const VILLAGE_SUFFIXES: ReadonlySet<string> = new Set(["ri", "dong"]);

/**
 * Capitalised words that begin sentences or headlines but never begin a place name; dropped
 * from the front of the words before "County" and the like.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  "the", "a", "an", "in", "at", "on", "of", "to", "from", "by", "for", "with", "and", "or", "this",
  "that", "these", "those", "its", "their", "our", "his", "her", "each", "every", "all", "some",
  "many", "both", "during", "after", "before", "when", "while", "as", "new", "old", "whole",
  "entire", "local", "visits", "visit", "inspects", "tours", "comrade", "respected", "dear",
  "leader", "marshal", "chairman", "president", "premier", "secretary", "general",
]);

/** Lowercase particles inside foreign names ("Magdalena del Mar District"): the name goes on. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  "de", "del", "la", "le", "las", "los", "da", "do", "dos", "di", "du", "van", "von", "al", "el",
]);

/**
 * Names that refer to more than one place and must not be linked from an alias: "Korea" alone
 * may be the peninsula, either state or the nation, so it is never read as the DPRK.
 */
export const AMBIGUOUS_ALIASES: ReadonlySet<string> = new Set(["korea"]);

/**
 * Head nouns of organisations and facilities named after a town or area ("Anbyon Youth Power
 * Station", "Kaesong Industrial Zone", "Rangnang District Medicinal Herbs Office", "North
 * Phyongan Provincial Committee"): the place name there names the facility, not the place.
 */
export const FACILITY_NOUNS: ReadonlySet<string> = new Set([
  "station", "stations", "plant", "plants", "mill", "mills", "factory", "factories", "complex",
  "works", "mine", "mines", "farm", "farms", "circus", "office", "offices", "committee",
  "committees", "branch", "zone", "hotel", "airport", "university", "college", "school",
  "schools", "institute", "hospital", "company", "corporation", "enterprise", "enterprises",
  "theatre", "theater", "stadium", "kindergarten", "shop", "store", "restaurant", "troupe",
  "ensemble", "team", "club", "winery", "brewery", "distillery", "refinery", "shipyard",
  "workshop", "palace", "hall", "museum", "library", "house",
]);

/**
 * Organisations a country name ends ("Communist Party of Germany", "communist youth league of
 * China"): the country names the organisation. State organs ("State Duma of Russia",
 * "President of China") still name the country.
 */
export const ORGANISATIONS_OF: ReadonlySet<string> = new Set([
  "party", "league", "front", "movement", "federation", "union", "association",
]);

/** Words that end a noun phrase: a facility noun after them belongs to another phrase. */
export const PHRASE_BREAKERS: ReadonlySet<string> = new Set([
  "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "as",
  "was", "were", "is", "are", "be", "been", "has", "had", "have", "and", "or", "but", "that",
  "which", "who", "its", "their", "this", "these", "y", "de", "la", "el", "los", "las",
]);

/**
 * Words that describe a place rather than name it ("Capital City", "Dwelling District",
 * "Walled City", "Rural Province"): a discovered place's name may not contain them.
 */
export const DESCRIPTIVE_WORDS: ReadonlySet<string> = new Set([
  "capital", "dwelling", "science", "scientists", "relics", "walled", "rural", "maritime", "historic",
  "historical", "industrial", "residential", "central", "border", "special", "economic",
  "development", "trade", "tourist", "tourism", "hot", "spring", "new", "old", "ancient", "downtown",
  "urban", "provincial", "municipal", "autonomous", "administrative", "coastal", "mountainous",
  "frontline", "forest", "farming", "fishing", "mining", "model", "cultural", "culture", "revolutionary",
  "battle", "battlefield", "home", "native", "greenhouse", "vegetable", "fruit", "livestock",
  "national", "people", "peoples", "workers", "party", "state", "city", "county", "district",
  "province", "municipality", "every", "each", "this", "that", "our", "whole", "same", "other",
  "military", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
  "tenth",
]);

/**
 * Nouns that make a preceding lowercase surname a leader's name: KCNA often writes "the bush
 * administration" or "the bush group", while "bush clover" and "trump card" are plain words.
 */
export const REGIME_NOUNS: ReadonlySet<string> = new Set([
  "administration", "regime", "government", "group", "team", "clique",
]);
