// The serving app in process for benchmarks: production settings, but no response cache and no
// rate limit, so every request is executed and measured as it would be the first time.
import { type App, createApp } from "../src/app.ts";
import { loadServingConfig } from "../src/config.ts";
import type { Database } from "../src/db/database.ts";
import { createLogger } from "../src/serving/logger.ts";

export function createBenchApp(db: Database): Promise<App> {
  return createApp({
    db,
    serving: { ...loadServingConfig({}), responseCache: false, rateLimitPerMinute: 0 },
    production: true,
    logger: createLogger("warn"),
  });
}
