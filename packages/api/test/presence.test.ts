import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { agentStatusChanges, desc, eq, users } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { MemoryBus } from "../src/realtime/memory-bus";
import { MemoryPresenceStore, RedisPresenceStore, type PresenceStore } from "../src/realtime/presence-store";
import { PresenceTracker, type PresenceChange } from "../src/services/presence/presence-tracker";
import { createTestIdentities, type TestIdentities } from "./support/identities";

const redisUrl = process.env.REDIS_URL;
const stores: Array<[string, () => PresenceStore]> = [["memory", () => new MemoryPresenceStore()]];
let redis: Redis | null = null;
if (redisUrl) {
  stores.push(["redis", () => new RedisPresenceStore((redis ??= new Redis(redisUrl)), `parley-test-${process.pid}-${Date.now()}`)]);
}

describe.each(stores)("presence (%s store)", (_name, makeStore) => {
  let database: TestDatabase;
  let people: TestIdentities;
  let tracker: PresenceTracker;
  const changes: PresenceChange[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    const bus = new MemoryBus();
    await bus.subscribe("presence", (event) => changes.push(event as PresenceChange));
    tracker = new PresenceTracker({ db: database.db, bus, store: makeStore() });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const statusOf = async (userId: string) => (await tracker.statusOf([userId]))[0]!.status;

  it("is online while any connection is, away when all are, offline with none", async () => {
    const { agent } = people.ids;
    expect(await statusOf(agent)).toBe("offline");

    await tracker.connected(agent, "tab-1");
    await tracker.connected(agent, "tab-2");
    expect(await statusOf(agent)).toBe("online");

    await tracker.setState(agent, "tab-1", "away");
    expect(await statusOf(agent)).toBe("online"); // tab-2 is still in front
    await tracker.setState(agent, "tab-2", "away");
    expect(await statusOf(agent)).toBe("away");

    await tracker.disconnected(agent, "tab-1");
    await tracker.disconnected(agent, "tab-2");
    expect(await statusOf(agent)).toBe("offline");

    // One announcement per change of the overall status, not per connection.
    expect(changes.filter((change) => change.userId === agent).map((change) => change.status)).toEqual([
      "online",
      "away",
      "offline",
    ]);
  });

  it("records when someone was last seen", async () => {
    const { customer } = people.ids;
    await tracker.connected(customer, "phone");
    await tracker.disconnected(customer, "phone");
    const [row] = await database.db.select({ lastSeenAt: users.lastSeenAt }).from(users).where(eq(users.id, customer));
    expect(row!.lastSeenAt).toBeInstanceOf(Date);
    expect((await tracker.statusOf([customer]))[0]!.lastSeenAt?.getTime()).toBe(row!.lastSeenAt!.getTime());
  });

  it("records as gone the staff whose server process died with their sockets open", async () => {
    const { agent, admin, customer } = people.ids;
    await tracker.connected(agent, "tab-on-the-dead-process");
    await tracker.connected(customer, "phone-on-the-dead-process");
    // The process that held those sockets is gone; a surviving one knows only the admin's tab.
    const store = makeStore();
    const survivor = new PresenceTracker({ db: database.db, bus: new MemoryBus(), store });
    await survivor.connected(admin, "tab-on-the-survivor");
    const heard: PresenceChange[] = [];
    const bus = new MemoryBus();
    await bus.subscribe("presence", (event) => heard.push(event as PresenceChange));
    const sweeper = new PresenceTracker({ db: database.db, bus, store });

    const now = new Date();
    expect(await sweeper.settleVanished(now)).toEqual([agent]);
    expect(heard).toEqual([{ userId: agent, status: "offline", lastSeenAt: now }]);
    expect(await latestPresence(agent)).toEqual({ presence: "offline", changedAt: now });
    expect((await latestPresence(admin))?.presence).toBe("online");
    expect(await latestPresence(customer)).toBeUndefined();
    expect((await sweeper.statusOf([agent]))[0]!.lastSeenAt).toEqual(now);

    expect(await sweeper.settleVanished(new Date())).toEqual([]);
    await survivor.disconnected(admin, "tab-on-the-survivor");
  });

  async function latestPresence(userId: string) {
    const [latest] = await database.db
      .select({ presence: agentStatusChanges.presence, changedAt: agentStatusChanges.changedAt })
      .from(agentStatusChanges)
      .where(eq(agentStatusChanges.userId, userId))
      .orderBy(desc(agentStatusChanges.changedAt), desc(agentStatusChanges.id))
      .limit(1);
    return latest;
  }
});

describe("presence expiry", () => {
  it("drops a connection that is not refreshed in time", async () => {
    const store = new MemoryPresenceStore();
    await store.put("user", "socket", "online", 30);
    expect((await store.statusOf(["user"])).get("user")).toBe("online");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await store.statusOf(["user"])).get("user")).toBe("offline");
  });
});

afterAll(() => redis?.disconnect());
