import type { TestProject } from "vitest/node";

// A relative import: the web app has no dependency on the database package, not even for tests.
import { createTestDatabase } from "../../../packages/db/src/testing";

// The server fixture is shared with the server's own tests: one way to run it everywhere.
import { startServerProcess } from "../../server/test/support/server-process";
import { findFreePort } from "./support/free-port";
import { buildWebApp, startWebProcess } from "./support/web-process";

declare module "vitest" {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
  }
}

/** Builds the web app and runs it against a real server process, for the browser tests. */
export default async function setup(project: TestProject) {
  buildWebApp();
  const webPort = await findFreePort();
  const database = process.env.DATABASE_URL ? await createTestDatabase() : null;
  const server = await startServerProcess({
    DATABASE_URL: database?.url ?? undefined,
    WEB_ORIGIN: `http://localhost:${webPort}`,
  });
  const web = await startWebProcess(webPort, server.url);

  project.provide("webUrl", web.url);
  project.provide("apiUrl", server.url);

  return async () => {
    await web.stop();
    await server.stop();
    await database?.dispose();
  };
}
