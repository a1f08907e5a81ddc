import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RouterOutputs } from "@parley/api";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { createTestIdentities, sessionCookieFor, type TestIdentities } from "../../../packages/api/test/support/identities";
import { httpClient, socketClient } from "./support/clients";
import { waitUntil } from "./support/collect";
import { startInProcessServer } from "./support/in-process-server";
import { hasSharedServers } from "./support/two-processes";
import { twoServerProcessesPerSuite } from "./support/two-processes-per-suite";

type InboxEvent = RouterOutputs["inbox"]["events"] extends AsyncIterable<infer E> ? E : never;

/** Subscribes to the signed-in person's inbox over the socket and keeps what arrives. */
function watchInbox(client: ReturnType<typeof socketClient>["client"]) {
  const received: InboxEvent[] = [];
  const subscription = client.inbox.events.subscribe(undefined, { onData: (event) => received.push(event) });
  const countsFor = (conversationId: string) =>
    received.flatMap((event) => (event.type === "unread.changed" && event.conversationId === conversationId ? [event] : []));
  return { received, countsFor, stop: () => subscription.unsubscribe() };
}

describe("the inbox over WebSocket", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let server: Awaited<ReturnType<typeof startInProcessServer>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    server = await startInProcessServer(database);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it("starts with a snapshot and hears the unread count rise when someone else posts", async () => {
    const admin = httpClient(server.url, { cookie: await sessionCookieFor(people.ids.admin) });
    const customer = httpClient(server.url, { cookie: await sessionCookieFor(people.ids.customer) });
    const agent = socketClient(server.url, { cookie: await sessionCookieFor(people.ids.agent) });
    try {
      const inbox = watchInbox(agent.client);
      await waitUntil(() => inbox.received.length > 0, "the snapshot");
      expect(inbox.received[0]).toEqual({ type: "snapshot", summary: { total: 0, conversations: [], mentions: [] } });

      const session = await customer.conversations.startSession.mutate({ subject: "Over the wire", teamId: people.teamIds.support });
      await admin.desk.assign.mutate({ sessionId: session.id, agentId: people.ids.agent });
      await customer.messages.send.mutate({ conversationId: session.id, body: "Hello from the other side" });

      await waitUntil(() => inbox.countsFor(session.id).at(-1)?.unread === 2, "the agent's count to reach 2");
      expect(inbox.received.find((event) => event.type === "conversation.added")).toMatchObject({
        conversationId: session.id,
        reason: "assigned",
      });
      expect(inbox.countsFor(session.id).at(-1)).toEqual({ type: "unread.changed", conversationId: session.id, unread: 2, total: 2 });
      inbox.stop();
    } finally {
      agent.close();
    }
  });
});

describe.runIf(hasSharedServers)("the inbox across two server processes", () => {
  const servers = twoServerProcessesPerSuite();

  it("delivers to an inbox on one process the count of a message posted through the other", async () => {
    const { people, first, second } = servers();
    const agent = socketClient(first.url, { cookie: await sessionCookieFor(people.ids.agent) });
    const customer = httpClient(second.url, { cookie: await sessionCookieFor(people.ids.customer) });
    const admin = httpClient(second.url, { cookie: await sessionCookieFor(people.ids.admin) });
    try {
      const inbox = watchInbox(agent.client);
      await waitUntil(() => inbox.received.length > 0, "the snapshot");
      const session = await customer.conversations.startSession.mutate({ subject: "Across", teamId: people.teamIds.support });
      await admin.desk.assign.mutate({ sessionId: session.id, agentId: people.ids.agent });
      await customer.messages.send.mutate({ conversationId: session.id, body: "sent through the second process" });
      await waitUntil(() => inbox.countsFor(session.id).at(-1)?.unread === 2, "the count across processes");
      expect(inbox.received.some((event) => event.type === "conversation.added" && event.conversationId === session.id)).toBe(true);
      inbox.stop();
    } finally {
      agent.close();
    }
  });
});
