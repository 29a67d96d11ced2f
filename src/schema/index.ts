// Imports every type module, then builds the schema. Nothing else lives here.
import { builder } from "./builder.ts";
import "./scalars.ts";
import "./article.ts";
import "./source.ts";
import "./person.ts";
import "./place.ts";
import "./search.ts";
import "./related.ts";
import "./suggest.ts";

builder.queryType({ description: "Read access to the archive." });

export const schema = builder.toSchema({ sortSchema: true });
