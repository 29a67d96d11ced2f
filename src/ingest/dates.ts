// Dates as the inputs write them, turned into ISO dates (YYYY-MM-DD). Every parser checks the
// calendar, so "31/02/2023" is an error rather than March 3rd.

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  // Full names and the three-letter forms ("Feb") listing pages also use.
  const index = MONTHS.findIndex((month) => month === lower || (lower.length >= 3 && month.startsWith(lower)));
  return index === -1 ? null : index + 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO date from parts, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "21/01/2023" (day first, as the page's Date line writes it). */
export function parseDayMonthYear(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return match ? isoDate(Number(match[3]), Number(match[2]), Number(match[1])) : null;
}

/** A "Month D, YYYY" date at the start of a line ("February 16, 2026", "Feb 16, 2026"). */
export const MONTH_DAY_YEAR = /^([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})/;

/** "February 16, 2026" or "Feb 16, 2026"; only the leading date of the text is read. */
export function parseMonthDayYear(text: string): string | null {
  const match = MONTH_DAY_YEAR.exec(text.trim());
  if (!match) return null;
  const month = monthNumber(match[1]!);
  return month === null ? null : isoDate(Number(match[3]), month, Number(match[2]));
}

/**
 * A record's date in any of the forms seen in feeds: ISO date or instant ("2021-07-12",
 * "2021-07-23T13:22:35+00:00", only the calendar date is kept), "21/01/2023", "February 16, 2026".
 */
export function parseRecordDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(trimmed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return parseDayMonthYear(trimmed) ?? (MONTH_DAY_YEAR.test(trimmed) ? parseMonthDayYear(trimmed) : null);
}

/** Midnight UTC of an ISO date, for timestamp columns such as Article.listedAt. */
export function startOfDay(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00.000Z`);
}
