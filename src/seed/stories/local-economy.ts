// Reports from the provinces: farm work that follows the seasons, and factories and mines raising
// output. No leader in these; the people and officials of a county are the subject.
import { personName, placeName } from "../cast.ts";
import { t, type Fragment } from "../text.ts";
import { localityEn, neighbourOf, type StoryContext, type StoryKind } from "./story.ts";

interface FarmWork {
  /** Months (1-12) in which the work is reported. */
  months: readonly number[];
  headline: string;
  /** "Farmers in X are ..." */
  doing: string;
  details: readonly string[];
}

const FARM_WORK: readonly FarmWork[] = [
  {
    months: [1, 2],
    headline: "Step Up Preparations for This Year's Farming",
    doing: "stepping up preparations for this year's farming",
    details: [
      "Workers of factories and enterprises and townspeople are carrying tons of humus and other manure to the fields every day.",
      "The farm machine stations have repaired tractors, rice transplanters and trailers ahead of schedule.",
      "Agricultural scientists are giving lectures on high-yielding strains and cultivation methods suited to local climate and soil.",
    ],
  },
  {
    months: [3, 4],
    headline: "Push Ahead with Spring Sowing",
    doing: "pushing ahead with the sowing of maize, wheat and barley",
    details: [
      "Humus-cropping seedbeds for maize have been prepared on all the cooperative farms in time.",
      "The farmers are sowing the seeds at the right time and with the right density, taking into account the soil of every plot.",
      "Spring tree planting is going on at the same time on the hillsides around the villages.",
    ],
  },
  {
    months: [5, 6],
    headline: "Speed Up Rice Transplanting",
    doing: "speeding up rice transplanting",
    details: [
      "Rice transplanters are in full operation, and the rate of mechanization has risen considerably over last year.",
      "Young volunteers and pupils from the schools have come to help, raising the daily transplanting area.",
      "The farm management committee is making sure the seedlings are planted at the best time, with water supplied evenly to every paddy.",
    ],
  },
  {
    months: [7, 8],
    headline: "Take Thorough Measures Against Heavy Rain",
    doing: "taking thorough measures against heavy rain and floods",
    details: [
      "Embankments along the rivers and drainage channels have been reinforced, and sandbags and pumps have been readied at weak points.",
      "The officials are checking the state of the crops every day and weeding and applying fertilizer in time.",
      "Emergency teams are on standby to move people and animals to safety should a flood warning be issued.",
    ],
  },
  {
    months: [9, 10],
    headline: "Gather In Crops Without Loss",
    doing: "gathering in the crops without loss",
    details: [
      "Harvesting and transporting the crops go on at the same time, so that not a single grain is left in the field.",
      "Threshing grounds have been set up close to the fields, and combines and trucks work in shifts from dawn.",
      "The harvest this year is better than last year's thanks to the new strains and the improved irrigation.",
    ],
  },
  {
    months: [11, 12],
    headline: "Complete Threshing Ahead of Schedule",
    doing: "completing the threshing of rice ahead of schedule",
    details: [
      "The threshing machines have been overhauled and are running at full capacity.",
      "The grain is carefully dried and stored, and the seeds for next year's farming are being selected.",
      "The farmers are already preparing organic manure and repairing farm tools for the coming year.",
    ],
  },
];

interface Industry {
  /** "X Coal Mine Raises Output" */
  unit: string;
  headline: string;
  details: readonly string[];
}

const INDUSTRIES: readonly Industry[] = [
  {
    unit: "coal miners",
    headline: "Coal Miners Raise Output",
    details: [
      "New coal faces have been opened and the pits have been equipped with more efficient cutters.",
      "Shift teams are competing to overfulfil their daily quotas, and the tunnelling speed has doubled.",
    ],
  },
  {
    unit: "workers of the foodstuff factory",
    headline: "Foodstuff Factory Diversifies Products",
    details: [
      "The factory has put more than twenty new kinds of bread, noodles and beverages into production this year.",
      "Its technicians have developed a way of using local raw materials that cuts costs and improves taste.",
    ],
  },
  {
    unit: "workers of the light industry factories",
    headline: "Light Industry Factories Boost Production of Consumer Goods",
    details: [
      "Shoes, clothes and household goods made with local materials are supplied to the shops of the county.",
      "The factories have introduced production lines of their own making, which raised productivity by a third.",
    ],
  },
  {
    unit: "workers of the power station",
    headline: "Small and Medium Hydropower Stations Increase Electricity Generation",
    details: [
      "The intake structures have been cleared and the turbines overhauled, so that the stations run at full capacity.",
      "The electricity produced is supplied to factories, cooperative farms and dwelling houses in the county.",
    ],
  },
];

function writeFarmReport(ctx: StoryContext) {
  const { rng, cast, date } = ctx;
  const work = FARM_WORK.find((item) => item.months.includes(date.month)) as FarmWork;
  const where = rng.pick(cast.localities);
  const place = placeName(where.place);
  const region = placeName(where.region);

  const title = rng.pick<Fragment>([t`Farmers in ${place} ${work.headline}`, t`Cooperative Farms of ${region} ${work.headline}`]);
  const lead = t`Farmers in ${localityEn(where)}, are ${work.doing}.`;
  const middle: Fragment[] = work.details.map((detail) => t`${detail}`);
  middle.push(
    t`The officials of the county rural economy committee are going down to the fields, solving problems on the spot and organizing the work in a meticulous way.`,
  );
  const neighbour = neighbourOf(ctx, where);
  if (neighbour) {
    const other = placeName(neighbour.place);
    middle.push(t`Farmers in ${other} are waging a socialist emulation drive with them, exchanging their experiences.`);
  }
  const official = personName(rng.pick(cast.officials));
  middle.push(
    t`The work is guided by the policy of the Party on agriculture, which ${official} and other senior officials stressed at recent meetings on rural development.`,
  );
  const closing = t`The farmers of ${region} are determined to reap a bumper harvest this year as well, the officials said.`;
  return { title, lead, middle, closing };
}

function writeIndustryReport(ctx: StoryContext) {
  const { rng, cast } = ctx;
  const industry = rng.pick(INDUSTRIES);
  const where = rng.pick(cast.localities);
  const place = placeName(where.place);
  const region = placeName(where.region);

  const title = t`${industry.headline} in ${place}`;
  const lead = t`The ${industry.unit} in ${localityEn(where)}, are making fresh progress in production.`;
  const middle: Fragment[] = industry.details.map((detail) => t`${detail}`);
  middle.push(
    t`Innovators have come forward in every workteam, and their technical proposals are introduced into production without delay.`,
    t`The Party committee of ${region} sends officials to the units to help with supplies of materials and equipment.`,
    t`Production has gone up by more than ${String(rng.int(12, 40))} per cent over the same period of last year.`,
  );
  const closing = t`The working people of ${place} are determined to carry out this year's national economic plan ahead of schedule.`;
  return { title, lead, middle, closing };
}

export const farmReportEn: StoryKind = {
  name: "farm report",
  language: "en",
  weight: 3,
  write: writeFarmReport,
};

export const industryReportEn: StoryKind = {
  name: "industry report",
  language: "en",
  weight: 2,
  write: writeIndustryReport,
};
