// Reads article pages as news-monitoring sites show them (see ../shared/seeds for a real one):
//
//   February 16, 2026Feb 16, 2026                  listing date (long and short form glued)
//   KCNA Naenara (En)                              site prefix + source label
//   Mass Movement Promotes Socialist Construction  title
//   Date: 21/01/2023 | Source: Naenara (En) | Read original version at source
//   paragraphs ...
//   Yang Ryon Hui                                  byline
//   More From Naenara (En)                         other articles: title, title again, teaser,
//   ...                                            listing date, teaser again; each becomes a stub
//   More Articles
//
// A file may hold several pages one after another; each ends at "More Articles" or where the
// next page's glued listing-date line begins.
import { looksLikeCredit, splitCredit } from "../byline.ts";
import { MONTH_DAY_YEAR, parseDayMonthYear, parseMonthDayYear, startOfDay } from "../dates.ts";
import { labelLanguage, parseSourceLabel, type SourceLabel } from "../source-label.ts";
import { cleanLine } from "../text.ts";
import type { ArticleRecord } from "../types.ts";
import type { Line } from "../input/streams.ts";
import type { ReaderItem } from "./items.ts";

const DATE_LINE = /^Date:\s*(\S+)\s*\|\s*Source:\s*(.+?)\s*(?:\|.*)?$/;
const MORE_FROM = /^More From\s+(.+)$/;
const MORE_ARTICLES = /^More Articles$/;
// "February 16, 2026Feb 16, 2026": only page headers glue the two forms together.
const GLUED_LISTING_DATE = /^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$/;
const LIST_DATE = new RegExp(`${MONTH_DAY_YEAR.source}$`);

/** True when the text starts the way a page does (for format detection). */
export function looksLikePage(head: string): boolean {
  const lines = head.split("\n").map((line) => line.trim());
  const first = lines.find((line) => line !== "") ?? "";
  return GLUED_LISTING_DATE.test(first) || LIST_DATE.test(first) || lines.some((line) => DATE_LINE.test(line));
}

/** Consecutive non-blank lines, joined: the page's unit of text. */
interface Block {
  text: string;
  line: number;
}

function blocksOf(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of lines) {
    const text = cleanLine(line.text);
    if (text === "") {
      current = null;
    } else if (current) {
      current.text += ` ${text}`;
    } else {
      current = { text, line: line.number };
      blocks.push(current);
    }
  }
  return blocks;
}

export interface PageContext {
  file: string;
  /** Language when the label carries no edition suffix (the --language flag). */
  defaultLanguage: string | null;
}

/** The label's edition suffix, else --language, else the known outlet's usual edition. */
function editionLanguage(label: SourceLabel, context: PageContext): string | null {
  return label.edition ?? context.defaultLanguage ?? labelLanguage(label);
}

/** Above the Date line: the listing date, the site's label line ("KCNA Naenara (En)"), the title. */
function readHeader(lines: readonly Line[], label: SourceLabel): { listedAt: Date | null; titleLines: Line[] } {
  const header = lines.map((line) => ({ ...line, text: cleanLine(line.text) })).filter((line) => line.text !== "");
  let listedAt: Date | null = null;
  let start = 0;
  if (header[0] && (GLUED_LISTING_DATE.test(header[0].text) || LIST_DATE.test(header[0].text))) {
    const listed = parseMonthDayYear(header[0].text);
    listedAt = listed ? startOfDay(listed) : null;
    start = 1;
  }
  const labelLine = header[start];
  if (labelLine && header.length - start >= 2 && labelLine.text.toLowerCase().endsWith(label.label.toLowerCase())) start++;
  return { listedAt, titleLines: header.slice(start) };
}

/** Parses one page's lines into its article and its "More From" stubs, or rejects. */
export function parsePage(lines: readonly Line[], context: PageContext): ReaderItem[] {
  const raw = lines.map((line) => line.text).join("\n");
  const firstLine = lines.find((line) => line.text.trim() !== "")?.number ?? lines[0]?.number ?? 1;
  const reject = (reason: string, line = firstLine): ReaderItem[] => [{ kind: "reject", origin: { file: context.file, line }, reason, raw }];

  const dateIndex = lines.findIndex((line) => DATE_LINE.test(line.text.trim()));
  if (dateIndex === -1) return reject("page has no 'Date: dd/mm/yyyy | Source: <label>' line");
  const dateLine = lines[dateIndex]!;
  const [, dateText, labelText] = DATE_LINE.exec(dateLine.text.trim())!;
  const publishedAt = parseDayMonthYear(dateText!);
  if (!publishedAt) return reject(`page's Date line has no valid dd/mm/yyyy date: "${dateText}"`, dateLine.number);
  const label = parseSourceLabel(labelText!);
  const language = editionLanguage(label, context);
  if (!language) return reject(`source label "${label.label}" names no edition language; pass --language`, dateLine.number);

  const { listedAt, titleLines } = readHeader(lines.slice(0, dateIndex), label);
  const title = titleLines.map((line) => line.text).join(" ");
  if (title === "") return reject("page has no title above its Date line", dateLine.number);

  // Below it: paragraphs and byline, then the "More From" list.
  const rest = lines.slice(dateIndex + 1);
  const moreFromIndex = rest.findIndex((line) => MORE_FROM.test(line.text.trim()));
  const bodyLines = moreFromIndex === -1 ? rest.filter((line) => !MORE_ARTICLES.test(line.text.trim())) : rest.slice(0, moreFromIndex);
  const paragraphs = blocksOf(bodyLines).map((block) => block.text);
  const byline: string[] = [];
  if (paragraphs.length > 1 && looksLikeCredit(paragraphs[paragraphs.length - 1]!)) {
    byline.push(...splitCredit(paragraphs.pop()!));
  }
  if (paragraphs.length === 0) return reject("page has no body text below its Date line", dateLine.number);

  const article: ArticleRecord = {
    title,
    teaser: null,
    paragraphs,
    language,
    publishedAt,
    listedAt,
    originalUrl: null,
    byline,
    sourceLabel: label.label,
    isStub: false,
    origin: { file: context.file, line: titleLines[0]?.number ?? dateLine.number },
  };
  const items: ReaderItem[] = [{ kind: "record", record: article, raw }];
  if (moreFromIndex !== -1) {
    const moreFromLine = rest[moreFromIndex]!;
    const listLabel = parseSourceLabel(MORE_FROM.exec(moreFromLine.text.trim())![1]!);
    const listLanguage = editionLanguage(listLabel, context) ?? language;
    const listEnd = rest.findIndex((line, index) => index > moreFromIndex && MORE_ARTICLES.test(line.text.trim()));
    const listLines = rest.slice(moreFromIndex + 1, listEnd === -1 ? undefined : listEnd);
    items.push(...parseMoreFrom(blocksOf(listLines), { ...context, label: listLabel.label, language: listLanguage, raw }));
  }
  return items;
}

/**
 * The "More From" list: each item is its title shown twice, a teaser, the listing date and the
 * teaser again. Items are anchored on their date lines, so a damaged item (no date) is rejected on
 * its own and the items around it still read.
 */
function parseMoreFrom(blocks: readonly Block[], context: PageContext & { label: string; language: string; raw: string }): ReaderItem[] {
  const items: ReaderItem[] = [];
  const rejectBlocks = (undated: readonly Block[]) => {
    if (undated.length === 0) return;
    items.push({
      kind: "reject",
      origin: { file: context.file, line: undated[0]!.line },
      reason: `"More From" item "${undated[0]!.text}" has no listing date`,
      raw: undated.map((block) => block.text).join("\n"),
    });
  };
  let segment: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const listed = LIST_DATE.test(block.text) ? parseMonthDayYear(block.text) : null;
    if (!listed) {
      segment.push(block);
      continue;
    }
    // Before the date: title, title again, teaser (repeats optional); anything earlier lost its date.
    let title: Block | undefined;
    let teaser: Block | null = null;
    const n = segment.length;
    if (n >= 3 && segment[n - 3]!.text === segment[n - 2]!.text) {
      title = segment[n - 3];
      teaser = segment[n - 1]!;
    } else if (n >= 2 && segment[n - 2]!.text === segment[n - 1]!.text) {
      title = segment[n - 2];
    } else if (n >= 2) {
      title = segment[n - 2];
      teaser = segment[n - 1]!;
    } else {
      title = segment[n - 1];
    }
    const used = title ? segment.indexOf(title) : n;
    rejectBlocks(segment.slice(0, used));
    segment = [];
    if (teaser && blocks[i + 1]?.text === teaser.text) i++;
    if (!title) continue;
    items.push({
      kind: "record",
      raw: context.raw,
      record: {
        title: title.text,
        teaser: teaser?.text ?? null,
        paragraphs: [],
        language: context.language,
        publishedAt: null,
        listedAt: startOfDay(listed),
        originalUrl: null,
        byline: [],
        sourceLabel: context.label,
        isStub: true,
        origin: { file: context.file, line: title.line },
      },
    });
  }
  rejectBlocks(segment);
  return items;
}

/** Groups a file's lines into pages and parses each; memory holds one page at a time. */
export async function* readPages(lines: AsyncIterable<Line>, context: PageContext, maxPageLines: number): AsyncGenerator<ReaderItem> {
  let page: Line[] = [];
  let pageHasDateLine = false;
  let overflow = false;
  const finish = function* (): Generator<ReaderItem> {
    if (page.some((line) => line.text.trim() !== "")) {
      if (overflow) {
        yield {
          kind: "reject",
          origin: { file: context.file, line: page[0]!.number },
          reason: `page longer than ${maxPageLines} lines; only its start is kept here`,
          raw: page
            .slice(0, 200)
            .map((line) => line.text)
            .join("\n"),
        };
      } else {
        yield* parsePage(page, context);
      }
    }
    page = [];
    pageHasDateLine = false;
    overflow = false;
  };
  for await (const line of lines) {
    const text = line.text.trim();
    if (pageHasDateLine && GLUED_LISTING_DATE.test(text)) yield* finish();
    if (page.length < maxPageLines) page.push(line);
    else overflow = true;
    if (DATE_LINE.test(text)) pageHasDateLine = true;
    if (MORE_ARTICLES.test(text)) yield* finish();
  }
  yield* finish();
}
