import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { createTestApi } from "./context";
import { createTestIdentities, type PrincipalName, type TestIdentities } from "./identities";

export type TestCaller = Awaited<ReturnType<ReturnType<typeof createTestApi>["callerFor"]>>;

export interface TestWorld {
  database: TestDatabase;
  people: TestIdentities;
  api: ReturnType<typeof createTestApi>;
  /** The API as one of the test people calls it. */
  callerOf(name: PrincipalName): Promise<TestCaller>;
}

/** A fresh database with the test people in it, and the API over it. */
export async function createTestWorld(): Promise<TestWorld> {
  const created = await createTestDatabase();
  const people = await createTestIdentities(created.db);
  const api = createTestApi(created.db);
  // Counts still owed for the last messages are read before the database goes.
  const database = { ...created, dispose: () => api.unreadRecounter.flush().then(() => created.dispose()) };
  return { database, people, api, callerOf: async (name) => api.callerFor(await people.headersFor(name)) };
}
