// Foreign relations: delegations arriving in Pyongyang and touring the provinces, and gatherings for
// embassy staff. Countries are linked where the place table has them; the DPRK itself, named in
// nearly every article, is left unlinked so it does not crowd out the places a story is about.
import { optionalPlace, personName, placeName } from "../cast.ts";
import { capitalize, listOf, t, type Fragment } from "../text.ts";
import { localityEn, pyongyang, type StoryContext, type StoryKind } from "./story.ts";

interface Delegation {
  /** ISO 3166-1 code of the delegation's country, and its name should the place table lack it. */
  country: readonly [code: string, name: string];
  /** "a delegation of the Communist Party of Vietnam", given the country as written. */
  who(country: Fragment): Fragment;
  /** Headline form: "Delegation of Communist Party of Vietnam". */
  heading(country: Fragment): Fragment;
  /** Whose guest it is in Pyongyang. */
  host: string;
  /** For the Spanish editions: "una delegación del Partido Comunista de Vietnam". */
  whoEs(country: Fragment): Fragment;
}

// Where a party's name contains the country's ("Communist Party of Vietnam"), the name is a mention
// like any other and gets its span; adjectives ("Lao", "Russian") and Spanish forms that differ from
// the canonical name ("Rusia") are not names of the place and stay plain.
export const DELEGATIONS: readonly Delegation[] = [
  {
    country: ["LA", "Laos"],
    who: () => t`a delegation of the Lao People's Revolutionary Party`,
    heading: () => t`Delegation of Lao People's Revolutionary Party`,
    host: "the International Department of the WPK Central Committee",
    whoEs: () => t`una delegación del Partido Popular Revolucionario Lao`,
  },
  {
    country: ["VN", "Vietnam"],
    who: (country) => t`a delegation of the Communist Party of ${country}`,
    heading: (country) => t`Delegation of Communist Party of ${country}`,
    host: "the International Department of the WPK Central Committee",
    whoEs: (country) => t`una delegación del Partido Comunista de ${country}`,
  },
  {
    country: ["RU", "Russia"],
    who: () => t`a Russian government delegation`,
    heading: () => t`Russian Government Delegation`,
    host: "the Ministry of External Economic Relations",
    whoEs: () => t`una delegación gubernamental de Rusia`,
  },
  {
    country: ["CN", "China"],
    who: () => t`a delegation of the Chinese People's Association for Friendship with Foreign Countries`,
    heading: () => t`Chinese Friendship Delegation`,
    host: "the Korean Committee for Cultural Relations with Foreign Countries",
    whoEs: () => t`una delegación de la Asociación del Pueblo Chino para la Amistad con los Países Extranjeros`,
  },
  {
    country: ["CU", "Cuba"],
    who: (country) => t`a delegation of the Communist Party of ${country}`,
    heading: (country) => t`Delegation of Communist Party of ${country}`,
    host: "the International Department of the WPK Central Committee",
    whoEs: (country) => t`una delegación del Partido Comunista de ${country}`,
  },
  {
    country: ["BY", "Belarus"],
    who: () => t`a Belarusian government delegation`,
    heading: () => t`Belarusian Government Delegation`,
    host: "the Ministry of Foreign Affairs",
    whoEs: () => t`una delegación gubernamental de Bielorrusia`,
  },
];

/** Nationality adjective, ISO code and country name of embassies in Pyongyang. */
const EMBASSIES: readonly (readonly [string, string, string])[] = [
  ["Chinese", "CN", "China"],
  ["Russian", "RU", "Russia"],
  ["Vietnamese", "VN", "Vietnam"],
  ["Lao", "LA", "Laos"],
  ["Cuban", "CU", "Cuba"],
  ["Mongolian", "MN", "Mongolia"],
  ["Indonesian", "ID", "Indonesia"],
];

function writeDelegationVisit(ctx: StoryContext) {
  const { rng, cast } = ctx;
  const delegation = rng.pick(DELEGATIONS);
  const country = optionalPlace(cast, ...delegation.country);
  const capital = pyongyang(cast);
  const [greeter, talks] = rng.sample(cast.officials, 2).map(personName) as [Fragment, Fragment];
  const tour = rng.pick(cast.localities);

  const title = rng.pick<Fragment>([t`${delegation.heading(country)} Arrives in ${capital}`, t`${delegation.heading(country)} Visits ${capital}`]);
  const lead = capitalize(t`${delegation.who(country)} arrived in ${capital} by air, at the invitation of ${delegation.host}.`);
  const middle: Fragment[] = [
    t`It was greeted at ${capital} International Airport by ${greeter} and other officials concerned.`,
    t`Talks were held between ${talks} and the head of the delegation, at which the two sides exchanged views on developing the relations between the DPRK and ${country} and on matters of mutual concern.`,
    t`The delegation laid a floral basket at the Tower of the Juche Idea and went round the Victorious Fatherland Liberation War Museum.`,
    t`It also toured a cooperative farm in ${localityEn(tour)}, where it learned about the achievements of the farmers.`,
    t`A reception was given in honour of the delegation, and speeches were exchanged wishing success in each other's work.`,
  ];
  const closing = t`The delegation is expected to stay in the DPRK for several days, the Ministry of Foreign Affairs said.`;
  return { title, lead, middle, closing };
}

function writeEmbassyGathering(ctx: StoryContext) {
  const { rng, cast } = ctx;
  const [nationality, code, countryName] = rng.pick(EMBASSIES);
  const capital = pyongyang(cast);
  const where = rng.pick(cast.localities);
  const place = placeName(where.place);
  const hosts = rng.sample(cast.officials, 2).map(personName);

  const title = t`Friendship Gathering for ${nationality} Embassy Staff Held in ${place}`;
  const lead = t`A friendship gathering for staff members of the ${nationality} embassy in ${capital} took place in ${localityEn(where)}.`;
  const middle: Fragment[] = [
    capitalize(t`${listOf([...hosts, "officials of the Ministry of Foreign Affairs"])} were present.`),
    t`The participants went round a newly built factory and the houses of farmers in ${place}, and were briefed on the development of the area.`,
    t`At the gathering, the speakers expressed the hope that the friendship between the peoples of the DPRK and ${optionalPlace(cast, code, countryName)} would grow stronger with the passage of time.`,
    t`The embassy staff enjoyed a performance given by the art squad of the county, and played sports games with the local people.`,
  ];
  const closing = t`The ambassador thanked the hosts for the warm hospitality accorded to the embassy staff.`;
  return { title, lead, middle, closing };
}

export const delegationVisitEn: StoryKind = {
  name: "delegation visit",
  language: "en",
  weight: 2,
  write: writeDelegationVisit,
};

export const embassyGatheringEn: StoryKind = {
  name: "embassy gathering",
  language: "en",
  weight: 1,
  write: writeEmbassyGathering,
};
