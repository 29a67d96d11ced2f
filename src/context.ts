// The per-request context: the database client, fresh DataLoaders and a request id for logs.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { type Loaders, createLoaders } from "./loaders/index.ts";

export interface Context {
  requestId: string;
  prisma: PrismaClient;
  loaders: Loaders;
}

export function createContext(prisma: PrismaClient, requestId: string = randomUUID()): Context {
  return { requestId, prisma, loaders: createLoaders(prisma) };
}
