import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Database } from "@parley/db";

import { createContextFactory, type RequestInfo } from "../../src/context";
import { createRateLimits } from "../../src/rate-limit";
import type { Bus } from "../../src/realtime/bus";
import { obeyControlMessages } from "../../src/realtime/control";
import { MemoryBus } from "../../src/realtime/memory-bus";
import { MemoryPresenceStore } from "../../src/realtime/presence-store";
import { PresenceTracker } from "../../src/services/presence/presence-tracker";
import { UnreadRecounter } from "../../src/services/inbox/unread-recounter";
import { SocketRegistry } from "../../src/realtime/socket-registry";
import type { AttachmentStorage } from "../../src/storage/attachment-storage";
import { LocalDiskStorage } from "../../src/storage/local-disk-storage";
import { createCallerFactory } from "../../src/trpc";
import { appRouter } from "../../src/root";
import { TEST_AUTH_SECRET } from "./identities";

/**
 * The API as the server runs it, called in-process: real context, real database. Files
 * go to `storage`, by default a folder of its own under the system's temporary folder
 * (made on the first upload).
 */
export function createTestApi(db: Database, options: { storage?: AttachmentStorage } = {}) {
  const sockets = new SocketRegistry();
  const bus = new MemoryBus();
  const presence = new PresenceTracker({ db, bus, store: new MemoryPresenceStore() });
  const unreadRecounter = testUnreadRecounter(db, bus);
  void obeyControlMessages(bus, sockets);
  const storage =
    options.storage ?? new LocalDiskStorage(path.join(tmpdir(), `parley-test-uploads-${randomBytes(6).toString("hex")}`));
  const createContext = createContextFactory({
    db,
    databaseDriver: "pglite",
    authSecret: TEST_AUTH_SECRET,
    rateLimits: createRateLimits(null),
    sockets,
    bus,
    presence,
    unreadRecounter,
    storage,
    startedAt: new Date(),
    version: "test",
  });
  const createCaller = createCallerFactory(appRouter);
  return {
    sockets,
    bus,
    unreadRecounter,
    storage,
    createContext,
    async callerFor(headers: Headers, request: Partial<RequestInfo> = {}) {
      return createCaller(await createContext({ headers, ip: "127.0.0.1", transport: "http", ...request }));
    },
  };
}

/** The recounter as the server makes it; a recount that fails is printed, since nothing awaits it. */
export function testUnreadRecounter(db: Database, bus: Bus): UnreadRecounter {
  return new UnreadRecounter({ db, bus }, { onError: (error) => console.error("unread recount failed", error) });
}
