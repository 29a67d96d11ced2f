// Which PostgreSQL text-search configuration reads an article's language. The database side
// of this mapping is the SQL function article_search_config in the search_vector migration,
// which builds the stored vectors; queries must stem words the same way, so change both together.

/** Languages with a stemming configuration; every other language is read word by word. */
export const STEMMED_LANGUAGES = { en: "english", es: "spanish" } as const;

export type SearchConfig = (typeof STEMMED_LANGUAGES)[keyof typeof STEMMED_LANGUAGES] | "simple";

export const FALLBACK_CONFIG: SearchConfig = "simple";
