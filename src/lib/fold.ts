// Case- and accent-insensitive matching keys, computed the same way in JavaScript and in SQL
// (plain translate/regexp_replace, so it needs no extension on PostgreSQL or PGlite):
// "Kim Jong-un", "KIM JONG UN" and "Kim Jŏng Ŭn" all fold to "kim jong un".
import { Prisma } from "../generated/prisma/client.ts";

// Latin letters with diacritics that romanisations and foreign names use, and their base letters.
const ACCENTED = "áàâäãåāăąçćčďéèêëēėęěğíìîïīįıłñńňóòôöõøōőŏŕřśšşťúùûüūůűŭųýÿźżž";
const BASES = ACCENTED.normalize("NFD").replace(/\p{M}/gu, "").replace("ı", "i").replace("ł", "l").replace("ø", "o");

export function foldText(text: string): string {
  let lowered = text.toLowerCase();
  lowered = [...lowered]
    .map((ch) => {
      const index = ACCENTED.indexOf(ch);
      return index === -1 ? ch : BASES[index]!;
    })
    .join("");
  return lowered
    .replace(/['’‘`]/g, "")
    .replace(/[^a-z0-9\p{L}]+/gu, " ")
    .trim();
}

/** The same folding as SQL over a text expression. */
export function foldSql(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`btrim(regexp_replace(replace(replace(translate(lower(${expression}), ${ACCENTED}, ${BASES}), '''', ''), '’', ''), '[^a-z0-9[:alpha:]]+', ' ', 'g'))`;
}
