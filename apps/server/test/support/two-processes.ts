import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { createTestIdentities, type TestIdentities } from "../../../../packages/api/test/support/identities";
import { startServerProcess, type ServerProcess } from "./server-process";

/** Two processes behave as one only through a shared PostgreSQL and Redis. */
export const hasSharedServers = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

export interface TwoProcesses {
  database: TestDatabase;
  people: TestIdentities;
  first: ServerProcess;
  second: ServerProcess;
  stop(): Promise<void>;
}

/** A fresh database with the test people, served by two server processes at once. */
export async function startTwoServerProcesses(): Promise<TwoProcesses> {
  const database = await createTestDatabase();
  const people = await createTestIdentities(database.db);
  const [first, second] = await Promise.all([
    startServerProcess({ DATABASE_URL: database.url! }),
    startServerProcess({ DATABASE_URL: database.url! }),
  ]);
  return {
    database,
    people,
    first,
    second,
    async stop() {
      await Promise.all([first.stop(), second.stop()]);
      await database.dispose();
    },
  };
}
