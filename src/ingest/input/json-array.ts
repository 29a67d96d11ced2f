// Streams the elements of a top-level JSON array one at a time, so a file holding one huge array
// is read with memory bounded by its largest element, not its size. Only the structure is scanned
// here (strings, escapes, nesting); each element's text is then parsed with JSON.parse.

export interface ArrayElement {
  /** The element's JSON text (cut at maxLength when `tooLong`). */
  text: string;
  /** 1-based line and character offset where the element starts. */
  line: number;
  offset: number;
  tooLong: boolean;
  /** Set when the element cannot be read (file ends inside it, stray text after the array). */
  problem: string | null;
}

const State = {
  BeforeArray: 0,
  BetweenElements: 1,
  InElement: 2,
  AfterArray: 3,
} as const;
type State = (typeof State)[keyof typeof State];

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

function isSpace(code: number): boolean {
  return code === 0x20 || code === NEWLINE || code === 0x0d || code === 0x09 || code === 0xfeff;
}

export async function* splitJsonArray(chunks: AsyncIterable<string>, maxLength: number): AsyncGenerator<ArrayElement> {
  let state: State = State.BeforeArray;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let offset = 0;
  // The element being read: its pieces from earlier chunks, its length, where it started.
  let pieces: string[] = [];
  let length = 0;
  let startLine = 0;
  let startOffset = 0;

  const element = (problem: string | null = null): ArrayElement => {
    const text = pieces.join("");
    pieces = [];
    const tooLong = length > maxLength;
    length = 0;
    return { text: tooLong ? text.slice(0, maxLength) : text.trim(), line: startLine, offset: startOffset, tooLong, problem };
  };
  const keep = (piece: string) => {
    const room = maxLength - (length - piece.length);
    if (room > 0) pieces.push(piece.length > room ? piece.slice(0, room) : piece);
  };

  for await (const chunk of chunks) {
    let pieceStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      switch (state) {
        case State.BeforeArray:
          if (code === OPEN_BRACKET) state = State.BetweenElements;
          else if (!isSpace(code)) {
            startLine = line;
            startOffset = offset + i;
            yield { text: chunk.slice(i, i + 200), line, offset: offset + i, tooLong: false, problem: "the input does not start with a JSON array" };
            return;
          }
          break;
        case State.BetweenElements:
          if (code === CLOSE_BRACKET) state = State.AfterArray;
          else if (code !== COMMA && !isSpace(code)) {
            state = State.InElement;
            depth = 0;
            inString = false;
            escaped = false;
            startLine = line;
            startOffset = offset + i;
            pieceStart = i;
            i--; // read this character again as the element's first
          }
          break;
        case State.InElement: {
          let ends = false;
          let endsBefore = false;
          if (inString) {
            if (escaped) escaped = false;
            else if (code === BACKSLASH) escaped = true;
            else if (code === QUOTE) inString = false;
          } else if (code === QUOTE) {
            inString = true;
          } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
            depth++;
          } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
            if (depth === 0)
              endsBefore = true; // "]" closing the array right after a bare value
            else if (--depth === 0) ends = true;
          } else if (code === COMMA && depth === 0) {
            endsBefore = true;
          }
          if (ends || endsBefore) {
            const end = ends ? i + 1 : i;
            const piece = chunk.slice(pieceStart, end);
            length += piece.length;
            keep(piece);
            yield element();
            state = State.BetweenElements;
            if (endsBefore) i--; // the "," or "]" belongs to the array
          }
          break;
        }
        case State.AfterArray:
          if (!isSpace(code)) {
            startLine = line;
            startOffset = offset + i;
            yield { text: chunk.slice(i, i + 200), line, offset: offset + i, tooLong: false, problem: "unexpected text after the closing ] of the JSON array" };
            return;
          }
          break;
      }
      if (code === NEWLINE) line++;
    }
    if (state === State.InElement) {
      const piece = chunk.slice(pieceStart);
      length += piece.length;
      keep(piece);
    }
    offset += chunk.length;
  }
  if (state === State.InElement && length > 0) yield element("the input ends inside this array element");
}
