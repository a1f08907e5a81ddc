import type { TestProject } from "vitest/node";

// Relative imports: the web app has no dependency on the database package, not even for tests.
import { seedDemoWorkspace } from "../../../packages/db/src/seed";
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

/**
 * Builds the web app and runs it against a real server process, for the browser tests,
 * with the demo workspace in the database so that the tests sign in with its logins.
 */
export default async function setup(project: TestProject) {
  buildWebApp();
  const webPort = await findFreePort();
  // The server seeds an empty embedded database by itself, but never a PostgreSQL one.
  const database = process.env.DATABASE_URL ? await createTestDatabase() : null;
  if (database) await seedDemoWorkspace(database.db);
  const server = await startServerProcess({
    DATABASE_URL: database?.url ?? undefined,
    SEED_DEMO_DATA: "true",
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
