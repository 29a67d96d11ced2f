// Runs `prisma generate` offline. The CLI first tries to download a native schema engine it does
// not need for generation; pointing PRISMA_SCHEMA_ENGINE_BINARY at any executable skips that.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
