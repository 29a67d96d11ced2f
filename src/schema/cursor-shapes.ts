// The cursor of every ordering that hand-written connections offer (article lists and search),
// so that a forged cursor is refused as the client's mistake before any SQL sees its values.
import { type ArticleOrder, sortValueOf } from "../articles/order.ts";
import type { SearchOrder } from "../search/order.ts";
import type { CursorShape } from "./pagination.ts";

function articleSortValue(order: ArticleOrder): CursorShape["values"][number] {
  const { type, nullable } = sortValueOf(order);
  return { kind: type, nullable };
}

export function articleCursorShape(order: ArticleOrder): CursorShape {
  return { scheme: `articles:${order}`, values: [articleSortValue(order)] };
}

/** RELEVANCE pages by rank, then as PUBLISHED_AT_DESC; the date orderings as article lists do. */
export function searchCursorShape(order: SearchOrder): CursorShape {
  const scheme = `search:${order}`;
  if (order === "RELEVANCE") return { scheme, values: [{ kind: "decimal", nullable: false }, articleSortValue("PUBLISHED_AT_DESC")] };
  return { scheme, values: [articleSortValue(order)] };
}
