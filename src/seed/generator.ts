// The demo corpus as plain data: articles with their text, dates, sources and the exact mentions of
// reference people and places. Pure and deterministic: the same tables and seed give the same
// corpus, byte for byte, so demos, screenshots and tests can rely on it.
import { articleSlugBase, contentHash } from "../ingest/identity.ts";
import { countWords, PARAGRAPH_SEPARATOR } from "../ingest/text.ts";
import { uniqueSlug } from "../lib/slug.ts";
import type { ReferenceTables } from "../reference/sync.ts";
import { BYLINE_WRITERS } from "./bylines.ts";
import { compareDays, dayToDate, englishDay, isoDay, randomDay, spanishDay, type Day } from "./calendar.ts";
import { castFrom, type Cast } from "./cast.ts";
import { Random } from "./random.ts";
import { sourceByLabel, type SourceEdition } from "./sources.ts";
import { storyKindsIn } from "./stories/index.ts";
import { pyongyang, type Story, type StoryKind, type StoryLanguage } from "./stories/story.ts";
import { concat, join, mentionText, t, type EntityKind, type Fragment, type Span } from "./text.ts";

export const DEFAULT_ARTICLES = 300;
export const DEFAULT_SEED = 20260216;
/** Upper bound on `articles`, so a typo cannot make start-up seed for minutes. */
export const MAX_ARTICLES = 20_000;

/** The corpus spans these days, both included. */
export const FIRST_DAY: Day = { year: 2019, month: 1, day: 1 };
export const LAST_DAY: Day = { year: 2026, month: 10, day: 31 };
/** Stubs are what the latest "More From" boxes list, so they fall in the last weeks. */
const STUB_FIRST_DAY: Day = { year: 2026, month: 10, day: 1 };

/** Mostly English editions with some Spanish, KCNA the largest, as in the archive's real feeds. */
const ARTICLE_SOURCES: readonly (readonly [string, number])[] = [
  ["KCNA (En)", 32],
  ["Rodong Sinmun (En)", 15],
  ["Naenara (En)", 15],
  ["The Pyongyang Times (En)", 11],
  ["Voice of Korea (En)", 7],
  ["KCNA (Es)", 10],
  ["Rodong Sinmun (Es)", 3],
  ["Naenara (Es)", 4],
  ["Voice of Korea (Es)", 3],
];

/** "More From" boxes on the monitoring site belong mostly to Naenara pages. */
const STUB_SOURCES: readonly (readonly [string, number])[] = [
  ["Naenara (En)", 6],
  ["KCNA (En)", 2],
  ["The Pyongyang Times (En)", 1],
];

/** Newspapers and the portal sign their features; news agency and radio items go unsigned. */
const BYLINE_CHANCE: Readonly<Record<string, number>> = {
  "Rodong Sinmun": 0.6,
  Naenara: 0.6,
  "The Pyongyang Times": 0.5,
};

const TEASER_LENGTH = 160;

export interface MentionRecord {
  /** PersonRef.key or PlaceRef.key. */
  key: string;
  count: number;
  /** Distinct spellings, in order of first appearance. */
  surfaceForms: string[];
  /** Offset of the first occurrence in `mentionText(title, body)`. */
  firstOffset: number;
}

export interface DemoArticle {
  slug: string;
  title: string;
  teaser: string;
  /** Paragraphs joined by a blank line; null for stubs. */
  body: string | null;
  language: string;
  /** ISO date the outlet gives. */
  publishedAt: string;
  listedAt: Date;
  sourceLabel: string;
  contentHash: string;
  wordCount: number;
  isStub: boolean;
  byline: string | null;
  persons: MentionRecord[];
  places: MentionRecord[];
}

export interface DemoCorpus {
  articles: DemoArticle[];
  /** Invented writers the bylines name, in the order first used. */
  writers: string[];
}

export interface CorpusOptions {
  /** Full articles; stubs come on top, one for every 25 articles. */
  articles?: number;
  seed?: number;
}

/** The first sentences of the lead, cut at a word, as listings show them. */
function teaserOf(lead: string): string {
  if (lead.length <= TEASER_LENGTH) return lead;
  const cut = lead.lastIndexOf(" ", TEASER_LENGTH);
  return `${lead.slice(0, cut > 0 ? cut : TEASER_LENGTH).replace(/[,;:]$/u, "")}...`;
}

function mentionsOf(spans: readonly Span[], kind: EntityKind): MentionRecord[] {
  const byKey = new Map<string, MentionRecord>();
  const ordered = spans.filter((span) => span.kind === kind).sort((a, b) => a.offset - b.offset);
  for (const span of ordered) {
    const record = byKey.get(span.key);
    if (!record) {
      byKey.set(span.key, { key: span.key, count: 1, surfaceForms: [span.surface], firstOffset: span.offset });
    } else {
      record.count += 1;
      if (!record.surfaceForms.includes(span.surface)) record.surfaceForms.push(span.surface);
    }
  }
  return [...byKey.values()];
}

/** KCNA puts a dateline in front of its first paragraph: "Pyongyang, March 3 (KCNA) -- ". */
function dateline(cast: Cast, language: string, date: Day): Fragment {
  return language === "es" ? t`${pyongyang(cast)}, ${spanishDay(date)} (ATCC) -- ` : t`${pyongyang(cast)}, ${englishDay(date)} (KCNA) -- `;
}

function validateOptions(options: CorpusOptions): { articles: number; seed: number } {
  const articles = options.articles ?? DEFAULT_ARTICLES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(articles) || articles < 1 || articles > MAX_ARTICLES) {
    throw new RangeError(`The demo corpus needs a whole number of articles from 1 to ${MAX_ARTICLES}, got ${articles}.`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`The demo seed must be a whole number from 0 to 4294967295, got ${seed}.`);
  }
  return { articles, seed };
}

class CorpusWriter {
  private readonly rng: Random;
  private readonly cast: Cast;
  readonly articles: DemoArticle[] = [];
  readonly writers: string[] = [];
  private readonly slugs = new Set<string>();

  constructor(rng: Random, cast: Cast) {
    this.rng = rng;
    this.cast = cast;
  }

  private storyDay(kind: StoryKind, from: Day, to: Day): Day | null {
    if (!kind.dayIn) return randomDay(this.rng, from, to);
    const day = kind.dayIn(this.rng.int(from.year, to.year), { rng: this.rng, cast: this.cast });
    return day && compareDays(day, from) >= 0 && compareDays(day, to) <= 0 ? day : null;
  }

  /** A story of the language with its date; calendar-bound kinds that miss the range try again. */
  private draft(language: StoryLanguage, from: Day, to: Day, accept: (story: Story) => boolean) {
    const kinds = storyKindsIn(language).map((kind) => [kind, kind.weight] as const);
    for (let attempt = 0; attempt < 100; attempt++) {
      const kind = this.rng.weighted(kinds);
      const date = this.storyDay(kind, from, to);
      if (!date) continue;
      const story = kind.write({ rng: this.rng, cast: this.cast, date });
      if (accept(story)) return { story, date };
    }
    throw new Error(`Could not write a ${language} demo story dated ${isoDay(from)} to ${isoDay(to)}.`);
  }

  private byline(source: SourceEdition): string | null {
    const chance = BYLINE_CHANCE[source.name] ?? 0;
    if (source.language !== "en" || !this.rng.chance(chance)) return null;
    const writer = this.rng.pick(BYLINE_WRITERS);
    if (!this.writers.includes(writer)) this.writers.push(writer);
    return writer;
  }

  private listedAt(date: Day): Date {
    // Monitoring sites list an item some hours after the outlet dates it.
    return new Date(dayToDate(date).getTime() + this.rng.int(6 * 60, 60 * 60) * 60_000);
  }

  addArticle(): void {
    const source = sourceByLabel(this.rng.weighted(ARTICLE_SOURCES));
    const { story, date } = this.draft(source.language as StoryLanguage, FIRST_DAY, LAST_DAY, () => true);

    const middleCount = this.rng.int(2, Math.min(6, story.middle.length));
    const keep = new Set(
      this.rng.sample(
        story.middle.map((_, index) => index),
        middleCount,
      ),
    );
    const middle = story.middle.filter((_, index) => keep.has(index));
    const lead = source.name === "KCNA" ? concat([dateline(this.cast, source.language, date), story.lead]) : story.lead;
    const paragraphs = [lead, ...middle, story.closing];

    const title = story.title.text;
    const body = join(paragraphs, PARAGRAPH_SEPARATOR);
    const bodyStart = mentionText(title, body.text).length - body.text.length;
    const spans = [...story.title.spans, ...body.spansAt(bodyStart)];
    this.push(source, date, title, teaserOf(story.lead.text), body.text, spans, this.byline(source));
  }

  addStub(): void {
    const source = sourceByLabel(this.rng.weighted(STUB_SOURCES));
    // A stub's only linked text is its title, so only stories whose headline names a place qualify.
    const { story, date } = this.draft(source.language as StoryLanguage, STUB_FIRST_DAY, LAST_DAY, (candidate) =>
      candidate.title.spans.some((span) => span.kind === "place"),
    );
    this.push(source, date, story.title.text, teaserOf(story.lead.text), null, story.title.spans, null);
  }

  private push(source: SourceEdition, date: Day, title: string, teaser: string, body: string | null, spans: readonly Span[], byline: string | null): void {
    const publishedAt = isoDay(date);
    // Slugged, hashed and counted as the ingester does, so a demo row looks like an ingested one.
    this.articles.push({
      slug: uniqueSlug(articleSlugBase(title), this.slugs),
      title,
      teaser,
      body,
      language: source.language,
      publishedAt,
      listedAt: this.listedAt(date),
      sourceLabel: source.label,
      contentHash: contentHash(source.label, title, publishedAt, body ?? ""),
      wordCount: body === null ? 0 : countWords(body),
      isStub: body === null,
      byline,
      persons: mentionsOf(spans, "person"),
      places: mentionsOf(spans, "place"),
    });
  }
}

/**
 * Writes the demo corpus: `articles` full articles (default 300) from 2019 to 2026 over the demo
 * sources, plus one stub for every 25 of them, as the "More From" boxes of the latest pages list.
 */
export function generateDemoCorpus(tables: ReferenceTables, options: CorpusOptions = {}): DemoCorpus {
  const { articles, seed } = validateOptions(options);
  const writer = new CorpusWriter(new Random(seed), castFrom(tables));
  for (let index = 0; index < articles; index++) writer.addArticle();
  const stubs = Math.ceil(articles / 25);
  for (let index = 0; index < stubs; index++) writer.addStub();
  // An archive stores items in the order it lists them, so ids follow listing time.
  const ordered = writer.articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => a.article.listedAt.getTime() - b.article.listedAt.getTime() || a.index - b.index)
    .map(({ article }) => article);
  return { articles: ordered, writers: writer.writers };
}
