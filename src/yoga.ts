// The GraphQL server as a fetch handler: tests call yoga.fetch in process, server.ts listens.
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { type Plugin, createYoga, maskError } from "graphql-yoga";
import type { Context } from "./context.ts";
import { createContext } from "./context.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { schema } from "./schema/index.ts";

const DEFAULT_QUERY = /* GraphQL */ `# Welcome to newsgraph: an archive of North Korean state media.
# Press the run button to see the latest articles, then explore the schema in the docs panel.
query LatestArticles {
  articles(first: 5) {
    totalCount
    edges {
      node {
        title
        publishedAt
        source { label }
        persons(first: 3) { person { name } count }
        places(first: 3) { place { name kind } count }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export interface YogaOptions {
  prisma: PrismaClient;
  /** Show unexpected errors unmasked: never in production. */
  exposeErrors?: boolean;
  log?: (message: string, details: Record<string, unknown>) => void;
}

export function buildYoga({ prisma, exposeErrors = false, log = defaultLog }: YogaOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: { defaultQuery: DEFAULT_QUERY, title: "newsgraph" },
    plugins: [logUnexpectedErrors(log)],
    context: ({ request }) => createContext(prisma, request.headers.get("x-request-id") ?? undefined),
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        // Pothos rejects malformed connection arguments (cursors, page sizes) with this type:
        // that is the client's mistake, so it is reported as such rather than masked.
        if (original instanceof PothosValidationError) {
          return new GraphQLError(original.message, {
            ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
            extensions: { code: "BAD_USER_INPUT" },
          });
        }
        return maskError(error, message, exposeErrors || isDev);
      },
    },
  });
}

function isUnexpected(error: unknown): error is GraphQLError & { originalError: Error } {
  if (!(error instanceof GraphQLError) || !error.originalError) return false;
  const original = error.originalError;
  return !(original instanceof GraphQLError) && !(original instanceof PothosValidationError);
}

/** Logs unexpected resolver errors with the request id before Yoga masks them for the client. */
function logUnexpectedErrors(log: NonNullable<YogaOptions["log"]>): Plugin<Context> {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result }) {
          if (!("errors" in result) || !result.errors) return;
          for (const error of result.errors) {
            if (!isUnexpected(error)) continue;
            log("unexpected error", {
              requestId: args.contextValue.requestId,
              path: error.path,
              error: error.originalError.stack ?? String(error.originalError),
            });
          }
        },
      };
    },
  };
}

function defaultLog(message: string, details: Record<string, unknown>): void {
  console.error(JSON.stringify({ level: "error", message, ...details }));
}
