import fs from "node:fs";
import { getNamedType, isInputObjectType, isInterfaceType, isObjectType, lexicographicSortSchema, printSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.ts";

describe("the GraphQL schema", () => {
  it("matches the committed SDL in schema/schema.graphql", () => {
    const committed = fs.readFileSync(new URL("../schema/schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(`${printSchema(lexicographicSortSchema(schema))}\n`);
  });

  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps the contract's root fields", () => {
    const fields = Object.keys(schema.getQueryType()!.getFields());
    for (const name of ["node", "nodes", "article", "articles", "source", "sources", "person", "persons", "place", "places"]) {
      expect(fields).toContain(name);
    }
    expect(getNamedType(schema.getQueryType()!.getFields().articles!.type).name).toBe("ArticleConnection");
  });
});
