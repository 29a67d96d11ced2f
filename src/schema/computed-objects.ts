// Objects for ids that computed fields produce, loaded with the selection the operation asks
// for at this field (see src/loaders/selected-rows.ts).
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.ts";
import type { SelectedModel } from "../loaders/selected-rows.ts";

/**
 * The rows for `ids` in their order, leaving out any deleted since the ids were read. For a
 * field whose type is a union, `typeName` names the member the rows become.
 */
export async function selectedRows<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  model: SelectedModel,
  ids: readonly number[],
  typeName: string = model,
): Promise<T[]> {
  const query = queryFromInfo({ context: ctx, info, typeName });
  const rows = await ctx.loaders.rows[model].loadMany(ids.map((id) => ({ id, query })));
  return rows.filter((row): row is T => row !== null && !(row instanceof Error));
}

/** The row for one id, or null when it no longer exists. */
export async function selectedRow<T>(ctx: Context, info: GraphQLResolveInfo, model: SelectedModel, id: number, typeName: string = model): Promise<T | null> {
  const [row] = await selectedRows<T>(ctx, info, model, [id], typeName);
  return row ?? null;
}
