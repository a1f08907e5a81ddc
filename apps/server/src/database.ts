import { createDb, migrateDb, type DatabaseHandle } from "@parley/db";

import type { ServerEnv } from "./env";
import type { Logger } from "./logger";

/**
 * Opens the database, applies the committed migrations, and gives a brand-new embedded
 * database the demo workspace, so that a fresh clone runs with something to look at.
 * A real PostgreSQL is never seeded behind its owner's back.
 */
export async function openDatabase(env: ServerEnv, logger: Logger): Promise<DatabaseHandle> {
  const handle = createDb({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  logger.info({ database: handle.location }, "opening database");
  await migrateDb(handle);
  if (handle.driver === "pglite" && env.SEED_DEMO_DATA) await seedIfEmpty(handle, logger);
  return handle;
}

async function seedIfEmpty(handle: DatabaseHandle, logger: Logger): Promise<void> {
  // Loaded only here: the seed and its fake-data library have no place in a running server otherwise.
  const { isDatabaseEmpty, seedDemoWorkspace } = await import("@parley/db/seed");
  if (!(await isDatabaseEmpty(handle.db))) return;
  logger.info("empty embedded database: seeding the demo workspace");
  const started = performance.now();
  const summary = await seedDemoWorkspace(handle.db);
  logger.info({ ...summary, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }, "demo workspace ready");
}
