import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so Yoga and Pothos,
    // load the CommonJS one; Vite would give our code the ESM one, and `instanceof GraphQLError`
    // would then fail across the two copies. One copy for everyone, as at run time.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Each file opens its own in-memory database; PGlite runs in the calling thread, so
    // files run in forked workers, two at a time on this two-core machine.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
