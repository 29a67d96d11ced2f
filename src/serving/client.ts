// Who a request comes from, for rate limits and logs: the peer address, or behind trusted
// proxies the address they saw. Each proxy appends the address it received the request from to
// X-Forwarded-For, so with N trusted proxies the Nth entry from the end is the client's; entries
// before it were written by the client and prove nothing.

/** What server.ts passes to Yoga with each request (yoga.fetch callers may pass it too). */
export interface ServerContext {
  /** The TCP peer's address. */
  clientAddress?: string;
}

export function clientAddress(request: Request, serverContext: ServerContext | undefined, trustProxyHops: number): string {
  const peer = serverContext?.clientAddress ?? "unknown";
  if (trustProxyHops <= 0) return peer;
  const forwarded = request.headers.get("x-forwarded-for");
  if (!forwarded) return peer;
  const hops = forwarded
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops[hops.length - trustProxyHops] ?? hops[0] ?? peer;
}
