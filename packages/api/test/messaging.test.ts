import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { and, blocks, conversations, count, eq, messages, sessionEvents, users } from "@parley/db";
import type { TestDatabase } from "@parley/db/testing";

import type { TestIdentities } from "./support/identities";
import { createTestWorld, type TestCaller, type TestWorld } from "./support/world";
import { codeOf } from "./support/error-code";

describe("messaging", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let customer: TestCaller, otherCustomer: TestCaller, agent: TestCaller, otherTeamAgent: TestCaller, admin: TestCaller;
  let sessionId: string;
  let callerOf: TestWorld["callerOf"];

  const messageCount = async (conversationId: string) =>
    (await database.db.select({ n: count() }).from(messages).where(eq(messages.conversationId, conversationId)))[0]!.n;

  beforeAll(async () => {
    const world = await createTestWorld();
    ({ database, people } = world);
    ({ callerOf } = world);
    customer = await callerOf("customer");
    otherCustomer = await callerOf("otherCustomer");
    agent = await callerOf("agent");
    otherTeamAgent = await callerOf("otherTeamAgent");
    admin = await callerOf("admin");
    const session = await customer.conversations.startSession({ subject: "Where is my order?", teamId: people.teamIds.support });
    sessionId = session.id;
  });
  afterAll(() => database?.dispose());

  it("numbers messages 1, 2, 3... without gaps, even when sent at once", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? agent : customer).messages.send({ conversationId: sessionId, body: `message ${index}` }),
      ),
    );
    const rows = await database.db.select({ seq: messages.seq }).from(messages).where(eq(messages.conversationId, sessionId));
    expect(rows.map((row) => row.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.id, sessionId));
    expect(conversation!.lastSeq).toBe(20);
  });

  it("makes one message of one client id sent five times at once", async () => {
    const before = await messageCount(sessionId);
    const sent = await Promise.all(
      Array.from({ length: 5 }, () => customer.messages.send({ conversationId: sessionId, body: "only once", clientId: "retry-0001" })),
    );
    expect(new Set(sent.map((message) => message.id)).size).toBe(1);
    expect(await messageCount(sessionId)).toBe(before + 1);
  });

  it("makes one message of an integration's client id sent five times at once", async () => {
    const integration = await callerOf("apiKeyWithScope");
    const before = await messageCount(sessionId);
    const sent = await Promise.all(
      Array.from({ length: 5 }, () => integration.messages.send({ conversationId: sessionId, body: "from the shop", clientId: "shop-0001" })),
    );
    expect(new Set(sent.map((message) => message.id)).size).toBe(1);
    expect(sent[0]!.senderId).toBeNull();
    expect(await messageCount(sessionId)).toBe(before + 1);
  });

  it("notes the desk's first reply once when the reply is retried at once", async () => {
    const session = await customer.conversations.startSession({ subject: "Retried reply", teamId: people.teamIds.support });
    const sent = await Promise.all(
      Array.from({ length: 4 }, () => agent.messages.send({ conversationId: session.id, body: "Hello!", clientId: "first-reply" })),
    );
    expect(new Set(sent.map((message) => message.id)).size).toBe(1);
    const firstResponses = await database.db
      .select({ n: count() })
      .from(sessionEvents)
      .where(and(eq(sessionEvents.conversationId, session.id), eq(sessionEvents.type, "first_response")));
    expect(firstResponses[0]!.n).toBe(1);
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.id, session.id));
    expect(conversation!.firstResponseAt).toEqual(sent[0]!.createdAt);
    expect(conversation!.lastSeq).toBe(sent[0]!.seq);
  });

  it("listens from the moment a subscription has started: a message sent right then comes through", async () => {
    const session = await customer.conversations.startSession({ subject: "Quick question", teamId: people.teamIds.support });
    // Over a socket, tRPC tells the client "started" once the procedure has answered,
    // before anyone pulls the first event; the customer writes at that moment.
    const events = await agent.messages.events({ conversationId: session.id });
    const sent = await customer.messages.send({ conversationId: session.id, body: "Are you there?" });
    const iterator = events[Symbol.asyncIterator]();
    try {
      const next = await Promise.race([
        iterator.next(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the message never came through")), 5_000)),
      ]);
      const [id, event] = next.value as unknown as [string, unknown];
      expect([id, event]).toEqual([String(sent.eventSeq), { type: "message", message: sent }]);
    } finally {
      await iterator.return?.();
    }
  });

  it("keeps private notes from the customer", async () => {
    const note = await agent.messages.send({ conversationId: sessionId, body: "customer seems upset", internal: true });
    expect(note.internal).toBe(true);
    const customerView = await customer.messages.history({ conversationId: sessionId, limit: 200 });
    expect(customerView.items.map((message) => message.id)).not.toContain(note.id);
    const agentView = await agent.messages.history({ conversationId: sessionId, limit: 200 });
    expect(agentView.items.map((message) => message.id)).toContain(note.id);
    expect(await codeOf(customer.messages.send({ conversationId: sessionId, body: "sneaky", internal: true }))).toBe("FORBIDDEN");
    expect(await codeOf(customer.messages.send({ conversationId: sessionId, body: "reply", replyToId: note.id }))).toBe("BAD_REQUEST");
  });

  it("pages history by seq in both directions", async () => {
    const newest = await agent.messages.history({ conversationId: sessionId, limit: 5 });
    const seqs = newest.items.map((message) => message.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(newest.hasMoreBefore).toBe(true);
    const older = await agent.messages.history({ conversationId: sessionId, beforeSeq: seqs[0]!, limit: 5 });
    expect(older.items.at(-1)!.seq).toBe(seqs[0]! - 1);
    const forward = await agent.messages.history({ conversationId: sessionId, afterSeq: 0, limit: 3 });
    expect(forward.items.map((message) => message.seq)).toEqual([1, 2, 3]);
    expect(forward.hasMoreAfter).toBe(true);
  });

  it("lets the author edit, and the author or an admin delete, keeping the message's place", async () => {
    const sent = await customer.messages.send({ conversationId: sessionId, body: "tpyo" });
    const edited = await customer.messages.edit({ messageId: sent.id, body: "typo" });
    expect(edited).toMatchObject({ body: "typo", seq: sent.seq });
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect(edited.eventSeq).toBeGreaterThan(sent.eventSeq);
    expect(await codeOf(agent.messages.edit({ messageId: sent.id, body: "not mine" }))).toBe("FORBIDDEN");
    expect(await codeOf(agent.messages.delete({ messageId: sent.id }))).toBe("FORBIDDEN");

    const deleted = await admin.messages.delete({ messageId: sent.id });
    expect(deleted).toMatchObject({ body: "", seq: sent.seq });
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    const [row] = await database.db.select().from(messages).where(eq(messages.id, sent.id));
    expect(row!.body).toBe("typo"); // soft delete: kept for the record, hidden from clients
  });

  it("refuses bad input with a clear code and changes nothing", async () => {
    const before = await messageCount(sessionId);
    expect(await codeOf(customer.messages.send({ conversationId: sessionId, body: "   " }))).toBe("BAD_REQUEST");
    expect(await codeOf(customer.messages.send({ conversationId: sessionId, body: "x".repeat(10_001) }))).toBe("BAD_REQUEST");
    expect(await codeOf(customer.messages.send({ conversationId: "00000000-0000-4000-8000-000000000000", body: "hi" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(otherCustomer.messages.send({ conversationId: sessionId, body: "let me in" }))).toBe("FORBIDDEN");
    expect(await codeOf(otherCustomer.messages.history({ conversationId: sessionId }))).toBe("FORBIDDEN");
    expect(await codeOf(otherTeamAgent.messages.history({ conversationId: sessionId }))).toBe("FORBIDDEN");
    expect(
      await codeOf(customer.messages.send({ conversationId: sessionId, body: "hi", mentions: [people.ids.otherCustomer] })),
    ).toBe("BAD_REQUEST");
    expect(await messageCount(sessionId)).toBe(before);
  });

  it("refuses messages to a closed session", async () => {
    const session = await customer.conversations.startSession({ subject: "Closing soon" });
    await database.db.update(conversations).set({ status: "closed", closedAt: new Date() }).where(eq(conversations.id, session.id));
    expect(await codeOf(customer.messages.send({ conversationId: session.id, body: "hello?" }))).toBe("PRECONDITION_FAILED");
    expect(await messageCount(session.id)).toBe(0);
  });

  it("stops a blocked person from messaging or reaching the blocker", async () => {
    const direct = await customer.conversations.openDirect({ userId: people.ids.agent });
    await customer.messages.send({ conversationId: direct.id, body: "hi" });
    await database.db.insert(blocks).values({ blockerId: people.ids.agent, blockedId: people.ids.customer });
    expect(await codeOf(customer.messages.send({ conversationId: direct.id, body: "still there?" }))).toBe("FORBIDDEN");
    expect(await codeOf(customer.conversations.createRoom({ name: "Again", memberIds: [people.ids.agent] }))).toBe("FORBIDDEN");
    await database.db.delete(blocks).where(eq(blocks.blockerId, people.ids.agent));
  });

  it("keeps rooms between 2 and 50 people", async () => {
    expect(await codeOf(customer.conversations.createRoom({ name: "Alone", memberIds: [] }))).toBe("BAD_REQUEST");
    const crowd = await database.db
      .insert(users)
      .values(Array.from({ length: 50 }, (_, index) => ({ name: `Member ${index}`, email: `member${index}.${Date.now()}@example.test` })))
      .returning({ id: users.id });
    expect(await codeOf(customer.conversations.createRoom({ name: "Too many", memberIds: crowd.map((row) => row.id) }))).toBe(
      "BAD_REQUEST",
    );
    const room = await customer.conversations.createRoom({ name: "Just right", memberIds: crowd.slice(0, 49).map((row) => row.id) });
    expect(room).toMatchObject({ kind: "group", status: "open", subject: "Just right" });
  });

  it("derives receipts and unread counts from watermarks", async () => {
    const direct = await agent.conversations.openDirect({ userId: people.ids.admin });
    const first = await agent.messages.send({ conversationId: direct.id, body: "one" });
    await agent.messages.send({ conversationId: direct.id, body: "two" });
    expect((await admin.messages.unread()).conversations).toContainEqual({ conversationId: direct.id, unread: 2 });

    await admin.messages.markReceipt({ conversationId: direct.id, seq: first.seq, kind: "read" });
    expect((await admin.messages.unread()).conversations).toContainEqual({ conversationId: direct.id, unread: 1 });
    // Watermarks never go backwards, nor past the last message.
    await admin.messages.markReceipt({ conversationId: direct.id, seq: 0, kind: "read" });
    const after = await admin.messages.markReceipt({ conversationId: direct.id, seq: 999, kind: "read" });
    expect(after).toEqual({ lastDeliveredSeq: 2, lastReadSeq: 2 });
    expect((await admin.messages.unread()).conversations.map((row) => row.conversationId)).not.toContain(direct.id);
    const receipts = await agent.messages.receipts({ conversationId: direct.id });
    expect(receipts).toContainEqual({ userId: people.ids.admin, lastDeliveredSeq: 2, lastReadSeq: 2 });
  });
});
