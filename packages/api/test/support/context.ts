import type { Database } from "@parley/db";

import { createContextFactory, type RequestInfo } from "../../src/context";
import { createRateLimits } from "../../src/rate-limit";
import { obeyControlMessages } from "../../src/realtime/control";
import { MemoryBus } from "../../src/realtime/memory-bus";
import { MemoryPresenceStore } from "../../src/realtime/presence-store";
import { PresenceTracker } from "../../src/services/presence/presence-tracker";
import { SocketRegistry } from "../../src/realtime/socket-registry";
import { createCallerFactory } from "../../src/trpc";
import { appRouter } from "../../src/root";
import { TEST_AUTH_SECRET } from "./identities";

/** The API as the server runs it, called in-process: real context, real database. */
export function createTestApi(db: Database) {
  const sockets = new SocketRegistry();
  const bus = new MemoryBus();
  const presence = new PresenceTracker({ db, bus, store: new MemoryPresenceStore() });
  void obeyControlMessages(bus, sockets);
  const createContext = createContextFactory({
    db,
    databaseDriver: "pglite",
    authSecret: TEST_AUTH_SECRET,
    rateLimits: createRateLimits(null),
    sockets,
    bus,
    presence,
    startedAt: new Date(),
    version: "test",
  });
  const createCaller = createCallerFactory(appRouter);
  return {
    sockets,
    bus,
    createContext,
    async callerFor(headers: Headers, request: Partial<RequestInfo> = {}) {
      return createCaller(await createContext({ headers, ip: "127.0.0.1", transport: "http", ...request }));
    },
  };
}
