// Everyday life as state media present it: new houses for farmers, exhibitions and contests.
import { personName, placeName } from "../cast.ts";
import { listOf, t, titleCase, type Fragment } from "../text.ts";
import { localityEn, neighbourOf, pyongyang, type StoryContext, type StoryKind } from "./story.ts";

const EXHIBITIONS = [
  "national exhibition of science and technology achievements",
  "exhibition of industrial art",
  "national exhibition of light industry products",
  "photo exhibition on the achievements of rural development",
  "exhibition of inventions and new technologies",
];

const CONTESTS = [
  "provincial sports games of working people",
  "contest of amateur art groups",
  "quiz contest on science and technology",
  "football championships of factories and enterprises",
];

function writeNewHouses(ctx: StoryContext) {
  const { rng, cast } = ctx;
  const where = rng.pick(cast.localities);
  const place = placeName(where.place);
  const region = placeName(where.region);
  const count = rng.pick(["hundreds of", "over 300", "some 500", "more than 150"]);

  const title = rng.pick<Fragment>([t`New Houses Built for Farmers in ${place}`, t`Farmers in ${place} Move into New Houses`]);
  const lead = t`Farmers in ${localityEn(where)}, moved into ${count} new houses built in their villages.`;
  const middle: Fragment[] = [
    t`The one-storey and terraced houses have modern kitchens and heating systems, and are surrounded by gardens and trees.`,
    t`The builders, mobilized from the factories and enterprises of ${region}, completed the project in a few months.`,
    t`Schools, clinics and shops were also built or renovated in the villages, changing the whole look of the countryside.`,
    t`A ceremony was held in the presence of the officials of the province, at which the certificates of the houses were handed to the farmers free of charge.`,
  ];
  const neighbour = neighbourOf(ctx, where);
  if (neighbour) {
    const other = placeName(neighbour.place);
    middle.push(t`Similar projects are under way in ${other} and other counties of the province.`);
  }
  const closing = t`The new houses are a fruit of the Party's policy of rural revolution, which aims to make the countryside a good place to live in, the farmers said.`;
  return { title, lead, middle, closing };
}

function writeExhibition(ctx: StoryContext) {
  const { rng, cast } = ctx;
  const exhibition = rng.pick(EXHIBITIONS);
  const capital = pyongyang(cast);
  const opener = personName(rng.pick(cast.officials));
  const regions = rng.sample(
    cast.regions.filter((region) => region.key !== cast.capital.key),
    2,
  );
  const regionNames = regions.map((region) => placeName(region));
  const items = rng.int(3, 9) * 100;

  const title = t`${titleCase(exhibition)} Opens in ${capital}`;
  const lead = t`The ${exhibition} opened at the Three-Revolution Exhibition House in ${capital}.`;
  const middle: Fragment[] = [
    t`${opener} made an opening address, saying that the exhibition would serve as an occasion for spreading advanced experience across the country.`,
    t`On display are more than ${String(items)} items sent by institutions, factories and individuals from all parts of the country.`,
    t`Entries from ${listOf(regionNames)} drew the attention of the visitors with their practical value.`,
    t`Scientists and technicians hold seminars and consultations on the sidelines, and agreements on the transfer of technologies are signed.`,
  ];
  const closing = t`The exhibition will go on for a week, and the best entries will be awarded prizes.`;
  return { title, lead, middle, closing };
}

function writeContest(ctx: StoryContext) {
  const { rng, cast } = ctx;
  const contest = rng.pick(CONTESTS);
  const where = rng.pick(cast.localities);
  const region = placeName(where.region);
  const place = placeName(where.place);
  const winner = neighbourOf(ctx, where) ?? where;
  const winnerName = placeName(winner.place);

  const title = t`${titleCase(contest)} Held in ${region}`;
  const lead = t`The ${contest} took place in ${region}, with the participation of teams from all its cities and counties.`;
  const middle: Fragment[] = [
    t`The opening ceremony was held at the stadium of ${place}, where the participants marched past with flags.`,
    t`The competitors displayed their skills and team spirit, and the spectators cheered them on with enthusiasm.`,
    t`The team of ${winnerName} came first, followed by those of the other counties.`,
    t`Such events are held regularly to encourage a revolutionary, cultured and emotional life in the workplaces and villages.`,
  ];
  const closing = t`Prizes were awarded to the winners at the closing ceremony.`;
  return { title, lead, middle, closing };
}

export const newHousesEn: StoryKind = { name: "new houses", language: "en", weight: 2, write: writeNewHouses };
export const exhibitionEn: StoryKind = { name: "exhibition", language: "en", weight: 1, write: writeExhibition };
export const contestEn: StoryKind = { name: "contest", language: "en", weight: 1, write: writeContest };
