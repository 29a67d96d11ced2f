// The usual protections of a public endpoint: a bound on request bodies, CSRF prevention for
// requests a browser would send cross-site without a preflight, and introspection off where a
// deployment is closed. CORS is Yoga's own option (yoga.ts).
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import type { Plugin } from "graphql-yoga";

/** The header a browser client sends to prove its request was preflighted (Yoga's default). */
export const CSRF_HEADER = "x-graphql-yoga-csrf";

function payloadTooLarge(fetchAPI: { Response: typeof Response }, maxBytes: number): Response {
  return new fetchAPI.Response(
    JSON.stringify({
      errors: [{ message: `The request body is larger than ${maxBytes} bytes.`, extensions: { code: "PAYLOAD_TOO_LARGE" } }],
    }),
    { status: 413, headers: { "content-type": "application/json; charset=utf-8" } },
  );
}

/** Reads a body without a declared length, giving up as soon as it passes `maxBytes`. */
async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      if (request.method === "GET" || request.method === "HEAD") return;
      const declared = request.headers.get("content-length");
      if (declared !== null) {
        // Node's HTTP server holds a body to its declared length, so the header is enough.
        if (Number(declared) > maxBytes) endResponse(payloadTooLarge(fetchAPI, maxBytes));
        return;
      }
      if (!requestParser) return;
      setRequestParser(async (original) => {
        const body = await readBounded(original, maxBytes);
        if (!body) return payloadTooLarge(fetchAPI, maxBytes);
        return requestParser(new fetchAPI.Request(original.url, { method: original.method, headers: original.headers, body }));
      });
    },
  };
}

/**
 * Yoga's CSRF prevention, for every method but GET. GET runs only queries (Yoga refuses
 * mutations over GET), reads need no credentials, and GET must stay plain for HTTP caches,
 * links, curl and EventSource, none of which can add a header.
 */
export function useCsrfPrevention(): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      if (payload.request.method === "GET") return;
      return prevention.onRequestParse?.(payload);
    },
  };
}

/** Closed deployments answer no introspection, and no "Did you mean ...?" that would spell the schema out. */
export function useIntrospectionSwitch(enabled: boolean): Plugin[] {
  return enabled ? [] : [useDisableIntrospection() as Plugin, blockFieldSuggestionsPlugin() as Plugin];
}
