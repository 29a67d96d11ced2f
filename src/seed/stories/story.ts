// What a story template is: given the cast, a date and a random source, it writes a title and a
// pool of paragraphs; the generator decides how many middle paragraphs to keep.
import { placeName, type Cast, type Locality } from "../cast.ts";
import { compareDays, type Day } from "../calendar.ts";
import type { Random } from "../random.ts";
import { entity, t, type Fragment } from "../text.ts";

export type StoryLanguage = "en" | "es";

export interface StoryContext {
  rng: Random;
  cast: Cast;
  date: Day;
}

export interface Story {
  title: Fragment;
  /** First paragraph; a KCNA dateline is put in front of it. */
  lead: Fragment;
  /** Candidates for the middle, in reading order; the generator keeps 2 to 6 of them. */
  middle: Fragment[];
  closing: Fragment;
}

export interface StoryKind {
  name: string;
  language: StoryLanguage;
  /** Relative frequency among the kinds of one language. */
  weight: number;
  /** For stories tied to the calendar (anniversaries): the day, given a year; null to skip that year. */
  dayIn?(year: number, ctx: Pick<StoryContext, "rng" | "cast">): Day | null;
  write(ctx: StoryContext): Story;
}

/** The day Kim Jong Un's titles in KCNA copy changed (Eighth Party Congress, January 2021). */
const EIGHTH_CONGRESS: Day = { year: 2021, month: 1, day: 10 };

export function leaderTitleEn(date: Day): string {
  return compareDays(date, EIGHTH_CONGRESS) < 0
    ? "chairman of the Workers' Party of Korea, chairman of the State Affairs Commission of the Democratic People's Republic of Korea and supreme commander of the armed forces of the DPRK"
    : "general secretary of the Workers' Party of Korea and president of the State Affairs of the Democratic People's Republic of Korea";
}

export function leaderTitleEs(date: Day): string {
  return compareDays(date, EIGHTH_CONGRESS) < 0
    ? "presidente del Partido del Trabajo de Corea y presidente de la Comisión de Asuntos Estatales de la República Popular Democrática de Corea"
    : "secretario general del Partido del Trabajo de Corea y presidente de Asuntos Estatales de la República Popular Democrática de Corea";
}

/** The capital as datelines and copy write it, whatever its canonical name in the table. */
export function pyongyang(cast: Cast): Fragment {
  return entity("place", cast.capital.key, "Pyongyang");
}

/** "Kusong City, North Phyongan Province", or just the locality when the region is the capital. */
export function localityEn(locality: Locality): Fragment {
  const place = placeName(locality.place);
  const region = placeName(locality.region);
  return t`${place}, ${region}`;
}

/** Another locality in the same province, for "the neighbouring county" sentences; null if none. */
export function neighbourOf(ctx: StoryContext, locality: Locality): Locality | null {
  const others = ctx.cast.localities.filter((other) => other.region.key === locality.region.key && other.place.key !== locality.place.key);
  return others.length > 0 ? ctx.rng.pick(others) : null;
}
