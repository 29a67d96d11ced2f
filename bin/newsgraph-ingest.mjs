#!/usr/bin/env node
// `newsgraph-ingest <inputs...>` is `newsgraph ingest <inputs...>`.
import { register } from "tsx/esm/api";

process.argv.splice(2, 0, "ingest");
register();
await import("../src/cli.ts");
