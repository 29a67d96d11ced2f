// What an operation selects below the current field, for resolvers that can fold work into one
// statement when they know a sibling field will be asked for (totals with pages).
import { type GraphQLResolveInfo, Kind, type SelectionNode } from "graphql";

/**
 * Whether the operation selects any of `names` directly below the current field, looking
 * through fragments. @skip and @include are not evaluated: a skipped field still counts, which
 * costs a little work, never a wrong answer.
 */
export function selectsAny(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const visit = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return names.includes(selection.name.value);
        case Kind.INLINE_FRAGMENT:
          return visit(selection.selectionSet.selections);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = info.fragments[selection.name.value];
          return fragment ? visit(fragment.selectionSet.selections) : false;
        }
        default:
          return false;
      }
    });
  return info.fieldNodes.some((node) => (node.selectionSet ? visit(node.selectionSet.selections) : false));
}
