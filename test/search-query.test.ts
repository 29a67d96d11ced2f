// The search syntax, parsed and rendered as tsquery text, without a database.
import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, QueryParseError, parseSearchQuery } from "../src/search/query-parser.ts";
import { toHighlightTsqueryText, toTsqueryText } from "../src/search/tsquery.ts";

const tsquery = (text: string) => toTsqueryText(parseSearchQuery(text));

describe("the search query parser", () => {
  it("requires every word, in any order", () => {
    expect(tsquery("party congress")).toBe("'party' & 'congress'");
  });

  it("keeps quoted words together as a phrase", () => {
    expect(tsquery('"party congress" opened')).toBe("('party' <-> 'congress') & 'opened'");
  });

  it("joins neighbouring words with OR or |", () => {
    expect(tsquery("Nampho OR Rason harbour")).toBe("('Nampho' | 'Rason') & 'harbour'");
    expect(tsquery("a | b OR c")).toBe("('a' | 'b' | 'c')");
  });

  it("excludes words and phrases marked with a minus, after the sought words", () => {
    expect(tsquery('-sanctions congress -"united states"')).toBe("'congress' & !'sanctions' & !('united' <-> 'states')");
  });

  it("matches prefixes with a trailing star, also inside phrases", () => {
    expect(tsquery('kcn* "kim il*"')).toBe("'kcn':* & ('kim' <-> 'il':*)");
  });

  it("lets a prefix also match stems shorter than itself, from the word plus common endings", () => {
    const rendered = tsquery("negotiat*");
    expect(rendered).toMatch(/^\('negotiat':\* \| 'negotiating' \| .*'negotiation' \| .*'negotiatciones'\)$/);
    expect(tsquery("constructio*")).toContain("'construction'"); // "ion" overlaps the typed "io"
    expect(tsquery("Korea's*")).toBe("'Korea s':*"); // only plain words are expanded
  });

  it("treats lower-case or and a hyphen inside a word as text", () => {
    expect(tsquery("war or peace")).toBe("'war' & 'or' & 'peace'");
    expect(tsquery("Jong-un")).toBe("'Jong-un'");
  });

  it("ignores operators with nothing to apply to", () => {
    expect(tsquery("OR peace OR")).toBe("'peace'");
    expect(tsquery("peace OR -war")).toBe("'peace' & !'war'");
    expect(tsquery("- peace * | ! ( )")).toBe("'peace'");
  });

  it("runs an unbalanced quote to the end of the query", () => {
    expect(tsquery('rice "good harvest')).toBe("'rice' & ('good' <-> 'harvest')");
  });

  it("turns quotes, backslashes and control characters inside words into word breaks", () => {
    expect(tsquery("Korea's")).toBe("'Korea s'");
    expect(tsquery("a\\'b\u0000c")).toBe("'a  b c'");
    expect(tsquery('x\'); DROP TABLE "Article"; --')).toBe("'x );' & 'DROP' & 'TABLE' & 'Article'");
  });

  it("keeps words in any script", () => {
    expect(tsquery("김정은 조선")).toBe("'김정은' & '조선'");
    expect(tsquery("Pyongyang 平壤")).toBe("'Pyongyang' & '平壤'");
  });

  it("never lets a tsquery operator or quote through inside an operand", () => {
    const hostile = ["a' | 'b", "a:* & !b", "x <-> y", "x\\'\\'y", "'''z", "a:A", "(a|b)&!c"];
    for (const text of hostile) {
      const operands = tsquery(text).match(/'[^']*'/g) ?? [];
      for (const operand of operands) expect(operand.slice(1, -1)).not.toMatch(/['\\]/);
    }
  });

  it("highlights only what is sought, not what is excluded", () => {
    expect(toHighlightTsqueryText(parseSearchQuery("congress -sanctions"))).toBe("'congress'");
  });

  it("rejects queries with nothing to search for, with a reason", () => {
    const reasons: [string, RegExp][] = [
      ["", /no words/],
      ["   ", /no words/],
      ['"" - OR * |', /no words/],
      ["!!! ... ???", /no words/],
      ["-sanctions", /only excludes/],
      ['-"united states" -war', /only excludes/],
      ["x".repeat(MAX_QUERY_LENGTH + 1), /1,001 characters long; the limit is 1,000/],
      [Array.from({ length: MAX_QUERY_WORDS + 1 }, (_, i) => `w${i}`).join(" "), /65 words; the limit is 64/],
    ];
    for (const [text, reason] of reasons) {
      expect(() => parseSearchQuery(text)).toThrow(QueryParseError);
      expect(() => parseSearchQuery(text)).toThrow(reason);
    }
  });

  it("accepts any string of printable noise without throwing anything but a QueryParseError", () => {
    const alphabet = ['"', "-", "*", "|", " ", "OR", "'", "\\", ":", "&", "!", "(", ")", "a", "é", "김", "\u0000", "\n", "<", ">"];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      try {
        const rendered = tsquery(text);
        expect(rendered.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(QueryParseError);
      }
    }
  });
});
