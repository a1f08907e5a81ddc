import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import type { Teardown } from "./teardown";

/**
 * A fresh, migrated database on the PostgreSQL server for this run alone, dropped when the
 * run ends however it ends. Both servers under test use it: Parley its own tables, the
 * floor a table of its own.
 */
export async function createBenchDatabase(adminUrl: string, teardown: Teardown): Promise<TestDatabase & { url: string }> {
  const database = await createTestDatabase(adminUrl);
  teardown.add("drop the bench database", () => database.dispose());
  if (!database.url) throw new Error("the bench needs a PostgreSQL server, not the embedded database");
  return database as TestDatabase & { url: string };
}
