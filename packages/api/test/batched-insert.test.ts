import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, messages, sql, type Database, type Transaction } from "@parley/db";
import type { TestDatabase } from "@parley/db/testing";

import { BatchedInsert, type QueuedInsert } from "../src/services/messages/batched-insert";
import type { InsertedMessage } from "../src/services/messages/insert-message";
import type { TestIdentities } from "./support/identities";
import { createTestWorld, type TestCaller } from "./support/world";

describe("sends written together", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let customer: TestCaller, agent: TestCaller, admin: TestCaller;

  beforeAll(async () => {
    const world = await createTestWorld();
    ({ database, people } = world);
    [customer, agent, admin] = await Promise.all([world.callerOf("customer"), world.callerOf("agent"), world.callerOf("admin")]);
  });
  afterAll(() => database?.dispose());

  it("numbers every conversation's messages without a gap when many arrive at once", async () => {
    const sessions: { id: string }[] = [];
    for (const subject of ["one", "two", "three"]) {
      const session = await customer.conversations.startSession({ subject, teamId: people.teamIds.support });
      await admin.desk.assign({ sessionId: session.id, agentId: people.ids.agent });
      // The desk's first reply is noted in its own transaction: out of the way first.
      await agent.messages.send({ conversationId: session.id, body: "Hello!" });
      sessions.push(session);
    }
    const sent = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        (index % 2 ? agent : customer).messages.send({ conversationId: sessions[index % 3]!.id, body: `burst ${index}`, clientId: `burst-${String(index).padStart(4, "0")}` }),
      ),
    );
    expect(new Set(sent.map((message) => message.id)).size).toBe(60);
    for (const session of sessions) {
      const rows = await database.db.select({ seq: messages.seq }).from(messages).where(eq(messages.conversationId, session.id));
      const seqs = rows.map((row) => row.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
  });

  it("writes a batch in one transaction, and each message alone when that transaction fails", async () => {
    const executors: string[] = [];
    const batched = new BatchedInsert(database.db, async (executor: Database | Transaction, queued: QueuedInsert) => {
      executors.push(executor === database.db ? "alone" : "batch");
      // Fails in the batch and alone: a statement the database refuses.
      if (queued.message.body === "bad") await executor.execute(sql`select 1 / 0`);
      return { message: { id: queued.message.body }, created: true } as unknown as InsertedMessage;
    });
    const queued = (body: string, conversationId: string): QueuedInsert => ({
      message: { conversationId, senderId: null, type: "text", internal: false, body, replyToId: null, mentions: [], clientId: null, data: null },
      admits: sql`true`,
    });

    const good = await Promise.all(["b", "a", "c"].map((body, index) => batched.insert(queued(body, `0000000${index}-0000-4000-8000-000000000000`))));
    expect(good.map((result) => result?.message.id)).toEqual(["b", "a", "c"]);
    expect(executors).toEqual(["batch", "batch", "batch"]);

    executors.splice(0);
    const outcomes = await Promise.allSettled(["x", "bad", "y"].map((body) => batched.insert(queued(body, "00000000-0000-4000-8000-000000000000"))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(executors.filter((kind) => kind === "alone")).toHaveLength(3);
  });
});
