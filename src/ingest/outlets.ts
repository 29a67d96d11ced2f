// The outlets the archive knows, with the metadata a Source row carries. The ingester fills new
// Source rows from here; the demo seed imports the same table so both describe outlets alike.

export interface Outlet {
  /** Outlet name without the edition, as labels write it. */
  name: string;
  /** Other ways labels and records name the outlet. */
  aliases: string[];
  /** Agency or publisher behind the outlet. */
  agency: string | null;
  homepage: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  description: string;
  /** ISO 639-1 codes of the language editions the outlet publishes. */
  editions: string[];
  /** The edition a label without an edition suffix ("KCNA") stands for. */
  defaultLanguage: string;
}

export const OUTLETS: readonly Outlet[] = [
  {
    name: "KCNA",
    aliases: ["Korean Central News Agency", "KCNA Watch"],
    agency: "Korean Central News Agency",
    homepage: "http://www.kcna.kp",
    country: "KP",
    description: "The state news agency of the Democratic People's Republic of Korea, founded in 1946.",
    editions: ["ko", "en", "es", "zh", "ru", "ja"],
    defaultLanguage: "en",
  },
  {
    name: "Rodong Sinmun",
    aliases: ["Rodong", "Nodong Sinmun"],
    agency: "Central Committee of the Workers' Party of Korea",
    homepage: "http://www.rodong.rep.kp",
    country: "KP",
    description: "Daily newspaper of the Central Committee of the Workers' Party of Korea.",
    editions: ["ko", "en", "zh", "ru", "es"],
    defaultLanguage: "en",
  },
  {
    name: "Naenara",
    aliases: [],
    agency: "Korea Computer Center",
    homepage: "http://naenara.com.kp",
    country: "KP",
    description: "The official web portal of the Democratic People's Republic of Korea.",
    editions: ["ko", "en", "zh", "ru", "ja", "de", "fr", "es", "ar"],
    defaultLanguage: "en",
  },
  {
    name: "The Pyongyang Times",
    aliases: ["Pyongyang Times"],
    agency: null,
    homepage: "http://www.pyongyangtimes.com.kp",
    country: "KP",
    description: "Weekly newspaper published in Pyongyang for readers abroad.",
    editions: ["en", "fr", "es"],
    defaultLanguage: "en",
  },
  {
    name: "Voice of Korea",
    aliases: ["VOK", "Radio Pyongyang"],
    agency: "Korean Central Broadcasting Committee",
    homepage: "http://www.vok.rep.kp",
    country: "KP",
    description: "The international radio broadcaster of the Democratic People's Republic of Korea.",
    editions: ["ko", "en", "zh", "ru", "ja", "de", "fr", "es", "ar"],
    defaultLanguage: "en",
  },
];

const byName = new Map<string, Outlet>();
for (const outlet of OUTLETS) {
  for (const name of [outlet.name, ...outlet.aliases]) byName.set(name.toLowerCase(), outlet);
}

/** The outlet a name (without edition suffix) stands for, case-insensitively; null when unknown. */
export function findOutlet(name: string): Outlet | null {
  return byName.get(name.trim().toLowerCase()) ?? null;
}
