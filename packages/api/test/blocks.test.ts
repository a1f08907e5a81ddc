import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { blocks, count, eq, messages, users } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { createTestApi } from "./support/context";
import { createTestIdentities, sessionCookieFor, type TestIdentities } from "./support/identities";
import { codeOf } from "./support/error-code";

describe("blocks", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let api: ReturnType<typeof createTestApi>;
  type Caller = Awaited<ReturnType<ReturnType<typeof createTestApi>["callerFor"]>>;

  /** Two fresh people per test, so each starts with no blocks and no conversations. */
  async function pair(first: string, second: string): Promise<[{ id: string; caller: Caller }, { id: string; caller: Caller }]> {
    const tag = Math.random().toString(36).slice(2, 8);
    const rows = await database.db
      .insert(users)
      .values([first, second].map((name) => ({ name, email: `${name.toLowerCase()}.${tag}@example.test` })))
      .returning({ id: users.id });
    const withCaller = async (id: string) => ({ id, caller: await api.callerFor(new Headers({ cookie: await sessionCookieFor(id) })) });
    return [await withCaller(rows[0]!.id), await withCaller(rows[1]!.id)];
  }

  const blockCount = async () => (await database.db.select({ n: count() }).from(blocks))[0]!.n;
  const messageCount = async (conversationId: string) =>
    (await database.db.select({ n: count() }).from(messages).where(eq(messages.conversationId, conversationId)))[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    api = createTestApi(database.db);
  });
  afterAll(async () => {
    await api?.unreadRecounter.flush();
    await database?.dispose();
  });

  it("blocks and unblocks, listing whom the viewer blocked by name", async () => {
    const [amy, bob] = await pair("Amy", "Bob");
    expect(await amy.caller.blocks.block({ userId: bob.id })).toEqual({ ok: true });
    expect(await amy.caller.blocks.block({ userId: bob.id })).toEqual({ ok: true }); // again: still one block
    const listed = await amy.caller.blocks.list();
    expect(listed).toEqual([{ userId: bob.id, name: "Bob", blockedAt: expect.any(Date) }]);
    expect(await bob.caller.blocks.list()).toEqual([]); // a block is the blocker's own business

    await amy.caller.blocks.unblock({ userId: bob.id });
    expect(await amy.caller.blocks.list()).toEqual([]);
    expect(await amy.caller.blocks.unblock({ userId: bob.id })).toEqual({ ok: true }); // nothing to lift: fine
  });

  it("refuses to block yourself, nobody, or a malformed id, and changes nothing", async () => {
    const [cat] = await pair("Cat", "Dan");
    const before = await blockCount();
    expect(await codeOf(cat.caller.blocks.block({ userId: cat.id }))).toBe("BAD_REQUEST");
    expect(await codeOf(cat.caller.blocks.block({ userId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    expect(await codeOf(cat.caller.blocks.block({ userId: "bob" }))).toBe("BAD_REQUEST");
    expect(await blockCount()).toBe(before);
  });

  it("stops the blocked person from messaging the blocker in a conversation they share", async () => {
    const [eve, fin] = await pair("Eve", "Fin");
    const direct = await fin.caller.conversations.openDirect({ userId: eve.id });
    await fin.caller.messages.send({ conversationId: direct.id, body: "hi Eve" });
    await eve.caller.blocks.block({ userId: fin.id });

    const before = await messageCount(direct.id);
    expect(await codeOf(fin.caller.messages.send({ conversationId: direct.id, body: "why not?" }))).toBe("FORBIDDEN");
    expect(await messageCount(direct.id)).toBe(before);

    // The same in a room both are in.
    const [gil] = await pair("Gil", "Hap");
    const room = await gil.caller.conversations.createRoom({ name: "Before the block", memberIds: [eve.id] });
    await eve.caller.blocks.unblock({ userId: fin.id });
    await gil.caller.conversations.addMembers({ conversationId: room.id, userIds: [fin.id] });
    await eve.caller.blocks.block({ userId: fin.id });
    expect(await codeOf(fin.caller.messages.send({ conversationId: room.id, body: "hello room" }))).toBe("FORBIDDEN");

    await eve.caller.blocks.unblock({ userId: fin.id });
    await fin.caller.messages.send({ conversationId: direct.id, body: "friends again" });
    await fin.caller.messages.send({ conversationId: room.id, body: "hello room" });
  });

  it("keeps both sides from opening a direct conversation or a room together", async () => {
    const [ivy, jon] = await pair("Ivy", "Jon");
    await ivy.caller.blocks.block({ userId: jon.id });
    expect(await codeOf(jon.caller.conversations.openDirect({ userId: ivy.id }))).toBe("FORBIDDEN");
    expect(await codeOf(ivy.caller.conversations.openDirect({ userId: jon.id }))).toBe("FORBIDDEN");
    expect(await codeOf(jon.caller.conversations.createRoom({ name: "Trap", memberIds: [ivy.id] }))).toBe("FORBIDDEN");
    expect(await codeOf(ivy.caller.conversations.createRoom({ name: "Us", memberIds: [jon.id] }))).toBe("FORBIDDEN");

    // A third person cannot bring them together either.
    const agent = await api.callerFor(await people.headersFor("agent"));
    const room = await agent.conversations.createRoom({ name: "Mediation", memberIds: [ivy.id] });
    expect(await codeOf(agent.conversations.addMembers({ conversationId: room.id, userIds: [jon.id] }))).toBe("FORBIDDEN");

    await ivy.caller.blocks.unblock({ userId: jon.id });
    expect((await jon.caller.conversations.openDirect({ userId: ivy.id })).kind).toBe("direct");
  });

  it("is for people only", async () => {
    const apiKey = await api.callerFor(await people.headersFor("apiKeyWithScope"));
    expect(await codeOf(apiKey.blocks.list())).toBe("FORBIDDEN");
    const anonymous = await api.callerFor(new Headers());
    expect(await codeOf(anonymous.blocks.block({ userId: people.ids.agent }))).toBe("UNAUTHORIZED");
  });
});
