import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { TestDatabase } from "@parley/db/testing";

import { channels } from "../src/realtime/bus";
import { MemoryBus } from "../src/realtime/memory-bus";
import type { InboxBusEvent } from "../src/services/inbox/inbox-events";
import { readUnreadByConversation, readUnreadOfPeople } from "../src/services/inbox/unread-counts";
import { UnreadRecounter } from "../src/services/inbox/unread-recounter";
import type { MessageView } from "../src/services/messages/message-view";
import type { TestIdentities } from "./support/identities";
import { createTestWorld, type TestCaller } from "./support/world";

// The real counting, watched: whose counts a recount reads.
vi.mock("../src/services/inbox/unread-counts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/services/inbox/unread-counts")>();
  return { ...original, readUnreadOfPeople: vi.fn(original.readUnreadOfPeople) };
});

type Person = "customer" | "agent" | "admin";

/** The recounter alone, on its own bus, fed the messages the API sends: what each person hears per recount. */
describe("unread recounts after new messages", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  const callers = {} as Record<Person, TestCaller>;
  let bus: MemoryBus;
  let recounter: UnreadRecounter;
  const heard = new Map<Person, InboxBusEvent[]>();
  const failures: unknown[] = [];

  beforeAll(async () => {
    const world = await createTestWorld();
    ({ database, people } = world);
    for (const person of ["customer", "agent", "admin"] as const) callers[person] = await world.callerOf(person);
    bus = new MemoryBus();
    // A window no test waits out: recounts happen when the test flushes.
    recounter = new UnreadRecounter({ db: database.db, bus }, { onError: (error) => failures.push(error), windowMs: 60_000 });
    for (const person of ["customer", "agent", "admin"] as const) {
      heard.set(person, []);
      await bus.subscribe(channels.user(people.ids[person]), (event) => heard.get(person)!.push(event as InboxBusEvent));
    }
  });
  afterAll(async () => {
    await bus.close();
    await database?.dispose();
  });

  const countsFor = (person: Person, conversationId: string) =>
    heard.get(person)!.filter((event) => event.type === "unread.changed" && event.conversationId === conversationId);
  const clearHeard = () => heard.forEach((events) => events.splice(0));
  const fed = (message: MessageView) => {
    recounter.afterMessage(message);
    return message;
  };

  async function assignedSession(subject: string) {
    const session = await callers.customer.conversations.startSession({ subject, teamId: people.teamIds.support });
    await callers.admin.desk.assign({ sessionId: session.id, agentId: people.ids.agent });
    return session;
  }

  it("tells each person their true counts once per recount, however many messages it covers", async () => {
    const first = await assignedSession("Two at once");
    const second = await assignedSession("And another");
    clearHeard();
    for (const [index, conversation] of [first, second, first, first].entries()) {
      fed(await callers.customer.messages.send({ conversationId: conversation.id, body: `message ${index}` }));
    }
    await recounter.flush();

    const agentTruth = await readUnreadByConversation(database.db, people.ids.agent);
    for (const conversation of [first, second]) {
      const counts = countsFor("agent", conversation.id);
      expect(counts).toHaveLength(1);
      expect(counts[0]).toMatchObject({
        unread: agentTruth.conversations.find((row) => row.conversationId === conversation.id)!.unread,
        total: agentTruth.total,
      });
      // Sending marked it read for the customer, who hears so.
      expect(countsFor("customer", conversation.id)).toEqual([expect.objectContaining({ unread: 0 })]);
    }
    expect(failures).toEqual([]);
  });

  it("leaves customers out of a recount of private notes only, and tells the staff", async () => {
    const session = await assignedSession("Notes only");
    await recounter.flush();
    clearHeard();
    fed(await callers.agent.messages.send({ conversationId: session.id, body: "between us", internal: true }));
    fed(await callers.admin.messages.send({ conversationId: session.id, body: "agreed", internal: true }));
    await recounter.flush();

    expect(countsFor("customer", session.id)).toEqual([]);
    // The agent wrote the first note, so the admin's is the one unread for them.
    expect(countsFor("agent", session.id)).toEqual([expect.objectContaining({ unread: 1 })]);
    // The admin wrote without joining: not a participant, so no count of theirs changed.
    expect(countsFor("admin", session.id)).toEqual([]);
    expect(failures).toEqual([]);
  });

  it("recounts by itself once the window has passed", async () => {
    const session = await assignedSession("On its own");
    const quick = new UnreadRecounter({ db: database.db, bus }, { onError: (error) => failures.push(error), windowMs: 20 });
    clearHeard();
    quick.afterMessage(await callers.customer.messages.send({ conversationId: session.id, body: "anyone?" }));
    await expect.poll(() => countsFor("agent", session.id).length).toBe(1);
    expect(failures).toEqual([]);
  });

  it("counts only the people whose inbox is open", async () => {
    const session = await assignedSession("Nobody watching");
    await recounter.flush();
    const closed = new MemoryBus();
    const watching = new UnreadRecounter({ db: database.db, bus: closed }, { onError: (error) => failures.push(error), windowMs: 60_000 });
    const counted = vi.mocked(readUnreadOfPeople);

    counted.mockClear();
    watching.afterMessage(await callers.customer.messages.send({ conversationId: session.id, body: "hello?" }));
    await watching.flush();
    expect(counted).not.toHaveBeenCalled();

    // The agent opens their inbox: only they are counted, and told.
    const told: InboxBusEvent[] = [];
    const stop = await closed.subscribe(channels.user(people.ids.agent), (event) => told.push(event as InboxBusEvent));
    watching.afterMessage(await callers.customer.messages.send({ conversationId: session.id, body: "still there?" }));
    await watching.flush();
    stop();
    expect(counted).toHaveBeenCalledTimes(1);
    expect(counted.mock.calls[0]![1]).toEqual([people.ids.agent]);
    const truth = await readUnreadByConversation(database.db, people.ids.agent);
    expect(told).toEqual([
      expect.objectContaining({ type: "unread.changed", conversationId: session.id, total: truth.total }),
    ]);
    expect(failures).toEqual([]);
  });
});
