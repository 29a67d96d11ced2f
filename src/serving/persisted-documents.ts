// Persisted documents: clients send `documentId` (the sha256 hash the codegen client preset
// gives each operation) instead of the text, by POST or GET, and the server looks the document
// up in the preset's manifest. With ALLOW_ARBITRARY_OPERATIONS=false only those run.
import fs from "node:fs";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";
import { ConfigError } from "../config.ts";

export type PersistedDocuments = ReadonlyMap<string, string>;

/** Reads the client preset's persisted-documents.json: an object of hash to document text. */
export function loadPersistedDocuments(file: string): PersistedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`PERSISTED_DOCUMENTS: cannot read ${file}: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ConfigError(`PERSISTED_DOCUMENTS: ${file} must hold an object of document hashes to documents.`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== "string") throw new ConfigError(`PERSISTED_DOCUMENTS: the entry ${hash} in ${file} is not a document.`);
    documents.set(hash, document);
  }
  return documents;
}

/** `documentId` from a POST body, or from a GET request's query string. */
function documentIdOf(params: Record<string, unknown>, request: Request): string | null {
  if (typeof params.documentId === "string") return params.documentId;
  if (request.method === "GET") return new URL(request.url).searchParams.get("documentId");
  return null;
}

export function usePersistedDocuments(documents: PersistedDocuments, allowArbitraryOperations: boolean): Plugin {
  const notFound = {
    message: "No persisted document has this documentId.",
    extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 404, spec: true } },
  };
  return usePersistedOperations({
    allowArbitraryOperations,
    extractPersistedOperationId: (params, request) => documentIdOf(params as Record<string, unknown>, request),
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      notFound,
      persistedQueryOnly: {
        message: "This server runs only persisted documents: send documentId instead of query.",
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400, spec: true } },
      },
      keyNotFound: {
        message: "Send a documentId (or a query, where this server accepts any).",
        extensions: { code: "PERSISTED_QUERY_ID_REQUIRED", http: { status: 400, spec: true } },
      },
    },
  }) as Plugin;
}
