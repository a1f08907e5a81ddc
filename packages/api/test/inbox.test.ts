import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { sql } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { channels } from "../src/realtime/bus";
import { appRouter } from "../src/root";
import type { InboxBusEvent, InboxEvent } from "../src/services/inbox/inbox-events";
import { UNREAD_COUNT_CEILING } from "../src/services/inbox/unread-counts";
import { createCallerFactory } from "../src/trpc";
import { createTestApi } from "./support/context";
import { createTestIdentities, type PrincipalName, type TestIdentities } from "./support/identities";

type Person = Exclude<PrincipalName, "anonymous" | "apiKeyWithScope" | "apiKeyWithoutScope">;
type Caller = Awaited<ReturnType<ReturnType<typeof createTestApi>["callerFor"]>>;
type EventOf<T extends InboxEvent["type"]> = Extract<InboxEvent, { type: T }>;

describe("inbox", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let api: ReturnType<typeof createTestApi>;
  const callers = {} as Record<Person, Caller>;
  const watchers: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    api = createTestApi(database.db);
    for (const person of ["visitor", "customer", "otherCustomer", "agent", "otherTeamAgent", "admin"] as const) {
      callers[person] = await api.callerFor(await people.headersFor(person));
    }
  });
  afterAll(async () => {
    await Promise.all(watchers.map((watcher) => watcher.stop()));
    await api?.unreadRecounter.flush();
    await database?.dispose();
  });

  /** Subscribes `person` to their inbox as a socket would, and collects what arrives. */
  async function watchInbox(person: Person) {
    const controller = new AbortController();
    const context = await api.createContext({ headers: await people.headersFor(person), ip: "127.0.0.1", transport: "ws" });
    const caller = createCallerFactory(appRouter)(context, { signal: controller.signal });
    const received: InboxEvent[] = [];
    const iterating = (async () => {
      for await (const event of await caller.inbox.events()) received.push(event);
    })();
    await vi.waitFor(() => expect(received[0]?.type).toBe("snapshot"));
    const watcher = {
      received,
      of<T extends InboxEvent["type"]>(type: T) {
        return received.filter((event): event is EventOf<T> => event.type === type);
      },
      async stop() {
        controller.abort();
        await iterating;
      },
    };
    watchers.push(watcher);
    return watcher;
  }

  /** A support session of the support team, assigned by hand to the agent. */
  async function assignedSession(subject: string) {
    const session = await callers.customer.conversations.startSession({ subject, teamId: people.teamIds.support });
    await callers.admin.desk.assign({ sessionId: session.id, agentId: people.ids.agent });
    // The counts its notices ("Ada joined") owe are out before a test starts watching.
    await api.unreadRecounter.flush();
    return session;
  }

  /** Counts as an inbox shows them: a snapshot sets them all, a count changes one conversation and the total. */
  function shownBy(events: InboxEvent[]) {
    const shown = { total: 0, unread: new Map<string, number>() };
    for (const event of events) {
      if (event.type === "snapshot") Object.assign(shown, asShown(event.summary));
      if (event.type === "unread.changed") {
        shown.total = event.total;
        if (event.unread) shown.unread.set(event.conversationId, event.unread);
        else shown.unread.delete(event.conversationId);
      }
    }
    return shown;
  }
  const asShown = (summary: EventOf<"snapshot">["summary"]) => ({
    total: summary.total,
    unread: new Map(summary.conversations.map((row) => [row.conversationId, row.unread])),
  });

  it("tells an agent a session was assigned to them, then counts what is unread in it", async () => {
    const agent = await watchInbox("agent");
    const before = (await callers.agent.inbox.summary()).total;
    const session = await assignedSession("Assigned to Ada");

    await vi.waitFor(() => expect(agent.of("unread.changed").some((event) => event.conversationId === session.id)).toBe(true));
    const added = agent.received.findIndex((event) => event.type === "conversation.added");
    expect(agent.received[added]).toEqual({
      type: "conversation.added",
      conversationId: session.id,
      kind: "support",
      subject: "Assigned to Ada",
      reason: "assigned",
    });
    // The conversation is announced before its first count, so the client knows it by then.
    const firstCount = agent.received.findIndex((event) => event.type === "unread.changed" && event.conversationId === session.id);
    expect(added).toBeLessThan(firstCount);
    // "Ada joined the conversation" is the one unread message so far.
    expect(agent.received[firstCount]).toEqual({ type: "unread.changed", conversationId: session.id, unread: 1, total: before + 1 });
  });

  it("raises the agent's count when the customer writes, and brings it to 0 when the agent reads", async () => {
    const session = await assignedSession("Counting");
    const agent = await watchInbox("agent");
    const customer = await watchInbox("customer");
    const countsOf = (watcher: typeof agent) => watcher.of("unread.changed").filter((event) => event.conversationId === session.id);
    const start = (await callers.agent.inbox.summary()).total;

    await callers.customer.messages.send({ conversationId: session.id, body: "My parcel never came" });
    const sent = await callers.customer.messages.send({ conversationId: session.id, body: "Order 1234" });
    await vi.waitFor(() => expect(countsOf(agent).at(-1)).toMatchObject({ unread: 3, total: start + 2 }));
    // Both messages are counted at once, or each in turn when a recount fell between them.
    expect([[3], [2, 3]]).toContainEqual(countsOf(agent).map((event) => event.unread));
    // Sending marks the conversation read for the sender: their count is 0 there.
    await vi.waitFor(() => expect(countsOf(customer).at(-1)).toMatchObject({ unread: 0 }));

    await callers.agent.messages.markReceipt({ conversationId: session.id, seq: sent.seq, kind: "read" });
    await vi.waitFor(() => expect(countsOf(agent).at(-1)).toEqual({
      type: "unread.changed",
      conversationId: session.id,
      unread: 0,
      total: start - 1,
    }));
    expect((await callers.agent.inbox.summary()).conversations.map((row) => row.conversationId)).not.toContain(session.id);

    // Marking read again moves nothing, and says nothing.
    const heard = countsOf(agent).length;
    await callers.agent.messages.markReceipt({ conversationId: session.id, seq: sent.seq, kind: "read" });
    await callers.agent.messages.markReceipt({ conversationId: session.id, seq: sent.seq, kind: "delivered" });
    expect(countsOf(agent)).toHaveLength(heard);
  });

  it("counts unread up to 999, so that a long backlog costs each new message no more than that", async () => {
    const session = await assignedSession("A long backlog");
    // 1,200 messages from the customer, written as the send path writes them.
    await database.db.execute(sql`
      with counters as (
        update conversations set last_seq = last_seq + 1200, last_event_seq = last_event_seq + 1200
        where id = ${session.id}::uuid returning last_seq - 1200 as seq_before, last_event_seq - 1200 as event_before
      )
      insert into messages (conversation_id, sender_id, type, internal, body, mentions, seq, event_seq)
      select ${session.id}::uuid, ${people.ids.customer}::uuid, 'text', false, 'hello ' || n, '{}',
        seq_before + n, event_before + n
      from counters, generate_series(1, 1200) n`);
    const agent = await watchInbox("agent");

    await callers.customer.messages.send({ conversationId: session.id, body: "Anyone there?" });
    await vi.waitFor(() =>
      expect(agent.of("unread.changed").filter((event) => event.conversationId === session.id).at(-1)?.unread).toBe(UNREAD_COUNT_CEILING),
    );
    const summary = await callers.agent.inbox.summary();
    expect(summary.conversations.find((row) => row.conversationId === session.id)?.unread).toBe(UNREAD_COUNT_CEILING);
    const listed = await callers.agent.conversations.list({ kind: "support" });
    expect(listed.items.find((item) => item.id === session.id)?.unread).toBe(UNREAD_COUNT_CEILING);
  });

  it("sends a mention only to the person named, who also finds it in the summary until read", async () => {
    const room = await callers.agent.conversations.createRoom({
      name: "Escalations",
      memberIds: [people.ids.otherTeamAgent, people.ids.admin],
    });
    const agent = await watchInbox("agent");
    const otherTeamAgent = await watchInbox("otherTeamAgent");
    const admin = await watchInbox("admin");

    const sent = await callers.admin.messages.send({
      conversationId: room.id,
      body: "Ada, could you look at   order\n1234?",
      mentions: [people.ids.agent],
    });
    await vi.waitFor(() => expect(agent.of("mention")).toHaveLength(1));
    expect(agent.of("mention")[0]).toEqual({
      type: "mention",
      conversationId: room.id,
      messageId: sent.id,
      seq: sent.seq,
      sender: { id: people.ids.admin, name: "Ann Admin" },
      excerpt: "Ada, could you look at order 1234?",
      createdAt: sent.createdAt,
    });
    // Everyone else in the room gets the count, not the mention.
    await vi.waitFor(() =>
      expect(otherTeamAgent.of("unread.changed").some((event) => event.conversationId === room.id && event.unread === 1)).toBe(true),
    );
    expect(otherTeamAgent.of("mention")).toEqual([]);
    expect(admin.of("mention")).toEqual([]);

    const summary = await callers.agent.inbox.summary();
    expect(summary.mentions.map((mention) => mention.messageId)).toContain(sent.id);
    expect((await callers.otherTeamAgent.inbox.summary()).mentions).toEqual([]);

    await callers.agent.messages.markReceipt({ conversationId: room.id, seq: sent.seq, kind: "read" });
    expect((await callers.agent.inbox.summary()).mentions.map((mention) => mention.messageId)).not.toContain(sent.id);
  });

  it("never counts a private note for the customer, nor tells them of a mention in one", async () => {
    const session = await assignedSession("Notes stay inside");
    const customer = await watchInbox("customer");
    const agent = await watchInbox("agent");
    const customerBefore = await callers.customer.inbox.summary();

    await callers.agent.messages.send({
      conversationId: session.id,
      body: "Customer sounds upset, be gentle",
      internal: true,
      mentions: [people.ids.customer],
    });
    await callers.admin.messages.send({ conversationId: session.id, body: "Agreed", internal: true });
    // The agent's own note marks the session read for them; the admin's then counts.
    await vi.waitFor(() =>
      expect(agent.of("unread.changed").filter((event) => event.conversationId === session.id).map((event) => event.unread)).toEqual([0, 1]),
    );
    await callers.agent.messages.send({ conversationId: session.id, body: "We are on it!" });

    // The public reply is the first (and only) thing the customer hears about this session.
    await vi.waitFor(() => expect(customer.of("unread.changed").filter((event) => event.conversationId === session.id)).toHaveLength(1));
    const [count] = customer.of("unread.changed").filter((event) => event.conversationId === session.id);
    // "Ada joined", then the public reply: the notes are not among them.
    expect(count).toMatchObject({ unread: customerBefore.conversations.find((row) => row.conversationId === session.id)!.unread + 1 });
    expect(customer.of("mention")).toEqual([]);
    expect((await callers.customer.inbox.summary()).mentions).toEqual([]);
  });

  it("lists a customer's new session and a room someone was added to", async () => {
    const visitor = await watchInbox("visitor");
    const session = await callers.visitor.conversations.startSession({ subject: "Just browsing" });
    await vi.waitFor(() => expect(visitor.of("conversation.added")).toHaveLength(1));
    expect(visitor.of("conversation.added")[0]).toMatchObject({ conversationId: session.id, kind: "support", reason: "opened" });

    const room = await callers.agent.conversations.createRoom({ name: "Shift handover", memberIds: [people.ids.admin] });
    const otherTeamAgent = await watchInbox("otherTeamAgent");
    await callers.agent.conversations.addMembers({ conversationId: room.id, userIds: [people.ids.otherTeamAgent] });
    await vi.waitFor(() => expect(otherTeamAgent.of("unread.changed").some((event) => event.conversationId === room.id)).toBe(true));
    expect(otherTeamAgent.of("conversation.added")).toEqual([
      { type: "conversation.added", conversationId: room.id, kind: "group", subject: "Shift handover", reason: "added" },
    ]);
    // Newcomers read from now on: only the notice of their arrival is unread.
    expect(otherTeamAgent.of("unread.changed").find((event) => event.conversationId === room.id)).toMatchObject({ unread: 1 });
  });

  it("leaves everyone with their true counts after many messages at once, private notes still hidden from the customer", async () => {
    const session = await assignedSession("A busy minute");
    const room = await callers.agent.conversations.createRoom({ name: "Busy room", memberIds: [people.ids.admin] });
    const watchersByPerson = { agent: await watchInbox("agent"), customer: await watchInbox("customer"), admin: await watchInbox("admin") };

    // Sent together: each message's counts are taken while others are being committed.
    await Promise.all([
      ...Array.from({ length: 8 }, (_, n) => callers.customer.messages.send({ conversationId: session.id, body: `Still waiting ${n}` })),
      ...Array.from({ length: 4 }, (_, n) => callers.admin.messages.send({ conversationId: session.id, body: `Note ${n}`, internal: true })),
      ...Array.from({ length: 6 }, (_, n) => callers.admin.messages.send({ conversationId: room.id, body: `Room news ${n}` })),
      callers.agent.messages.send({ conversationId: session.id, body: "Looking into it" }),
    ]);

    // What each person's inbox shows in the end, applying what it heard as the web app does.
    for (const [person, watcher] of Object.entries(watchersByPerson)) {
      const summary = await callers[person as keyof typeof watchersByPerson].inbox.summary();
      await vi.waitFor(() => expect(shownBy(watcher.received)).toEqual(asShown(summary)));
    }
    // The customer's count holds the agent's public reply at most, never the notes.
    const customerCounts = watchersByPerson.customer.of("unread.changed").filter((event) => event.conversationId === session.id);
    expect(Math.max(...customerCounts.map((event) => event.unread))).toBeLessThanOrEqual(2);
  });

  it("starts every subscription with the summary, so a reconnecting client is right at once", async () => {
    const session = await assignedSession("Reconnect");
    await callers.customer.messages.send({ conversationId: session.id, body: "Are you there?" });
    const summary = await callers.agent.inbox.summary();
    expect(summary.conversations.find((row) => row.conversationId === session.id)?.unread).toBe(2);
    // Newest first: the conversation just written to leads.
    expect(summary.conversations[0]?.conversationId).toBe(session.id);
    expect(summary.total).toBe(summary.conversations.reduce((sum, row) => sum + row.unread, 0));

    const agent = await watchInbox("agent");
    expect(agent.received[0]).toEqual({ type: "snapshot", summary });
  });

  it("skips counts the snapshot already has, and sends a new snapshot when counts arrive out of order", async () => {
    const agent = await watchInbox("agent");
    const channel = channels.user(people.ids.agent);
    const stale: InboxBusEvent = { type: "unread.changed", conversationId: crypto.randomUUID(), unread: 9, total: 99, countedAt: 1 };
    await api.bus.publish(channel, stale);

    // A count from after the snapshot passes; one counted before it (but after the snapshot) cannot be trusted.
    const now = Date.now() * 1000;
    const fresh = { ...stale, unread: 1, total: 5, countedAt: now + 2_000_000 };
    await api.bus.publish(channel, fresh);
    await api.bus.publish(channel, { ...fresh, unread: 7, countedAt: now + 1_000_000 });
    // Counts of earlier tests' messages may still come in: only this conversation's matter here.
    const ofThisTest = () => agent.received.filter((event) => event.type === "snapshot" || ("conversationId" in event && event.conversationId === stale.conversationId));
    await vi.waitFor(() => expect(ofThisTest()).toHaveLength(3));
    expect(ofThisTest().slice(1)).toEqual([
      { type: "unread.changed", conversationId: stale.conversationId, unread: 1, total: 5 },
      { type: "snapshot", summary: await callers.agent.inbox.summary() },
    ]);
  });

  it("lowers the count of those who had not read a message that is deleted", async () => {
    const session = await assignedSession("Deleted");
    const sent = await callers.customer.messages.send({ conversationId: session.id, body: "wrong chat, sorry" });
    const agent = await watchInbox("agent");
    await callers.customer.messages.delete({ messageId: sent.id });
    await vi.waitFor(() =>
      expect(agent.of("unread.changed").filter((event) => event.conversationId === session.id).at(-1)).toMatchObject({ unread: 1 }),
    );
  });

  it("keeps the inbox to signed-in people", async () => {
    const anonymous = await api.callerFor(new Headers());
    await expect(anonymous.inbox.summary()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const integration = await api.callerFor(await people.headersFor("apiKeyWithScope"));
    await expect(integration.inbox.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
