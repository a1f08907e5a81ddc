import type { TestProject } from "vitest/node";

import { createTestDatabase } from "@parley/db/testing";

import { startServerProcess } from "./server-process";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    /** The fresh PostgreSQL database the shared server uses, or null on the embedded PGlite. */
    serverDatabaseUrl: string | null;
  }
}

/** One server process for the HTTP and WebSocket tests of this project. */
export default async function setup(project: TestProject) {
  // On PostgreSQL the server gets a fresh database of its own; the handle here only drops
  // it afterwards. Without DATABASE_URL the server runs on an in-memory PGlite.
  const database = process.env.DATABASE_URL ? await createTestDatabase() : null;
  const server = await startServerProcess({ DATABASE_URL: database?.url ?? undefined });
  project.provide("serverUrl", server.url);
  project.provide("serverDatabaseUrl", database?.url ?? null);
  return async () => {
    await server.stop();
    await database?.dispose();
  };
}
