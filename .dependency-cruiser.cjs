// The layer check `npm test` runs (npm run layers): no import cycle anywhere in src/, type
// imports included, and imports only in the direction schema → loaders → articles/ and search/
// (pure SQL builders) → db/.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "A cycle makes modules impossible to read, test or change one at a time.",
      severity: "error",
      from: { path: "^src" },
      to: { circular: true },
    },
    {
      name: "loaders-below-schema",
      comment: "Loaders batch and run SQL for the schema; they do not know GraphQL types, inputs or errors.",
      severity: "error",
      from: { path: "^src/loaders/" },
      to: { path: "^src/schema/" },
    },
    {
      name: "builders-below-loaders",
      comment: "articles/ and search/ build SQL; they neither run it (loaders do) nor know the schema.",
      severity: "error",
      from: { path: "^src/(articles|search)/" },
      to: { path: "^src/(schema|loaders|context\\.ts)" },
    },
    {
      name: "db-at-the-bottom",
      comment: "db/ opens databases and runs migrations; nothing above it belongs in it.",
      severity: "error",
      from: { path: "^src/db/" },
      to: { path: "^src/(schema|loaders|articles|search|serving|ingest|seed|reference)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
