// Short stretches in double quotes: titles of works ("The General Will Live Forever as the Sun")
// and scare-quoted terms. Capitalised words there are the title's, not a person's name. Quoted
// speech is longer and may name people, so only short quotations count. Only the characters
// near a span are read: an opening quote is told from a closing one by what stands beside it.
const MAX_TITLE_LENGTH = 100;
const STRAIGHT = 0x22;
const OPENING = 0x201c;
const CLOSING = 0x201d;

export class QuotedSpans {
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** Whether [start, end) lies inside a short quotation on one line. */
  inside(start: number, end: number): boolean {
    const open = this.openingBefore(start);
    if (open < 0) return false;
    const close = this.closingAfter(end);
    return close >= 0 && close - open <= MAX_TITLE_LENGTH;
  }

  /** The nearest quote before `start` on its line if it opens a quotation, else -1. */
  private openingBefore(start: number): number {
    for (let p = start - 1; p >= 0 && start - p <= MAX_TITLE_LENGTH; p--) {
      const code = this.text.charCodeAt(p);
      if (code === 10 || code === 13 || code === CLOSING) return -1;
      if (code === OPENING) return p;
      if (code === STRAIGHT) return this.opensQuotation(p) ? p : -1;
    }
    return -1;
  }

  /** A straight quote opens when it follows a space, a bracket or the line start and a word follows. */
  private opensQuotation(p: number): boolean {
    const before = p > 0 ? this.text.charCodeAt(p - 1) : 10;
    const after = this.text.charCodeAt(p + 1);
    const spaceBefore = before === 32 || before === 10 || before === 13 || before === 0x28 || before === 0x5b || before === 0xa0;
    return spaceBefore && after !== 32 && !Number.isNaN(after);
  }

  private closingAfter(end: number): number {
    for (let p = end; p < this.text.length && p - end <= MAX_TITLE_LENGTH; p++) {
      const code = this.text.charCodeAt(p);
      if (code === 10 || code === 13) return -1;
      if (code === STRAIGHT || code === CLOSING) return p;
    }
    return -1;
  }
}
