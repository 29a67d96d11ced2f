// Loads Prisma's schema engine compiled to WebAssembly. The native engine the Prisma CLI wants
// cannot be downloaded on offline machines; the wasm build runs over our own driver adapter instead.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Node has WebAssembly at run time; this project's type libraries (no DOM) do not declare it.
interface WasmInstance {
  exports: Record<string, unknown>;
}
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<unknown>;
  instantiate(module: unknown, imports: Record<string, unknown>): Promise<WasmInstance>;
};

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
};

let bindings: Promise<Bindings> | undefined;

/** The package is built for bundlers, so in Node we instantiate its wasm module by hand, once. */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    // The exports map hides package.json, so resolve the main entry and take its folder.
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as Bindings;
    const module = await WebAssembly.compile(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(module, {
      "./schema_engine_bg.js": bg,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

/** Creates a schema engine for one datamodel, talking to the database behind the adapter. */
export async function createSchemaEngine(
  schemaPath: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void = () => {},
): Promise<SchemaEngine> {
  const bg = await loadBindings();
  const datamodel = fs.readFileSync(schemaPath, "utf8");
  return bg.SchemaEngine.new(
    { datamodels: [[path.basename(schemaPath), datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  ) as Promise<SchemaEngine>;
}
