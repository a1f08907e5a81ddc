import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RouterOutputs } from "@parley/api";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { createTestIdentities, sessionCookieFor, type TestIdentities } from "../../../packages/api/test/support/identities";
import { httpClient, socketClient } from "./support/clients";
import { waitUntil } from "./support/collect";
import { startInProcessServer } from "./support/in-process-server";

type ConversationEvent = (RouterOutputs["messages"]["events"] extends AsyncIterable<infer E> ? E : never)["data"];

/** A word only the note contains, so any path that leaks it is caught by a plain text search. */
const SECRET = "zanzibarquill";

/**
 * Private notes are for agents. A customer must not get one by any path: live events,
 * a replay after reconnecting, history, REST, search, the transcript, unread counts,
 * nor by the note being edited or deleted afterwards.
 */
describe("private notes, over every path a customer has", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let server: Awaited<ReturnType<typeof startInProcessServer>>;
  let customerCookie: string;
  let agentCookie: string;
  let sessionId: string;
  let noteId: string;
  let liveToCustomer: ConversationEvent[];
  let stopLive: () => void;
  let closeSockets: () => void;

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    server = await startInProcessServer(database);
    customerCookie = await sessionCookieFor(people.ids.customer);
    agentCookie = await sessionCookieFor(people.ids.agent);

    const customer = socketClient(server.url, { cookie: customerCookie });
    const agent = socketClient(server.url, { cookie: agentCookie });
    closeSockets = () => (customer.close(), agent.close());
    const session = await customer.client.conversations.startSession.mutate({ subject: "Refund", teamId: people.teamIds.support });
    sessionId = session.id;

    liveToCustomer = [];
    let onStarted!: () => void;
    const started = new Promise<void>((resolve) => (onStarted = resolve));
    const subscription = customer.client.messages.events.subscribe(
      { conversationId: sessionId },
      { onStarted, onData: (event) => liveToCustomer.push(event.data) },
    );
    stopLive = () => subscription.unsubscribe();
    await started; // listening: nothing sent from now on is missed

    await customer.client.messages.send.mutate({ conversationId: sessionId, body: "I want my money back" });
    const note = await agent.client.messages.send.mutate({
      conversationId: sessionId,
      body: `${SECRET}: check with @billing before promising`,
      internal: true,
    });
    noteId = note.id;
    await agent.client.messages.edit.mutate({ messageId: noteId, body: `${SECRET}: checked, refund is fine` });
    await agent.client.messages.send.mutate({ conversationId: sessionId, body: "Your refund is on its way." });
    await agent.client.messages.delete.mutate({ messageId: noteId });
    await waitUntil(
      () => liveToCustomer.filter((event) => event.type === "message").length === 2,
      "the customer to see their message and the agent's reply",
    );
    await agent.client.desk.close.mutate({ sessionId, resolutionNote: `${SECRET} refund approved` });
  });
  afterAll(async () => {
    stopLive?.();
    closeSockets?.();
    await server?.close();
    await database?.dispose();
  });

  it("sends nothing of the note live: not its creation, edit or deletion", async () => {
    expect(JSON.stringify(liveToCustomer)).not.toContain(SECRET);
    expect(JSON.stringify(liveToCustomer)).not.toContain(noteId);
  });

  it("leaves it out of a replay from the start", async () => {
    const customer = socketClient(server.url, { cookie: customerCookie });
    try {
      const replayed: ConversationEvent[] = [];
      const subscription = customer.client.messages.events.subscribe(
        { conversationId: sessionId, lastEventId: "0" },
        { onData: (event) => replayed.push(event.data) },
      );
      await waitUntil(() => replayed.filter((event) => event.type === "message").length >= 2, "the replay");
      subscription.unsubscribe();
      expect(JSON.stringify(replayed)).not.toContain(noteId);
    } finally {
      customer.close();
    }
  });

  it("leaves it out of history over tRPC and REST, while the agent sees it", async () => {
    const customer = httpClient(server.url, { cookie: customerCookie });
    const history = await customer.messages.history.query({ conversationId: sessionId, limit: 100 });
    expect(history.items.map((message) => message.id)).not.toContain(noteId);

    const rest = await fetch(`${server.url}/api/v1/conversations/${sessionId}/messages`, { headers: { cookie: customerCookie } });
    expect(rest.status).toBe(200);
    const restText = await rest.text();
    expect(restText).toContain("Your refund is on its way.");
    expect(restText).not.toContain(noteId);

    const agentHistory = await httpClient(server.url, { cookie: agentCookie }).messages.history.query({ conversationId: sessionId, limit: 100 });
    expect(agentHistory.items.map((message) => message.id)).toContain(noteId);
  });

  it("finds nothing of it in search", async () => {
    const customer = httpClient(server.url, { cookie: customerCookie });
    expect((await customer.search.messages.query({ q: SECRET, limit: 50 })).items).toEqual([]);
    const agent = httpClient(server.url, { cookie: agentCookie });
    // Deleted, so the agent no longer finds it either; before that it was searchable to them.
    expect((await agent.search.messages.query({ q: SECRET, limit: 50 })).items).toEqual([]);
  });

  it("keeps it and the resolution note out of the customer's transcript", async () => {
    const customer = httpClient(server.url, { cookie: customerCookie });
    const transcript = await customer.desk.transcript.query({ sessionId });
    expect(JSON.stringify(transcript)).not.toContain(SECRET);
    expect(transcript.text).toContain("Your refund is on its way.");

    const forAgent = await httpClient(server.url, { cookie: agentCookie }).desk.transcript.query({ sessionId });
    expect(forAgent.transcript.lines.some((line) => line.internal)).toBe(true);
    expect(forAgent.transcript.session.resolutionNote).toContain(SECRET);
  });

  it("does not count it as unread for the customer", async () => {
    const customer = httpClient(server.url, { cookie: customerCookie });
    const unread = await customer.messages.unread.query();
    const forSession = unread.conversations.find((row) => row.conversationId === sessionId);
    // What the customer can see from others (the reply, the closing notice), and nothing for the note.
    const visible = await customer.messages.history.query({ conversationId: sessionId, limit: 100 });
    const fromOthers = visible.items.filter((message) => message.senderId !== people.ids.customer);
    expect(fromOthers.map((message) => message.body)).toContain("Your refund is on its way.");
    expect(forSession?.unread).toBe(fromOthers.length);
  });
});
