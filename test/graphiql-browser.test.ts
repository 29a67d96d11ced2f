// GraphiQL works offline: the service is started over real HTTP, a real Chromium (Debian's, driven
// by playwright-core, which ships no browser) opens the page, runs the welcome query and shows its
// result, and every request the browser made went to the service itself. A page that fetched its
// scripts, styles, fonts or editor workers from a CDN fails here right after loading, on each of
// three counts: the request is recorded and asserted on; it is aborted (so the test never needs
// the internet), which fails the request; and Chromium logs the failed load to the console.
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, type ConsoleMessage, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../src/server.ts";
import { GRAPHIQL_OPTIONS } from "../src/serving/graphiql.ts";
import { seedDemoCorpus } from "../src/seed/index.ts";
import { createTestApp } from "./helpers/app.ts";
import { type TestDatabase, createTestDatabase } from "./helpers/database.ts";

const CHROMIUM = "/usr/bin/chromium";
// Locally a machine without Chromium skips; CI installs it (.ci/run), so there a missing browser
// must fail the run rather than quietly skip the only check that GraphiQL renders.
const SKIP = !existsSync(CHROMIUM) && !process.env.CI;
const SKIP_NOTE = `skipped: no ${CHROMIUM} (apt-get install chromium to run it; CI installs it and fails without it)`;
if (SKIP) console.warn(`test/graphiql-browser.test.ts ${SKIP_NOTE}`);

/** Hosts the page may talk to: the service itself. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);
/** Schemes that never leave the browser (the inlined favicon and fonts, the workers' blobs). */
const IN_BROWSER_SCHEMES = new Set(["data:", "blob:"]);

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  return IN_BROWSER_SCHEMES.has(parsed.protocol) || LOCAL_HOSTS.has(parsed.hostname);
}

/** Chromium's wording for a resource it could not load (console) or a request that failed. */
const FAILED_LOAD = /failed to load|net::ERR_|ERR_[A-Z_]+|failed to fetch|networkerror|refused to (load|connect|execute)/i;

/** Monaco draws spaces as no-break spaces and each line as its own element; this reads them back as text. */
async function editorText(page: Page, selector: string): Promise<string> {
  const text = await page.locator(`${selector} .view-lines`).first().textContent();
  return (text ?? "").replace(/\u00a0/g, " ");
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

interface ArticlesPage {
  data?: { articles: { totalCount: number; edges: { node: { title: string } }[] } };
  errors?: unknown[];
}

describe.skipIf(SKIP)(SKIP ? `GraphiQL in a browser (${SKIP_NOTE})` : "GraphiQL in a real browser, offline", () => {
  let database: TestDatabase | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    // Only reached without Chromium under CI, where it is a broken setup, not a reason to skip.
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does)`);
    // The database is made here and handed to the app, so the app's own destroy() (which would
    // close the app and database a second time) is never needed: the server's stop() closes both,
    // then database.destroy() only drops the PostgreSQL database (its close() is a no-op by then).
    database = await createTestDatabase();
    const { app } = await createTestApp({ database });
    await seedDemoCorpus(database.db.prisma);
    server = await startServer(app, database.db, 0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // No sandbox: containers and CI often run as root, where Chromium's sandbox refuses to
      // start. The rest keeps Chromium's own traffic (updates, sync, field trials) out of the way.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await database?.destroy();
  });

  it("loads everything from the service and runs the welcome query", async () => {
    if (!server || !browser) throw new Error("beforeAll did not start the server and the browser");
    const url = server.url;

    // What the result pane should show, asked the ordinary way first: the same document, POSTed.
    const expected = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: GRAPHIQL_OPTIONS.defaultQuery, operationName: "LatestArticles" }),
    });
    const expectedBody = (await expected.json()) as ArticlesPage;
    expect(expectedBody.errors).toBeUndefined();
    const firstTitle = expectedBody.data?.articles.edges[0]?.node.title;
    expect(firstTitle, "the seeded corpus has articles").toBeTruthy();

    // A large window, so the first article's lines are among those drawn: Monaco only puts the
    // lines in view into the page.
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // Recorded on the context, which sees every page's requests, its workers' included.
    const requests: string[] = [];
    context.on("request", (request) => void requests.push(request.url()));
    // Anything bound elsewhere is recorded above and then refused here, so the test never
    // depends on (or reaches) the internet, and a CDN-loaded page also fails to render.
    await context.route(
      (candidate) => !isLocal(candidate.toString()),
      (route) => route.abort("internetdisconnected"),
    );

    const page = await context.newPage();
    // Monaco's language workers: inlined by render-graphiql and started from blob: URLs.
    const workers: string[] = [];
    page.on("worker", (worker) => void workers.push(worker.url()));
    const consoleErrors: string[] = [];
    page.on("console", (message: ConsoleMessage) => {
      if (message.type() === "error") consoleErrors.push(`${message.text()} (at ${message.location().url || "?"})`);
    });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => void pageErrors.push(error.message));
    const failedRequests: string[] = [];
    page.on("requestfailed", (request) => void failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? "?"}`));

    /** Nothing so far has left the machine, failed to load, or said so in the console. */
    const expectStayedLocal = () => {
      expect(
        requests.filter((requested) => !isLocal(requested)),
        "requests to other hosts",
      ).toEqual([]);
      expect(
        workers.filter((worker) => !isLocal(worker)),
        "workers loaded from other hosts",
      ).toEqual([]);
      expect(failedRequests, "requests that failed").toEqual([]);
      expect(
        consoleErrors.filter((text) => FAILED_LOAD.test(text)),
        "console errors about failed loads",
      ).toEqual([]);
      expect(pageErrors, "uncaught errors in the page").toEqual([]);
    };

    const response = await page.goto(url, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
    expect(await page.title()).toBe("newsgraph");
    // Checked at once as well as at the end: a page built from a CDN fails here, naming the
    // URLs, instead of waiting out the editor that will never appear.
    expectStayedLocal();

    // The editor is ready when Monaco has drawn the welcome query into it.
    await page.waitForFunction(
      () => document.querySelector(".graphiql-query-editor .view-lines")?.textContent?.includes("LatestArticles") ?? false,
      undefined,
      { timeout: 30_000 },
    );
    expect(await editorText(page, ".graphiql-query-editor")).toContain("query LatestArticles");

    // GraphiQL 5 (what render-graphiql 5.24.1 inlines; its editors are Monaco) has one run
    // button, in the session's toolbar: <button class="graphiql-execute-button"
    // aria-label="Execute query (…)">, labelled "Stop query" while one runs.
    const run = page.locator("button.graphiql-execute-button");
    await expect.poll(() => run.count()).toBe(1);
    const answered = page.waitForResponse(
      (candidate) => candidate.request().method() === "POST" && (candidate.request().postData() ?? "").includes("LatestArticles"),
    );
    await run.click();
    const answer = await answered;
    expect(answer.status()).toBe(200);

    await page.waitForFunction(() => document.querySelector(".graphiql-response .view-lines")?.textContent?.includes("totalCount") ?? false, undefined, {
      timeout: 30_000,
    });
    const result = await editorText(page, ".graphiql-response");
    expect(result).toContain(`"totalCount": ${expectedBody.data?.articles.totalCount}`);
    // The pane wraps long lines (a title breaks across drawn lines, the rest indented), so the
    // title is compared with all white space taken out of both.
    expect(squeeze(result)).toContain(squeeze(JSON.stringify(firstTitle)));
    expect(result).not.toContain('"errors"');

    expectStayedLocal();
    // The page, the schema's introspection and the query, at least: the listener did record.
    expect(requests.filter((requested) => requested.startsWith(url)).length).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
