// Word lists the person-discovery rules consult (person-context.ts, person-discovery.ts). Each
// list says what role a word plays next to an unknown name. All entries are token keys.
import { DESCRIPTIVE_WORDS, FACILITY_NOUNS, INSTITUTION_NOUNS, NOT_NAME_WORDS } from "./lexicon.ts";

/**
 * Offices and ranks that introduce the holder's name right after them, in either case
 * ("Prime Minister Narendra Modi", "premier Hong Song Nam", "Chairman of the Central Committee
 * Harpal Brar").
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  "president", "premier", "chairman", "chairwoman", "chairperson", "ambassador", "minister", "secretary",
  "chancellor", "king", "queen", "prince", "princess", "emperor", "sultan", "emir", "governor", "mayor",
  "senator", "speaker", "general", "marshal", "admiral", "commander", "envoy", "consul", "counsellor",
  "councillor", "counselor", "councilor", "director", "spokesman", "spokeswoman", "spokesperson",
  "professor", "dr", "doctor", "representative", "congressman", "congresswoman", "lawmaker",
  "colonel", "captain", "lieutenant", "attache", "coordinator", "rector", "dean",
]);

/** Title words that are also everyday adjectives or nouns in lowercase ("general", "speaker"). */
export const CAPITALISED_ONLY_TITLES: ReadonlySet<string> = new Set(["general", "speaker", "captain", "dean", "doctor", "king", "queen", "prince", "princess"]);

/** Abbreviated titles written with a dot ("Dr. Kim", "Gen. Choe", "Amb. Liu"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(["dr", "prof", "gen", "col", "lt", "maj", "capt", "amb", "sen", "gov", "rep", "adm", "mr", "mrs", "ms"]);

/** Words that may precede a title inside the same title ("Vice-President", "Foreign Minister"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set([
  "vice", "first", "deputy", "acting", "prime", "foreign", "defence", "defense", "chief", "executive",
  "senior", "supreme", "honorary", "permanent", "general", "lieutenant", "major", "rear", "state",
  "co", "assistant", "under", "secretary", "minister", "interim", "former", "late",
]);

/**
 * Nouns that describe a person named just before them after a comma ("Glyn Ford, member of
 * ...", "Li Bin, charge d'affaires ...", "Pak Song Il, a researcher at ..."): TITLE_WORDS plus
 * these. Singular only: "San Marino, presidents of Guinea ..." is a list of offices.
 */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  ...TITLE_WORDS,
  "charge", "member", "delegate", "head", "leader", "founder", "researcher", "editor", "official",
  "correspondent", "reporter", "journalist", "writer", "author", "adviser", "advisor", "lecturer",
  "scientist", "activist", "historian", "lawyer", "scholar", "expert", "analyst", "politician",
  "manager", "chief", "owner", "publisher", "organizer", "organiser", "pastor", "priest", "bishop",
  "officer", "deputy", "vice",
]);

/** Lowercase words before a role noun after the comma ("Zhou Qiang, first secretary of"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([...TITLE_MODIFIERS, "the", "a", "an", "its", "his", "her", "their"]);

/** Plurals of titles ("KPA Generals Hyon Chol Hae and ..."): titles too, but of several people. */
const PLURAL_TITLES: readonly string[] = [
  ...[...TITLE_WORDS].map((w) => `${w}s`), "chairmen", "chairwomen", "secretaries", "deputies", "attaches",
];

/**
 * Honorary titles and occupations KCNA writes capitalised before a name ("Labour Hero",
 * "People's Artiste", "Merited Athlete"): not part of the name.
 */
const HONOURS: readonly string[] = [
  "hero", "heroes", "heroine", "artiste", "artistes", "actor", "actress", "athlete", "athletes", "academician",
  "laureate", "teacher", "singer", "poet", "composer", "player", "coach", "worker", "merited", "labour", "labor",
  "patriot", "martyr", "veteran", "soldier", "officer", "officers", "member", "members", "delegate", "delegates",
  "citizen", "victim", "chief", "head", "leader", "leaders", "reverend", "rev", "pastor", "bishop", "priest",
  "manager", "owner", "president",
];

/** Verbs that, with "by", introduce the person at the head of a group ("led by Paolo Romani"). */
export const LEADING_VERBS: ReadonlySet<string> = new Set(["led", "headed"]);

/** Lowercase words that may join the parts of a long title ("Minister of Foreign Affairs of Cuba"). */
export const TITLE_CONNECTORS: ReadonlySet<string> = new Set(["of", "to", "the", "for", "in", "at", "and", "on", "s", "de", "del", "la"]);

/** Words of titles, honours and forms of address: a name may follow them directly. */
export const TITLE_LIKE: ReadonlySet<string> = new Set([
  ...TITLE_WORDS, ...TITLE_MODIFIERS, ...PLURAL_TITLES, ...HONOURS, ...TITLE_ABBREVIATIONS,
  "comrade", "comrades", "sir", "madame", "excellency",
]);

/**
 * Head nouns that end the name of an organisation, office or facility ("Central Committee",
 * "Ministry of Foreign Affairs", "Mansudae Art Troupe"): a name after one starts a new phrase.
 */
const ORGANISATION_HEAD_NOUNS: readonly string[] = [
  ...INSTITUTION_NOUNS, ...FACILITY_NOUNS,
  "committee", "committees", "commission", "council", "assembly", "party", "parliament", "senate",
  "congress", "government", "ministry", "department", "bureau", "presidium", "secretariat", "cabinet",
  "army", "navy", "force", "forces", "front", "union", "federation", "association", "society", "group",
  "organization", "organisation", "agency", "embassy", "mission", "delegation", "corps", "command",
  "court", "affairs", "headquarters", "movement", "alliance", "coalition", "conference", "forum",
  "division", "regiment", "brigade", "battalion", "unit", "fleet", "office", "sinmun", "daily", "times",
  "news", "radio", "television",
  "staff", "funfair",
  // Not linked as places (see AMBIGUOUS_ALIASES), but they end a phrase as a place would.
  "korea", "koreas",
];
export const ORGANISATION_HEADS: ReadonlySet<string> = new Set([
  ...ORGANISATION_HEAD_NOUNS,
  ...ORGANISATION_HEAD_NOUNS.filter((w) => !w.endsWith("s")).map((w) => `${w}s`), // "Student Councils"
]);

/**
 * Ministers' portfolios ("Minister of Culture Kim Jin Song", "Minister of Public Health Chen
 * Zhu"). They end an office's name only right after "Minister of"; elsewhere more of an
 * organisation's name often follows ("Environmental Education Media Project").
 */
export const PORTFOLIOS: ReadonlySet<string> = new Set([
  "interior", "justice", "finance", "trade", "health", "defence", "defense", "culture", "education",
  "agriculture", "industry", "commerce", "transport", "labour", "labor", "security", "communications",
]);

/**
 * Capitalised words that never belong to a person's name: titles, organisation heads, and
 * descriptive, geographic and calendar words and words that begin sentences.
 */
export const NOT_IN_PERSON_NAMES: ReadonlySet<string> = new Set([
  ...TITLE_LIKE, ...ORGANISATION_HEADS, ...PORTFOLIOS, ...DESCRIPTIVE_WORDS, ...NOT_NAME_WORDS,
  "states", "republic", "kingdom", "nations", "united", "democratic", "federal",
  "workers", "youth", "women", "students", "festival", "press", "journal",
  "magazine", "review", "network", "service", "system", "guard", "guards", "police", "security",
  "intelligence", "foreign", "home", "labour", "labor", "peace", "friendship", "solidarity", "study",
  "studies", "idea", "ideas", "juche", "songun", "korean", "koreans", "dprk", "wpk", "kpa",
  "kcna", "god", "lord", "his", "her", "mt", "mount", "lake", "river", "sea",
  "island", "islands", "peninsula", "east", "west", "north", "south", "asia", "europe", "africa",
  "america", "pacific", "atlantic", "january", "february", "march", "april", "june", "july",
  "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday", "day", "year", "anniversary", "birthday", "prize",
  "communist", "socialist", "liberal", "conservative", "progressive", "popular", "patriotic",
  "people", "peoples", "public", "world", "international", "global", "standing", "central",
  "presidential", "royal", "imperial", "grand", "great", "dear", "respected", "beloved",
  "also", "present", "there", "here", "they", "we", "he", "she", "it", "but", "yet", "so", "not",
  // Words that open sentences ("Recently Joseph Biden, vice-president of ...").
  "recently", "meanwhile", "earlier", "later", "today", "yesterday", "however", "then", "now",
  "besides", "moreover", "furthermore", "likewise", "similarly", "finally", "afterwards", "currently",
  "pyongyang", "seoul", "tokyo", "beijing", "moscow", "washington",
]);

/** Words before an unknown name that make it a place or thing, not a person ("Mt. Paek Tu"). */
export const GEOGRAPHIC_WORDS: ReadonlySet<string> = new Set([
  "mt", "mount", "lake", "river", "cape", "island", "islet", "peak", "pass", "bay", "port", "strait", "ship", "vessel",
]);
