// Calendar dates for the demo corpus: plain UTC days, so a date never shifts with the time zone.
import type { Random } from "./random.ts";

export interface Day {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

const MS_PER_DAY = 86_400_000;

function toEpochDay(day: Day): number {
  return Date.UTC(day.year, day.month - 1, day.day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): Day {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isoDay(day: Day): string {
  return `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}

export function dayToDate(day: Day): Date {
  return new Date(toEpochDay(day) * MS_PER_DAY);
}

export function compareDays(a: Day, b: Day): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** A day from `from` to `to`, both included, uniformly. */
export function randomDay(rng: Random, from: Day, to: Day): Day {
  return fromEpochDay(rng.int(toEpochDay(from), toEpochDay(to)));
}

/** "March 3", as KCNA datelines write it. */
export function englishDay(day: Day): string {
  return `${MONTHS_EN[day.month - 1]} ${day.day}`;
}

/** "3 de marzo", as KCNA's Spanish datelines write it. */
export function spanishDay(day: Day): string {
  return `${day.day} de ${MONTHS_ES[day.month - 1]}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 111th. */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
