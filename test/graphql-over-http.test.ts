// GraphQL over HTTP: graphql-http's audit suite (the spec's MUST, SHOULD and MAY checks) against
// the endpoint with the production serving settings, every audit passing.
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "./helpers/app.ts";

describe("GraphQL over HTTP audits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ serving: { responseCache: true } });
  });
  afterAll(() => t.destroy());

  const audits = serverAudits({
    url: "http://test/graphql",
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
      return t.fetch(`${url.pathname}${url.search}`, init);
    },
  });

  it("has audits to run", () => {
    expect(audits.length).toBeGreaterThan(30);
  });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status, "response" in result ? `${result.reason}: ${await result.response.clone().text()}` : "").toBe("ok");
    });
  }
});
