// Language codes as records write them ("en", "EN", "en-US", "English") reduced to ISO 639-1.

const NAMES: Record<string, string> = {
  english: "en",
  spanish: "es",
  espanol: "es",
  español: "es",
  korean: "ko",
  chinese: "zh",
  russian: "ru",
  japanese: "ja",
  french: "fr",
  german: "de",
  arabic: "ar",
};

/** ISO 639-1 code, or null when the value is not recognisable as one. */
export function normaliseLanguage(value: string): string | null {
  const lower = value.trim().toLowerCase();
  const named = NAMES[lower];
  if (named) return named;
  const match = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/.exec(lower);
  return match ? match[1]! : null;
}
