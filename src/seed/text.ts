// Text that remembers where it names people and places. The demo generator builds every title and
// paragraph from these fragments, so the mentions it stores are exact by construction rather than
// found again by searching the finished text.
import { PARAGRAPH_SEPARATOR } from "../ingest/text.ts";

export type EntityKind = "person" | "place";

/** One naming of a reference entity inside a fragment's text. */
export interface Span {
  kind: EntityKind;
  /** PersonRef.key or PlaceRef.key. */
  key: string;
  /** The characters as written, e.g. "Kim Jong Un" or "Phyongan del Norte". */
  surface: string;
  /** Character offset (UTF-16 code units, as String.prototype.slice counts) into the fragment's text. */
  offset: number;
}

export class Fragment {
  readonly text: string;
  readonly spans: readonly Span[];

  constructor(text: string, spans: readonly Span[] = []) {
    this.text = text;
    this.spans = spans;
  }

  /** The spans moved by `shift` characters, for when this fragment sits inside a longer text. */
  spansAt(shift: number): Span[] {
    return this.spans.map((span) => ({ ...span, offset: span.offset + shift }));
  }
}

export type Piece = string | Fragment;

/** A person or place written as `surface`. */
export function entity(kind: EntityKind, key: string, surface: string): Fragment {
  if (surface.length === 0) throw new Error(`Empty surface form for ${kind} "${key}".`);
  return new Fragment(surface, [{ kind, key, surface, offset: 0 }]);
}

/** Concatenates pieces, shifting each fragment's spans to where it lands. */
export function concat(pieces: readonly Piece[]): Fragment {
  let text = "";
  const spans: Span[] = [];
  for (const piece of pieces) {
    if (typeof piece === "string") {
      text += piece;
    } else {
      spans.push(...piece.spansAt(text.length));
      text += piece.text;
    }
  }
  return new Fragment(text, spans);
}

/** Tagged template: t`${leader} inspected ${factory} in ${county}.` keeps the entity spans. */
export function t(strings: TemplateStringsArray, ...pieces: Piece[]): Fragment {
  const all: Piece[] = [];
  strings.forEach((literal, index) => {
    all.push(literal);
    if (index < pieces.length) all.push(pieces[index] as Piece);
  });
  return concat(all);
}

/** Joins pieces with a separator, e.g. ", " between names. */
export function join(pieces: readonly Piece[], separator: string): Fragment {
  const all: Piece[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) all.push(separator);
    all.push(piece);
  });
  return concat(all);
}

/** "A", "A and B", "A, B and C" (`and` may be "y" for Spanish). */
export function listOf(pieces: readonly Piece[], and = "and"): Fragment {
  if (pieces.length <= 1) return concat(pieces);
  return concat([join(pieces.slice(0, -1), ", "), ` ${and} `, pieces[pieces.length - 1] as Piece]);
}

/** Upper-cases the first letter, keeping spans (a sentence may start with a lower-case template). */
export function capitalize(fragment: Fragment): Fragment {
  const first = fragment.text.charAt(0);
  if (first === first.toUpperCase()) return fragment;
  return new Fragment(first.toUpperCase() + fragment.text.slice(1), fragment.spans);
}

const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "the", "to", "with"]);

/** Headline case as KCNA sets it: "machine complex of the county" -> "Machine Complex of the County". */
export function titleCase(phrase: string): string {
  return phrase
    .split(" ")
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}

/**
 * A running-text phrase turned into headline words: the leading article dropped and the words
 * capitalized, "the 84th birth anniversary of Chairman Kim Jong Il" -> "84th Birth Anniversary of
 * Chairman Kim Jong Il". Names already start with capitals, so their spans keep their text.
 */
export function headline(fragment: Fragment): Fragment {
  const cut = /^(the|a|an) /i.exec(fragment.text)?.[0].length ?? 0;
  const text = titleCase(fragment.text.slice(cut));
  return new Fragment(text, fragment.spansAt(-cut));
}

/**
 * The text that mention offsets (PersonMention.firstOffset, PlaceMention.firstOffset) count into:
 * the title, a blank line, then the body; for a stub, which has no body, the title alone.
 * The title is included because a stub's only text is its title, and a headline naming a place is
 * as much a mention as the body naming it.
 */
export function mentionText(title: string, body: string | null): string {
  return body ? `${title}${PARAGRAPH_SEPARATOR}${body}` : title;
}
