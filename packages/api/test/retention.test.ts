import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { archivedMessages, asc, attachments, count, eq, messages } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { archiveOldMessages } from "../src/services/retention/archive-messages";
import { readAllMessages } from "../src/services/messages/read-all-messages";
import { createTestApi } from "./support/context";
import { createTestIdentities, type TestIdentities } from "./support/identities";

const DAY_MS = 24 * 60 * 60_000;

describe("message retention", () => {
  let database: TestDatabase;
  let api: ReturnType<typeof createTestApi>;
  let people: TestIdentities;
  type Caller = Awaited<ReturnType<ReturnType<typeof createTestApi>["callerFor"]>>;
  let customer: Caller, agent: Caller;
  let sessionId: string;
  const now = new Date();

  /** Sends `total` messages, then dates the first `old` of them `ageDays` back. */
  async function conversationWithOldMessages(total: number, old: number, ageDays: number) {
    for (let i = 1; i <= total; i++) {
      await (i % 2 ? customer : agent).messages.send({ conversationId: sessionId, body: `message ${i}`, internal: i === 2 });
    }
    const rows = await database.db.select({ id: messages.id, seq: messages.seq }).from(messages).where(eq(messages.conversationId, sessionId));
    for (const row of rows.filter((row) => row.seq <= old)) {
      await database.db
        .update(messages)
        .set({ createdAt: new Date(now.getTime() - ageDays * DAY_MS + row.seq * 1000) })
        .where(eq(messages.id, row.id));
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    api = createTestApi(database.db);
    customer = await api.callerFor(await people.headersFor("customer"));
    agent = await api.callerFor(await people.headersFor("agent"));
    const session = await customer.conversations.startSession({ subject: "An old order", teamId: people.teamIds.support });
    sessionId = session.id;
    await conversationWithOldMessages(12, 7, 120);
    // The first message carried a file: it must follow its message to the archive.
    const [first] = await database.db.select().from(messages).where(eq(messages.seq, 1));
    await database.db.insert(attachments).values({
      conversationId: sessionId,
      messageId: first!.id,
      storageKey: "retention-test/receipt.pdf",
      fileName: "receipt.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1234,
      sha256: "0".repeat(64),
    });
  });
  afterAll(async () => {
    await api?.unreadRecounter.flush();
    await database?.dispose();
  });

  it("moves messages past the age out of the live table in batches, and only those", async () => {
    const liveBefore = await database.db.select({ n: count() }).from(messages).where(eq(messages.conversationId, sessionId));
    const run = await archiveOldMessages(database.db, { olderThan: new Date(now.getTime() - 90 * DAY_MS), batchSize: 3 });
    expect(run).toEqual({ archived: 7, batches: 3 });

    const live = await database.db.select({ seq: messages.seq }).from(messages).where(eq(messages.conversationId, sessionId)).orderBy(asc(messages.seq));
    expect(live.map((row) => row.seq)).toEqual([8, 9, 10, 11, 12]);
    expect(liveBefore[0]!.n - live.length).toBe(7);
    const archived = await database.db.select().from(archivedMessages).orderBy(asc(archivedMessages.seq));
    expect(archived.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(archived[1]!.internal).toBe(true);
    expect(archived[0]!.body).toBe("message 1");

    // A second run finds nothing more to do.
    expect(await archiveOldMessages(database.db, { olderThan: new Date(now.getTime() - 90 * DAY_MS) })).toEqual({ archived: 0, batches: 1 });
  });

  it("keeps archived messages out of history but in the transcript, notes still only for agents", async () => {
    const history = await customer.messages.history({ conversationId: sessionId, limit: 50 });
    expect(history.items.every((message) => message.seq >= 8)).toBe(true);

    const forAgent = await agent.desk.transcript({ sessionId });
    expect(forAgent.transcript.lines.map((line) => line.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(forAgent.text).toContain("message 1");

    const forCustomer = await customer.desk.transcript({ sessionId });
    expect(forCustomer.transcript.lines.map((line) => line.seq)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(forCustomer.text).not.toContain("message 2\n");
  });

  it("keeps an archived message's attachments with it", async () => {
    const all = await readAllMessages(database.db, sessionId, true);
    expect(all[0]!.attachments.map((file) => file.fileName)).toEqual(["receipt.pdf"]);
    expect(all.slice(1).every((message) => message.attachments.length === 0)).toBe(true);
  });

  it("archives each message once when several servers run it at the same moment", async () => {
    const other = await customer.conversations.startSession({ subject: "Another old order", teamId: people.teamIds.support });
    sessionId = other.id;
    await conversationWithOldMessages(30, 30, 200);

    const runs = await Promise.all(
      Array.from({ length: 3 }, () => archiveOldMessages(database.db, { olderThan: new Date(now.getTime() - 90 * DAY_MS), batchSize: 4 })),
    );
    expect(runs.reduce((sum, run) => sum + run.archived, 0)).toBe(30);
    const archived = await database.db.select({ seq: archivedMessages.seq }).from(archivedMessages).where(eq(archivedMessages.conversationId, sessionId));
    expect(archived.map((row) => row.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const live = await database.db.select({ n: count() }).from(messages).where(eq(messages.conversationId, sessionId));
    expect(live[0]!.n).toBe(0);
  });
});
