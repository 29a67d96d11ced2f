// The cost of an operation, computed from its document and variables before anything runs.
//
// One point per object the response may hold, multiplied through the nesting by list sizes:
// `first`/`last` where given, a connection's default page (20) otherwise, and for lists without a
// size their typical length (weights.ts); plus the extra weight of fields that rank, count or
// scan (FIELD_WEIGHTS). Edges, page info and other wrappers are free, and so are scalars.
//
// Why not @pothos/plugin-complexity's walk: its multiplier applies to a field's whole selection,
// so a connection's `first` would also multiply `totalCount`, `pageInfo` and search facets,
// which are computed once per connection. Here the page size multiplies only the edges.
//
// The walk runs on documents not yet validated, so it skips what it does not know (validation
// reports it next), never follows a fragment into itself, and memoises each selection set per
// type, so fragments spread many times cost linear time to analyse, not exponential.
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FieldNode,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  valueFromAST,
} from "graphql";
import { ASSUMED_LIST_SIZES, DEFAULT_CONNECTION_SIZE, DEFAULT_LIST_SIZE, FIELD_WEIGHTS, FREE_TYPES, FREE_TYPE_SUFFIXES, MAX_LIST_SIZE } from "./weights.ts";
import { getOrInsert } from "../../lib/maps.ts";

export interface OperationCost {
  /** Points the operation may cost. */
  requested: number;
  /** True when the response holds a list or connection of objects (HTTP caching keeps those briefly). */
  holdsList: boolean;
  /** "query", "mutation" or "subscription". */
  operationType: OperationDefinitionNode["operation"];
  /** The operation's name, when it has one. */
  operationName: string | null;
}

/** Nesting beyond this is refused by the depth limit anyway; the walk stops rather than recurse further. */
const MAX_WALK_DEPTH = 200;

/** Picks the operation as execution would: by name, or the only one. Null when there is none to pick. */
export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | null {
  let found: OperationDefinitionNode | null = null;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName) {
      if (definition.name?.value === operationName) return definition;
    } else {
      if (found) return null;
      found = definition;
    }
  }
  return found;
}

export function analyzeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): OperationCost | null {
  const operation = selectOperation(document, operationName);
  if (!operation) return null;
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const walker = new CostWalker(schema, document, variables ?? {});
  const requested = walker.selectionSetCost(operation.selectionSet, root, null, 0);
  return {
    requested: Math.min(Math.round(requested), Number.MAX_SAFE_INTEGER),
    holdsList: walker.holdsList,
    operationType: operation.operation,
    operationName: operation.name?.value ?? null,
  };
}

function isConnectionType(type: GraphQLNamedType): type is GraphQLObjectType {
  return isObjectType(type) && "edges" in type.getFields() && "pageInfo" in type.getFields();
}

function isFreeType(type: GraphQLNamedType): boolean {
  return FREE_TYPES.has(type.name) || FREE_TYPE_SUFFIXES.some((suffix) => type.name.endsWith(suffix)) || isConnectionType(type);
}

function clampSize(value: unknown): number | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  return Math.max(0, Math.min(MAX_LIST_SIZE, Math.trunc(value)));
}

class CostWalker {
  holdsList = false;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly activeFragments = new Set<string>();
  private readonly memo = new Map<SelectionSetNode, Map<string, number>>();
  private readonly schema: GraphQLSchema;
  private readonly variables: Readonly<Record<string, unknown>>;

  constructor(schema: GraphQLSchema, document: DocumentNode, variables: Readonly<Record<string, unknown>>) {
    this.schema = schema;
    this.variables = variables;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  /** An abstract type costs what its most expensive possible type costs. */
  selectionSetCost(selectionSet: SelectionSetNode, type: GraphQLCompositeType, edgeCount: number | null, depth: number): number {
    if (depth > MAX_WALK_DEPTH) return 0;
    if (!isAbstractType(type)) return this.objectSelectionCost(selectionSet, type, edgeCount, depth);
    let most = 0;
    for (const possible of this.schema.getPossibleTypes(type)) {
      most = Math.max(most, this.objectSelectionCost(selectionSet, possible, edgeCount, depth));
    }
    return most;
  }

  private objectSelectionCost(selectionSet: SelectionSetNode, type: GraphQLObjectType, edgeCount: number | null, depth: number): number {
    const key = `${type.name}:${edgeCount ?? ""}`;
    const cached = this.memo.get(selectionSet)?.get(key);
    if (cached !== undefined) return cached;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.fieldCost(selection, type, edgeCount, depth);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (this.applies(selection.typeCondition?.name.value, type)) {
          total += this.objectSelectionCost(selection.selectionSet, type, edgeCount, depth);
        }
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment || this.activeFragments.has(name) || !this.applies(fragment.typeCondition.name.value, type)) continue;
        this.activeFragments.add(name);
        total += this.objectSelectionCost(fragment.selectionSet, type, edgeCount, depth);
        this.activeFragments.delete(name);
      }
    }
    getOrInsert(this.memo, selectionSet, () => new Map()).set(key, total);
    return total;
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private fieldCost(node: FieldNode, parent: GraphQLObjectType, edgeCount: number | null, depth: number): number {
    const name = node.name.value;
    if (name.startsWith("__")) return 0;
    const field = parent.getFields()[name];
    if (!field) return 0;
    const coordinate = `${parent.name}.${name}`;
    const weight = FIELD_WEIGHTS[coordinate] ?? 0;
    const named = getNamedType(field.type);
    if (!isCompositeType(named) || !node.selectionSet) return weight;
    const args = this.argumentValues(field, node);

    if (isConnectionType(named)) {
      this.holdsList = true;
      const size = clampSize(args.first) ?? clampSize(args.last) ?? DEFAULT_CONNECTION_SIZE;
      return weight + this.selectionSetCost(node.selectionSet, named, size, depth + 1);
    }
    const perItem = (isFreeType(named) ? 0 : 1) + this.selectionSetCost(node.selectionSet, named, null, depth + 1);
    if (!isListType(getNullableType(field.type))) return weight + perItem;
    this.holdsList = true;
    const count = name === "edges" && edgeCount !== null ? edgeCount : this.listSize(coordinate, args);
    return weight + count * perItem;
  }

  private listSize(coordinate: string, args: Record<string, unknown>): number {
    const given = clampSize(args.first) ?? clampSize(args.last);
    if (given !== null) return given;
    if (Array.isArray(args.ids)) return Math.min(args.ids.length, MAX_LIST_SIZE);
    return ASSUMED_LIST_SIZES[coordinate] ?? DEFAULT_LIST_SIZE;
  }

  /** Argument values with variables and defaults applied; what cannot be read is left out. */
  private argumentValues(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const definition of field.args) {
      const argument = node.arguments?.find((candidate) => candidate.name.value === definition.name);
      const value = argument ? valueFromAST(argument.value, definition.type, this.variables as Record<string, unknown>) : undefined;
      values[definition.name] = value === undefined ? definition.defaultValue : value;
    }
    return values;
  }
}
