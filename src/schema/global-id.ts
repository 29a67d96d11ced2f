// Global ids are base64 of "Type:id", as the relay plugin writes them; decoding is strict so a
// malformed id is a BAD_USER_INPUT error rather than a failed database lookup.
import { badInput } from "../graphql-errors.ts";

export const NODE_TYPES = ["Article", "Source", "Person", "Place"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, "utf8").toString("base64");
}

export function decodeGlobalId(globalId: string): { typename: NodeType; id: string } {
  const fail = () => badInput(`"${truncate(globalId)}" is not a valid id.`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(globalId)) throw fail();
  const decoded = Buffer.from(globalId, "base64").toString("utf8");
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(decoded);
  if (!match || !(NODE_TYPES as readonly string[]).includes(match[1]!)) throw fail();
  const id = Number(match[2]);
  if (id > 2_147_483_647) throw fail();
  return { typename: match[1] as NodeType, id: match[2]! };
}

/** Decodes an id that must name one type; returns the database id. */
export function decodeIdOf(type: NodeType, globalId: string, argument = "id"): number {
  const decoded = decodeGlobalId(globalId);
  if (decoded.typename !== type) {
    throw badInput(`Argument "${argument}" expects a ${type} id, got a ${decoded.typename} id.`, argument);
  }
  return Number(decoded.id);
}

export function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
