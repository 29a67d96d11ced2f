// Limits on the document itself, checked while parsing and validating (graphql-armor): how deep
// selections nest, how many aliases and directives an operation uses, how many tokens it has.
// They bound the work of parsing, validating and pricing before the cost limit applies.
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GraphQLError, ValidationContext } from "graphql";
import { type DocumentLimitCode, documentLimitExceeded } from "../graphql-errors.ts";
import type { Plugin } from "graphql-yoga";

export const DOCUMENT_LIMITS = {
  /** Connections nest three deep per level (field, edges, node): four levels of lists and a leaf. */
  depth: 15,
  aliases: 30,
  directives: 20,
  /** GraphiQL's introspection query has about 250 tokens; the largest test operation about 150. */
  tokens: 3_000,
} as const;

/**
 * Armor reports a limit as a bare "Syntax Error"; this reports it with a stable code instead,
 * during validation where there is a context, or by throwing while parsing.
 */
function reject(code: DocumentLimitCode) {
  return [
    (context: ValidationContext | null, error: GraphQLError) => {
      const coded = documentLimitExceeded(code, error.message.replace(/^Syntax Error: /, ""));
      if (!context) throw coded;
      context.reportError(coded);
    },
  ];
}

export function documentLimitPlugins(): Plugin[] {
  return [
    maxTokensPlugin({ n: DOCUMENT_LIMITS.tokens, onReject: reject("TOKEN_LIMIT_EXCEEDED") }),
    // Introspection nests `ofType` deeply by design; it is bounded by the token limit instead.
    maxDepthPlugin({ n: DOCUMENT_LIMITS.depth, ignoreIntrospection: true, onReject: reject("DEPTH_LIMIT_EXCEEDED"), propagateOnRejection: false }),
    maxAliasesPlugin({ n: DOCUMENT_LIMITS.aliases, onReject: reject("ALIAS_LIMIT_EXCEEDED"), propagateOnRejection: false }),
    maxDirectivesPlugin({ n: DOCUMENT_LIMITS.directives, onReject: reject("DIRECTIVE_LIMIT_EXCEEDED"), propagateOnRejection: false }),
  ] as Plugin[];
}
