// Anniversaries: the fixed days of the state calendar, each reported with meetings in the capital
// and the provinces. These stories carry their own date, and the anniversary's number follows from it.
import type { PersonRef } from "../../reference/types.ts";
import { personName, placeName, type Cast } from "../cast.ts";
import { ordinal, type Day } from "../calendar.ts";
import { entity, headline, listOf, t, type Fragment } from "../text.ts";
import { pyongyang, type StoryContext, type StoryKind } from "./story.ts";

interface Occasion {
  month: number;
  day: number;
  /** The year counted from. */
  since: number;
  /** "the 111th birth anniversary of President Kim Il Sung", built around the ordinal. */
  phrase(nth: string, cast: Cast): Fragment;
  /** The same in KCNA's Spanish: "el 111º aniversario del nacimiento del Presidente Kim Il Sung". */
  phraseEs(nth: number, cast: Cast): Fragment;
  /** The person the day honours, when there is one; the occasion is skipped if the table lacks them. */
  honours?(cast: Cast): PersonRef | undefined;
  /** The place tied to the day, as [key, preferred spelling], named when the place table holds it. */
  landmark?: readonly [key: string, spelling: string];
}

const OCCASIONS: readonly Occasion[] = [
  {
    month: 4,
    day: 15,
    since: 1912,
    honours: (cast) => cast.founder,
    landmark: ["mangyongdae-district", "Mangyongdae"],
    phrase: (nth, cast) => t`the ${nth} birth anniversary of President ${personName(cast.founder as PersonRef)}`,
    phraseEs: (nth, cast) => t`el ${String(nth)}º aniversario del nacimiento del Presidente ${personName(cast.founder as PersonRef)}`,
  },
  {
    month: 2,
    day: 16,
    since: 1942,
    honours: (cast) => cast.predecessor,
    landmark: ["mt-paektu", "Mt Paektu"],
    phrase: (nth, cast) => t`the ${nth} birth anniversary of Chairman ${personName(cast.predecessor as PersonRef)}`,
    phraseEs: (nth, cast) => t`el ${String(nth)}º aniversario del nacimiento del Dirigente ${personName(cast.predecessor as PersonRef)}`,
  },
  {
    month: 9,
    day: 9,
    since: 1948,
    phrase: (nth) => t`the ${nth} founding anniversary of the DPRK`,
    phraseEs: (nth) => t`el ${String(nth)}º aniversario de la fundación de la RPDC`,
  },
  {
    month: 10,
    day: 10,
    since: 1945,
    phrase: (nth) => t`the ${nth} founding anniversary of the Workers' Party of Korea`,
    phraseEs: (nth) => t`el ${String(nth)}º aniversario de la fundación del Partido del Trabajo de Corea`,
  },
  {
    month: 7,
    day: 27,
    since: 1953,
    phrase: (nth) => t`the ${nth} anniversary of victory in the Fatherland Liberation War`,
    phraseEs: (nth) => t`el ${String(nth)}º aniversario de la victoria en la Guerra de Liberación de la Patria`,
  },
  {
    month: 8,
    day: 15,
    since: 1945,
    phrase: (nth) => t`the ${nth} anniversary of Korea's liberation`,
    phraseEs: (nth) => t`el ${String(nth)}º aniversario de la liberación de Corea`,
  },
  {
    month: 2,
    day: 8,
    since: 1948,
    phrase: (nth) => t`the ${nth} founding anniversary of the Korean People's Army`,
    phraseEs: (nth) => t`el ${String(nth)}º aniversario de la fundación del Ejército Popular de Corea`,
  },
];

export function chooseAnniversary(year: number, { rng, cast }: Pick<StoryContext, "rng" | "cast">): Day | null {
  const possible = OCCASIONS.filter((occasion) => !occasion.honours || occasion.honours(cast));
  if (possible.length === 0) return null;
  const occasion = rng.pick(possible);
  return { year, month: occasion.month, day: occasion.day };
}

/** The landmark as written: the preferred spelling if the table knows it, else the canonical name. */
function landmarkOf(cast: Cast, occasion: Occasion): Fragment | null {
  if (!occasion.landmark) return null;
  const [key, spelling] = occasion.landmark;
  const place = cast.placeByKey(key);
  if (!place) return null;
  return entity("place", place.key, [place.name, ...place.aliases].includes(spelling) ? spelling : place.name);
}

/** The occasion a story is about follows from its date, which chooseAnniversary set to the anniversary. */
export function occasionFor(date: Day): Occasion {
  const occasion = OCCASIONS.find((candidate) => candidate.month === date.month && candidate.day === date.day);
  if (!occasion) throw new Error(`No anniversary falls on ${date.month}/${date.day}; anniversary stories take their own date.`);
  return occasion;
}

function writeNationalMeeting(ctx: StoryContext) {
  const { rng, cast, date } = ctx;
  const occasion = occasionFor(date);
  const nth = ordinal(date.year - occasion.since);
  const capital = pyongyang(cast);
  const present = rng.sample(cast.officials, 3).map(personName);
  const speaker = personName(rng.pick(cast.officials));
  const regions = rng.sample(
    cast.regions.filter((region) => region.key !== cast.capital.key),
    3,
  );
  const regionNames = regions.map((region) => placeName(region));
  const honoured = occasion.honours?.(cast);

  const title = t`National Meeting Held in ${capital} to Mark ${headline(occasion.phrase(nth, cast))}`;
  const lead = t`A national meeting took place in ${capital} to mark ${occasion.phrase(nth, cast)}.`;
  const middle: Fragment[] = [
    t`Present there were ${listOf(present)}, officials of the Party, armed forces and power bodies, working people and service personnel.`,
    t`${speaker} made a report at the meeting, reviewing the proud history of the country and the people's achievements.`,
    t`The reporter said that the Korean people have won one victory after another under the leadership of ${personName(cast.leader)}, overcoming all trials.`,
  ];
  if (honoured) {
    middle.push(t`The revolutionary exploits of ${personName(honoured)} will shine for ever in the history of the country, the reporter noted.`);
  }
  const kumsusan = cast.placeByKey("kumsusan-palace-of-the-sun");
  if (honoured && kumsusan) {
    middle.push(t`Earlier in the day, officials visited the ${placeName(kumsusan)} to pay homage to ${personName(honoured)}.`);
  }
  const landmark = landmarkOf(cast, occasion);
  if (landmark) {
    middle.push(t`Crowds of working people, youths and students visited ${landmark} on the occasion, renewing their resolve.`);
  }
  middle.push(
    t`Similar meetings were held in ${listOf([...regionNames, "other parts of the country"])}.`,
    t`Art performances, exhibitions and sports games are under way across the country on the occasion.`,
  );
  const closing = t`The participants expressed their determination to greet the occasion with fresh labour feats in all fields of socialist construction.`;
  return { title, lead, middle, closing };
}

function writeProvincialCelebration(ctx: StoryContext) {
  const { rng, cast, date } = ctx;
  const occasion = occasionFor(date);
  const nth = ordinal(date.year - occasion.since);
  // A province, not the capital: the capital has its own national meeting.
  const provincial = cast.localities.filter((candidate) => candidate.region.kind === "PROVINCE");
  const locality = rng.pick(provincial.length > 0 ? provincial : cast.localities);
  const region = placeName(locality.region);
  const place = placeName(locality.place);
  const honoured = occasion.honours?.(cast);

  const title = t`Working People of ${region} Celebrate ${headline(occasion.phrase(nth, cast))}`;
  const lead = t`Working people in ${region} are significantly celebrating ${occasion.phrase(nth, cast)}.`;
  const middle: Fragment[] = [
    t`Streets and villages of the province are decorated with flags and slogans, and the people are in a festive mood.`,
    t`In ${place} the officials and workers visited the revolutionary sites and museums of the area to renew their resolve.`,
    t`Art squads of factories and cooperative farms gave performances on the streets, and the young people danced in the squares.`,
    t`Sports games and folk games were held in every county, including ${place}, drawing large crowds.`,
  ];
  if (honoured) {
    middle.push(t`Floral baskets were laid before the mosaics depicting ${personName(honoured)} in the provincial seat.`);
  }
  const closing = t`The people of ${region} are determined to bring about greater successes in the building of a thriving country.`;
  return { title, lead, middle, closing };
}

export const nationalMeetingEn: StoryKind = {
  name: "anniversary meeting",
  language: "en",
  weight: 2,
  dayIn: chooseAnniversary,
  write: writeNationalMeeting,
};

export const provincialCelebrationEn: StoryKind = {
  name: "anniversary celebration",
  language: "en",
  weight: 1,
  dayIn: chooseAnniversary,
  write: writeProvincialCelebration,
};
