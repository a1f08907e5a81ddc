import { randomBytes } from "node:crypto";

import postgres from "postgres";

import { createDb, type DatabaseHandle } from "./client";
import { migrateDb } from "./migrate";

export interface TestDatabase extends DatabaseHandle {
  /** The URL of the fresh PostgreSQL database, or null on the embedded PGlite. */
  url: string | null;
  /** Closes the connection and drops the database created for the test. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: on the PostgreSQL server named by
 * `serverUrl` (a new database on it, dropped afterwards), or an in-memory PGlite.
 */
export async function createTestDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const handle = createDb({ dataDir: "memory" });
    await migrateDb(handle);
    return { ...handle, url: null, dispose: () => handle.close() };
  }

  const name = `parley_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = withDatabase(serverUrl, name);
  const handle = createDb({ url, maxConnections: 20 });
  await migrateDb(handle);
  return {
    ...handle,
    url,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
