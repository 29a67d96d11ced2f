// The leader's inspection of a factory, farm or hospital in a county: the most common front-page
// story, written the way KCNA reports them.
import { personName, placeName } from "../cast.ts";
import type { Random } from "../random.ts";
import { capitalize, listOf, t, titleCase, type Fragment } from "../text.ts";
import { leaderTitleEn, localityEn, neighbourOf, type StoryContext, type StoryKind } from "./story.ts";

interface Facility {
  name: string;
  /** Parts a visitor is shown round. */
  parts: readonly string[];
  /** What the place is for, as in "learned in detail about ...". */
  purpose: string;
  /** First year such places were reported (the regional development policy began in 2024). */
  since?: number;
}

const FACILITIES: readonly Facility[] = [
  {
    name: "regional-industry factory",
    parts: ["production processes", "raw material storehouse", "product exhibition room", "quality analysis room"],
    purpose: "the production of foodstuffs and daily necessities for the local people",
    since: 2024,
  },
  {
    name: "city hospital",
    parts: ["outpatient wards", "inpatient wards", "treatment rooms", "remote medical consultation room"],
    purpose: "the medical service for the people of the area",
    since: 2025,
  },
  {
    name: "greenhouse farm",
    parts: ["hydroponic greenhouses", "vegetable storehouse", "dwelling houses for the farm workers"],
    purpose: "the cultivation of fresh vegetables all the year round",
  },
  {
    name: "foodstuff factory",
    parts: ["soy sauce and bean paste workshop", "confectionery workshop", "packing shop", "product exhibition room"],
    purpose: "the production of basic foodstuffs",
  },
  {
    name: "fish farm",
    parts: ["fish ponds", "fry hatchery", "feed processing shop"],
    purpose: "the breeding of catfish and sturgeon",
  },
  {
    name: "fertilizer factory",
    parts: ["gasification process", "synthesis process", "central control room"],
    purpose: "the supply of fertilizer to the cooperative farms",
  },
  {
    name: "farm machine factory",
    parts: ["machining shop", "assembly shop", "technology development office"],
    purpose: "the production of tractors and rice transplanters",
  },
  {
    name: "textile mill",
    parts: ["spinning shop", "weaving shop", "dyeing and finishing shop"],
    purpose: "the production of fabrics for the people",
  },
];

const DIRECTIVES = [
  "put production on a scientific and modern basis",
  "ensure a steady supply of raw and other materials so that production never stops",
  "improve the quality of products and diversify their kinds to suit the tastes of the people",
  "train technicians and skilled workers in a responsible manner",
  "carry on the management of the unit in a way that benefits the local people",
];

function facilityFor(rng: Random, year: number): Facility {
  return rng.pick(FACILITIES.filter((facility) => (facility.since ?? 0) <= year));
}

function writeInspection(ctx: StoryContext) {
  const { rng, cast, date } = ctx;
  const facility = facilityFor(rng, date.year);
  const where = rng.pick(cast.localities);
  const place = placeName(where.place);
  const region = placeName(where.region);
  const leader = personName(cast.leader);
  const escorts = rng.sample(cast.officials, rng.int(2, 4)).map(personName);
  const parts = rng.sample(facility.parts, 3);
  const heading = titleCase(facility.name);

  const title = rng.pick<Fragment>([
    t`${leader} Inspects Newly Built ${heading} in ${place}`,
    t`Respected Comrade ${leader} Visits ${heading} in ${place}`,
    t`${leader} Gives Field Guidance to ${heading} in ${place}`,
  ]);

  const lead = rng.pick<Fragment>([
    t`${leader}, ${leaderTitleEn(date)}, inspected the ${facility.name} newly built in ${localityEn(where)}.`,
    t`${leader}, ${leaderTitleEn(date)}, gave field guidance to the ${facility.name} in ${localityEn(where)}.`,
  ]);

  const middle: Fragment[] = [
    t`He was greeted on the spot by officials of the Party committee and the people's committee of ${region}.`,
    t`Going round the ${listOf(parts)}, he learned in detail about ${facility.purpose}.`,
    t`Noting with satisfaction that the ${facility.name} had been built to a high standard in a short span of time, he said it was a proud fruition of the devoted efforts of the builders and the people of ${place}.`,
    t`He stressed the need to ${rng.pick(DIRECTIVES)}, and to ${rng.pick(DIRECTIVES)} as well.`,
    t`The ${facility.name} of ${place} should become a model for all other cities and counties across the country, he said, setting forth the tasks for ${region} to carry out.`,
  ];
  const neighbour = neighbourOf(ctx, where);
  if (neighbour) {
    const other = placeName(neighbour.place);
    middle.push(
      t`He advised the officials to share the experience gained here with ${other} and the other counties of the province, so that all of them advance side by side.`,
    );
  }
  middle.push(
    t`Expressing the expectation that the workers would fulfil their responsibility as masters of the ${facility.name}, he had a photo session with them.`,
    capitalize(t`${listOf(escorts)} accompanied him.`),
  );

  const closing = rng.pick<Fragment>([
    t`The visit of ${leader} greatly encouraged the officials and working people of ${place}, who pledged to repay his trust with fresh labour feats.`,
    t`Officials and workers of the ${facility.name} expressed their resolve to carry out the tasks set forth by ${leader} without fail.`,
  ]);
  return { title, lead, middle, closing };
}

export const inspectionEn: StoryKind = {
  name: "leader inspection",
  language: "en",
  weight: 5,
  write: writeInspection,
};
