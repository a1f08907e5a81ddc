import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { conversations, eq, messages, sql } from "@parley/db";
import type { TestDatabase } from "@parley/db/testing";

import { BatchedInsert } from "../src/services/messages/batched-insert";
import type { InsertedMessage } from "../src/services/messages/insert-message";
import { insertMessages, type MessageToInsert } from "../src/services/messages/insert-statement";
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

  it("writes a batch in one statement, and each message alone when that statement fails", async () => {
    const calls: string[][] = [];
    const batched = new BatchedInsert(database.db, async (db, rows) => {
      calls.push(rows.map((row) => row.body));
      // Fails in the batch and alone: a statement the database refuses.
      if (rows.some((row) => row.body === "bad")) await db.execute(sql`select 1 / 0`);
      return rows.map((row) => ({ message: { id: row.body }, created: true }) as unknown as InsertedMessage);
    });

    const good = await Promise.all(["b", "a", "c"].map((body) => batched.insert(rowOf(body))));
    expect(good.map((result) => result?.message.id)).toEqual(["b", "a", "c"]);
    expect(calls).toEqual([["b", "a", "c"]]);

    calls.splice(0);
    const outcomes = await Promise.allSettled(["x", "bad", "y"].map((body) => batched.insert(rowOf(body))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(calls).toEqual([["x", "bad", "y"], ["x"], ["bad"], ["y"]]);
  });

  it("sends a client id repeated within a batch once, and answers the repeats with its message", async () => {
    const calls: string[][] = [];
    const batched = new BatchedInsert(database.db, async (_db, rows) => {
      calls.push(rows.map((row) => row.body));
      return rows.map((row) => ({ message: { id: row.body }, created: true }) as unknown as InsertedMessage);
    });
    const results = await Promise.all([
      batched.insert(rowOf("first", "retried")),
      batched.insert(rowOf("other")),
      batched.insert(rowOf("again", "retried")),
    ]);
    expect(calls).toEqual([["first", "other"]]);
    expect(results).toEqual([
      { message: { id: "first" }, created: true },
      { message: { id: "other" }, created: true },
      { message: { id: "first" }, created: false },
    ]);
  });

  it("answers each message of a statement on its own: new, repeated or refused", async () => {
    const session = await customer.conversations.startSession({ subject: "Mixed batch", teamId: people.teamIds.support });
    await admin.desk.assign({ sessionId: session.id, agentId: people.ids.agent });
    await agent.messages.send({ conversationId: session.id, body: "Hello!" });
    const earlier = await customer.messages.send({ conversationId: session.id, body: "sent before", clientId: "earlier-send" });
    const asCustomer = { isCustomer: true, mayBeFirstResponse: false };
    const message = (body: string, senderId: string, clientId: string | null = null) => ({
      ...rowOf(body, clientId),
      conversationId: session.id,
      senderId,
    });

    const results = await insertMessages(database.db, [
      { ...message("one", people.ids.customer), poster: asCustomer },
      { ...message("not theirs", people.ids.otherCustomer), poster: asCustomer },
      { ...message("sent again", people.ids.customer, "earlier-send"), poster: asCustomer },
      { ...message("two", people.ids.agent), poster: { isCustomer: false, mayBeFirstResponse: true } },
      { ...message("nowhere", people.ids.customer), conversationId: "00000000-0000-4000-8000-000000000000" },
    ]);

    expect(results.map((result) => result && { body: result.message.body, seq: result.message.seq, created: result.created })).toEqual([
      { body: "one", seq: earlier.seq + 1, created: true },
      null,
      { body: "sent before", seq: earlier.seq, created: false },
      { body: "two", seq: earlier.seq + 2, created: true },
      null,
    ]);
    const rows = await database.db.select({ body: messages.body, seq: messages.seq }).from(messages).where(eq(messages.conversationId, session.id));
    const written = rows.filter((row) => row.seq > earlier.seq).sort((a, b) => a.seq - b.seq);
    expect(written).toEqual([{ body: "one", seq: earlier.seq + 1 }, { body: "two", seq: earlier.seq + 2 }]);
    const [conversation] = await database.db
      .select({ lastSeq: conversations.lastSeq })
      .from(conversations)
      .where(eq(conversations.id, session.id));
    expect(conversation!.lastSeq).toBe(earlier.seq + 2);
  });
});

function rowOf(body: string, clientId: string | null = null): MessageToInsert {
  return {
    conversationId: "00000000-0000-4000-8000-000000000000",
    senderId: null,
    type: "text",
    internal: false,
    body,
    replyToId: null,
    mentions: [],
    clientId,
    data: null,
  };
}
