// What the cost analysis (analysis.ts) charges beyond one point per object. Keys are schema
// coordinates ("Type.field"); a test checks that each names a field of the schema.

/**
 * Extra points for fields whose work is more than reading the objects they return: ranking, a
 * count, or a statement of their own over many rows. Measured on the KCNA corpus, one point is
 * roughly the cost of loading one article for a list; these are the heavier steps in that unit.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  // Full-text matching and ranking over every match (the search benchmark: tens of ms).
  "Query.search": 50,
  // Each facet is its own grouped count over every match.
  "SearchConnection.facets": 50,
  // IDF-weighted overlap of people and places, per article (about 40 ms for a Pyongyang article).
  "Article.related": 20,
  // Co-mentions count over all of a person's articles: seconds for the busiest.
  "Person.coMentioned": 100,
  // Counts over mention or article tables, one statement per batch of parents.
  "Person.mentionCount": 2,
  "Place.mentionCount": 2,
  "Source.articleCount": 2,
  "Source.firstPublishedAt": 1,
  "Source.lastPublishedAt": 1,
  "ArticleConnection.totalCount": 1,
  "PersonConnection.totalCount": 1,
  "PlaceConnection.totalCount": 1,
  "SourceConnection.totalCount": 1,
  "SearchConnection.totalCount": 1,
  // Typeahead over three tables.
  "Query.suggest": 5,
};

/**
 * Sizes assumed for lists that take no `first` argument, or whose `first` is optional and
 * means "all": their typical length on the KCNA corpus, rounded up. Passing `first` replaces the
 * assumption with the number given.
 */
export const ASSUMED_LIST_SIZES: Readonly<Record<string, number>> = {
  "Article.persons": 10,
  "Article.places": 10,
  "Article.authors": 2,
  "Place.ancestors": 4,
  "RelatedArticle.sharedPersons": 5,
  "RelatedArticle.sharedPlaces": 5,
  "Facets.sources": 10,
  "Facets.languages": 3,
  "Facets.months": 50,
};

/** Any other list without a size: the common default of cost analyses (Pothos' complexity plugin uses 10 too). */
export const DEFAULT_LIST_SIZE = 10;

/** Connections without `first` or `last` return this many edges (docs/api.md). */
export const DEFAULT_CONNECTION_SIZE = 20;

/** Largest page any list returns (docs/api.md); larger sizes are refused at execution anyway. */
export const MAX_LIST_SIZE = 100;

/**
 * Types that cost nothing of their own: wrappers computed from objects already counted (edges,
 * page info, highlights, facet containers) rather than rows of their own.
 */
export const FREE_TYPE_SUFFIXES = ["Edge"] as const;
export const FREE_TYPES: ReadonlySet<string> = new Set(["PageInfo", "Highlights", "Facets"]);
