// Measures entity-linking accuracy against hand labels (test/fixtures/entity-labels.jsonl):
// precision, recall and F1 per type, comparing the extractor's entity keys with the labelled
// names mapped to catalog keys through names and aliases (a labelled person the catalog lacks
// maps to the slug of the name, the key a discovered person gets). Used by the accuracy test and by
// scratch/accuracy-report.ts, which prints the table for bench/README.md.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { createExtractor } from "../../src/ingest/extract/index.ts";
import { bareKey, spellingKey } from "../../src/ingest/extract/place-index.ts";
import type { EntityCatalog } from "../../src/ingest/types.ts";
import { slugify } from "../../src/lib/slug.ts";

export const KCNA_FILE = "kcna-1997-2018.jsonl.gz";
export const RODONG_FILE = "rodong-sinmun-2021-2022.jsonl";

/** One hand-labelled article: names as the article spells them, titles stripped. */
export interface LabelledArticle {
  id: string;
  file: string;
  title: string;
  persons: string[];
  places: string[];
  notes?: string;
}

export interface ArticleText {
  id: string;
  title: string;
  text: string;
}

export type EntityKind = "persons" | "places";

export interface TypeScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ArticleErrors {
  id: string;
  title: string;
  /** Labelled names the extractor missed (including unmappable ones). */
  missed: Record<EntityKind, string[]>;
  /** Extracted keys no label asked for. */
  extra: Record<EntityKind, string[]>;
}

export interface AccuracyReport {
  articles: number;
  /** Labelled articles whose text was not found in the data files. */
  missingArticles: string[];
  scores: Record<EntityKind, TypeScore>;
  /**
   * Labelled names no catalog entry spells. A person among them counts as found when the
   * extractor discovered a person keyed by the slug of the name; every other one is a miss.
   */
  unmappable: { kind: EntityKind; name: string; articleId: string; discovered: boolean }[];
  errors: ArticleErrors[];
}

/** Reads the labels file; the header line holding only `guidelines` is skipped. */
export function readLabels(path: string): LabelledArticle[] {
  const labels: LabelledArticle[] = [];
  const lines = readFileSync(path, "utf8").split("\n");
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const record = JSON.parse(line) as Partial<LabelledArticle> & { guidelines?: string };
    if (record.id === undefined && record.guidelines !== undefined) return;
    if (typeof record.id !== "string" || !Array.isArray(record.persons) || !Array.isArray(record.places)) {
      throw new Error(`${path}:${index + 1}: a label needs id, persons and places`);
    }
    labels.push(record as LabelledArticle);
  });
  return labels;
}

/** Finds the labelled articles' titles and texts in the data directory (KCNA by id, Rodong by url). */
export async function loadArticleTexts(dataDir: string, labels: readonly LabelledArticle[]): Promise<Map<string, ArticleText>> {
  const texts = new Map<string, ArticleText>();
  const wanted = (file: string) => new Set(labels.filter((l) => l.file === file).map((l) => l.id));

  const kcnaIds = wanted(KCNA_FILE);
  if (kcnaIds.size > 0) {
    const lines = createInterface({ input: createReadStream(join(dataDir, KCNA_FILE)).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      // Every line starts {"id": "<id>", so most lines are skipped without parsing.
      const id = /^\{"id":\s*"([^"]+)"/.exec(line)?.[1];
      if (!id || !kcnaIds.has(id)) continue;
      const record = JSON.parse(line) as { title: string; body: string };
      texts.set(id, { id, title: record.title, text: record.body });
      if (texts.size === kcnaIds.size) {
        lines.close();
        break;
      }
    }
  }

  const rodongIds = wanted(RODONG_FILE);
  if (rodongIds.size > 0) {
    for (const line of readFileSync(join(dataDir, RODONG_FILE), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const record = JSON.parse(line) as { url: string; title: string; content: string[] | string };
      if (!rodongIds.has(record.url)) continue;
      const text = Array.isArray(record.content) ? record.content.join("\n") : record.content;
      texts.set(record.url, { id: record.url, title: record.title, text });
    }
  }
  return texts;
}

/**
 * Runs the extractor over the labelled articles in order, feeding discovered places back with
 * addPlaces as the ingester does, and scores the keys it returns.
 */
export function scoreAccuracy(catalog: EntityCatalog, labels: readonly LabelledArticle[], texts: ReadonlyMap<string, ArticleText>): AccuracyReport {
  const extractor = createExtractor(catalog);
  const spellings: Record<EntityKind, Map<string, Set<string>>> = {
    persons: spellingIndex(catalog.persons),
    places: spellingIndex(catalog.places),
  };
  const counts: Record<EntityKind, { tp: number; fp: number; fn: number }> = {
    persons: { tp: 0, fp: 0, fn: 0 },
    places: { tp: 0, fp: 0, fn: 0 },
  };
  const report: AccuracyReport = {
    articles: 0,
    missingArticles: [],
    scores: { persons: emptyScore(), places: emptyScore() },
    unmappable: [],
    errors: [],
  };

  for (const label of labels) {
    const article = texts.get(label.id);
    if (!article) {
      report.missingArticles.push(label.id);
      continue;
    }
    report.articles++;
    const extraction = extractor.extract(article.text, { title: article.title });
    // Discovered places carry their suffix ("Songnam City"); labels may use the bare name.
    for (const place of extraction.discoveredPlaces) {
      addSpelling(spellings.places, place.name, place.key);
      addSpelling(spellings.places, bareKey(spellingKey(place.name)), place.key);
    }
    extractor.addPlaces(extraction.discoveredPlaces);

    const errors: ArticleErrors = { id: label.id, title: article.title, missed: { persons: [], places: [] }, extra: { persons: [], places: [] } };
    for (const kind of ["persons", "places"] as const) {
      const predicted = new Set(extraction[kind].map((m) => m.key));
      const wanted = new Set<string>();
      for (const name of label[kind]) {
        const keys = spellings[kind].get(spellingKey(name));
        if (!keys) {
          // A person the catalog lacks can only have been discovered, under the slug of the name.
          const discoveredKey = kind === "persons" ? slugify(name) : null;
          const discovered = discoveredKey !== null && predicted.has(discoveredKey);
          report.unmappable.push({ kind, name, articleId: label.id, discovered });
          if (discovered) {
            wanted.add(discoveredKey);
            counts[kind].tp++;
          } else {
            counts[kind].fn++;
            errors.missed[kind].push(`${name} (not in catalog)`);
          }
          continue;
        }
        for (const key of keys) wanted.add(key);
        if ([...keys].some((key) => predicted.has(key))) counts[kind].tp++;
        else {
          counts[kind].fn++;
          errors.missed[kind].push(name);
        }
      }
      for (const key of predicted) {
        if (wanted.has(key)) continue;
        counts[kind].fp++;
        errors.extra[kind].push(key);
      }
    }
    if (Object.values(errors.missed).some((l) => l.length) || Object.values(errors.extra).some((l) => l.length)) {
      report.errors.push(errors);
    }
  }
  report.scores = { persons: toScore(counts.persons), places: toScore(counts.places) };
  return report;
}

/** Loads labels and texts and scores them; null when the data or the labels are absent. */
export async function measureAccuracy(options: { catalog: EntityCatalog; dataDir: string; labelsPath: string }): Promise<AccuracyReport | null> {
  if (!existsSync(options.labelsPath) || !existsSync(options.dataDir)) return null;
  const labels = readLabels(options.labelsPath);
  const texts = await loadArticleTexts(options.dataDir, labels);
  return scoreAccuracy(options.catalog, labels, texts);
}

/** The per-type table as Markdown, with the caveats a reader needs. */
export function formatAccuracyTable(report: AccuracyReport): string {
  const row = (kind: EntityKind, label: string) => {
    const s = report.scores[kind];
    return `| ${label} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`;
  };
  const lines = [
    `Entity linking on ${report.articles} hand-labelled articles:`,
    "",
    "| type | true pos. | false pos. | false neg. | precision | recall | F1 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("persons", "persons"),
    row("places", "places"),
  ];
  for (const kind of ["persons", "places"] as const) {
    const absent = report.unmappable.filter((u) => u.kind === kind);
    if (absent.length === 0) continue;
    const found = absent.filter((u) => u.discovered).length;
    const missing = absent.filter((u) => !u.discovered);
    const discovery = kind === "persons" ? `, ${found} of them found by discovery` : "";
    lines.push("", `Labelled ${kind} missing from the reference tables: ${absent.length}${discovery}.`);
    if (missing.length === 0) continue;
    lines.push(
      `Missed among them, each counted as a miss (${missing.length} of ${report.scores[kind].falseNegatives} misses): ` + `${namesWithCounts(missing)}.`,
    );
  }
  if (report.missingArticles.length > 0) {
    lines.push("", `Labelled articles not found in the data: ${report.missingArticles.join(", ")}.`);
  }
  return lines.join("\n");
}

/** "Kim Kuk Thae (4x), Liu Xiaoming": each name once, with how often it was labelled. */
function namesWithCounts(labels: readonly { name: string }[]): string {
  const times = new Map<string, number>();
  for (const u of labels) times.set(u.name, (times.get(u.name) ?? 0) + 1);
  return [...times].map(([name, n]) => (n > 1 ? `${name} (${n}x)` : name)).join(", ");
}

/** Every error per article, for tuning rules (not for the README). */
export function formatErrors(report: AccuracyReport): string {
  return report.errors
    .map((e) => {
      const parts = [`${e.id} "${e.title}"`];
      for (const kind of ["persons", "places"] as const) {
        if (e.missed[kind].length) parts.push(`  missed ${kind}: ${e.missed[kind].join("; ")}`);
        if (e.extra[kind].length) parts.push(`  extra ${kind}: ${e.extra[kind].join("; ")}`);
      }
      return parts.join("\n");
    })
    .join("\n");
}

function spellingIndex(entities: readonly { key: string; name: string; aliases: string[] }[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const spelling of [entity.name, ...entity.aliases]) addSpelling(index, spelling, entity.key);
  }
  return index;
}

function addSpelling(index: Map<string, Set<string>>, spelling: string, key: string): void {
  const normal = spellingKey(spelling);
  if (!normal) return;
  const keys = index.get(normal);
  if (keys) keys.add(key);
  else index.set(normal, new Set([key]));
}

function toScore({ tp, fp, fn }: { tp: number; fp: number; fn: number }): TypeScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

function emptyScore(): TypeScore {
  return toScore({ tp: 0, fp: 0, fn: 0 });
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
