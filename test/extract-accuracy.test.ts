// Entity-linking accuracy against the hand labels. Needs the real data in
// ../shared/data; skips when it or the labels file is absent.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { PERSONS } from "../src/reference/persons.ts";
import { PLACES } from "../src/reference/places.ts";
import { type AccuracyReport, formatAccuracyTable, measureAccuracy } from "./helpers/accuracy.ts";

const DATA_DIR = fileURLToPath(new URL("../../shared/data", import.meta.url));
const LABELS = fileURLToPath(new URL("./fixtures/entity-labels.jsonl", import.meta.url));
const available = existsSync(DATA_DIR) && existsSync(LABELS);

describe.skipIf(!available)("entity linking accuracy on hand-labelled articles", () => {
  let report: AccuracyReport;

  beforeAll(async () => {
    const measured = await measureAccuracy({ catalog: { persons: PERSONS, places: PLACES }, dataDir: DATA_DIR, labelsPath: LABELS });
    if (!measured) throw new Error("labels or data vanished while the test ran");
    report = measured;
    console.log(formatAccuracyTable(report));
  });

  it("finds every labelled article, at least 40 of them", () => {
    expect(report.missingArticles).toEqual([]);
    expect(report.articles).toBeGreaterThanOrEqual(40);
  });

  it("links persons with F1 of at least 0.90", () => {
    expect(report.scores.persons.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("links places with F1 of at least 0.85", () => {
    expect(report.scores.places.f1).toBeGreaterThanOrEqual(0.85);
  });
});
