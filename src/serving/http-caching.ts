// HTTP caching of GET queries. The freshness follows what the response holds: a list or search
// changes as soon as an article arrives, so it is kept briefly; one article or entity changes
// rarely, so it is kept longer. The ETag is a hash of the body itself, so it changes exactly when
// the content does, and a matching If-None-Match answers 304 without a body. Anything with
// errors, and every POST, is marked not to be stored.
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { priceOf } from "./cost/plugin.ts";
import { singleResult } from "./single-result.ts";

export const LIST_MAX_AGE_SECONDS = 30;
export const ENTITY_MAX_AGE_SECONDS = 300;

interface Decision {
  cacheable: boolean;
  holdsList: boolean;
}

const decisions = new WeakMap<Request, Decision>();

/** The ETag of a body: strong, quoted, base64url of its sha256. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** If-None-Match holds this ETag (weak comparison, as RFC 9110 asks for this header), or "*". */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

export function useHttpCaching(graphqlEndpoint: string): Plugin {
  return {
    onResultProcess({ request, result }) {
      const single = singleResult(result);
      if (!single) return;
      const cost = priceOf(request)?.cost;
      decisions.set(request, {
        cacheable: request.method === "GET" && !single.errors?.length && cost?.operationType === "query",
        holdsList: cost?.holdsList ?? true,
      });
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (new URL(request.url).pathname !== graphqlEndpoint) return;
      const decision = decisions.get(request);
      if (!decision) return;
      if (!decision.cacheable || response.status !== 200) {
        response.headers.delete("ETag");
        response.headers.delete("Last-Modified");
        response.headers.set("Cache-Control", "no-store");
        return;
      }
      const body = await response.text();
      const etag = etagOf(body);
      const maxAge = decision.holdsList ? LIST_MAX_AGE_SECONDS : ENTITY_MAX_AGE_SECONDS;
      // Copied one by one: the server adapter's Headers constructor does not copy every header
      // of its own Response (content-type among them).
      const headers = new fetchAPI.Headers();
      response.headers.forEach((value, name) => {
        headers.append(name, value);
      });
      // The response cache's own validators name the cache entry, not the content; ours replace them.
      headers.delete("Last-Modified");
      headers.set("ETag", etag);
      headers.append("Vary", "Accept");
      // A response to a request with credentials is the viewer's own, never a shared cache's.
      const scope = request.headers.has("authorization") ? "private" : "public";
      headers.set("Cache-Control", `${scope}, max-age=${maxAge}, stale-while-revalidate=${maxAge}`);
      const ifNoneMatch = request.headers.get("If-None-Match");
      if (ifNoneMatch && matches(ifNoneMatch, etag)) {
        headers.delete("Content-Type");
        headers.delete("Content-Length");
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      setResponse(new fetchAPI.Response(body, { status: 200, headers }));
    },
  };
}
