// Decides which place names mention the place. The same principle as for people: a name that
// is part of the proper name of an organisation or facility names that thing ("Kaesong
// Industrial Zone", "Nyongbyon and Pakchon silk mills", "Communist Party of Germany").
// Countries used as qualifiers ("DPRK Supreme People's Assembly", "DPRK-China friendship",
// "U.S. imperialists") still name the country, so the facility rule skips them.
import type { PlaceKind } from "../../generated/prisma/enums.ts";
import { FACILITY_NOUNS, ORGANISATIONS_OF, PHRASE_BREAKERS } from "./lexicon.ts";
import type { Tokens } from "./tokens.ts";

/** Lowercase words allowed between a place and a facility noun ("Thaechon power plants"). */
const MAX_LOWERCASE_MODIFIERS = 2;
const MAX_WORDS_AHEAD = 6;

/** Whether the place spelled by tokens first..last names an organisation or facility instead. */
export function namesOrganisation(tokens: Tokens, first: number, last: number, kind: PlaceKind): boolean {
  if (kind === "COUNTRY") return endsOrganisationName(tokens, first);
  return followedByFacilityNoun(tokens, last);
}

function followedByFacilityNoun(tokens: Tokens, last: number): boolean {
  let lowercase = 0;
  for (let t = last + 1; t < tokens.count && t - last <= MAX_WORDS_AHEAD; t++) {
    const key = tokens.key(t);
    if (key === "s" && isPossessive(tokens, t)) continue; // "Mangyongdae Schoolchildren's Palace"
    if (!spaceBefore(tokens, t)) return false;
    if (FACILITY_NOUNS.has(key)) return true;
    if (key === "and" && t + 1 < tokens.count && tokens.capital[t + 1]) continue; // "Pyongyang and Sinuiju ... factories"
    if (PHRASE_BREAKERS.has(key)) return false;
    if (!tokens.capital[t] && ++lowercase > MAX_LOWERCASE_MODIFIERS) return false;
  }
  return false;
}

/** "Party of Germany", "league of the China ...": the country closes an organisation's name. */
function endsOrganisationName(tokens: Tokens, first: number): boolean {
  let t = first - 1;
  if (t >= 0 && tokens.key(t) === "the") t--;
  if (t < 1 || tokens.key(t) !== "of") return false;
  return ORGANISATIONS_OF.has(tokens.key(t - 1));
}

function isPossessive(tokens: Tokens, t: number): boolean {
  const gap = tokens.text.slice(tokens.ends[t - 1], tokens.starts[t]);
  return gap === "'" || gap === "\u2019";
}

/** Words of one phrase: spaces only, no punctuation between them. */
function spaceBefore(tokens: Tokens, t: number): boolean {
  const from = tokens.ends[t - 1]!;
  const to = tokens.starts[t]!;
  if (to - from < 1 || to - from > 2) return false;
  for (let p = from; p < to; p++) if (tokens.text.charCodeAt(p) !== 32) return false;
  return true;
}
