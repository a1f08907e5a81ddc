import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RouterOutputs } from "@parley/api";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import {
  createTestIdentities,
  sessionCookieFor,
  type TestIdentities,
} from "../../../packages/api/test/support/identities";
import { httpClient, socketClient } from "./support/clients";
import { waitUntil } from "./support/collect";
import { startInProcessServer } from "./support/in-process-server";
import { hasSharedServers } from "./support/two-processes";
import { twoServerProcessesPerSuite } from "./support/two-processes-per-suite";

type ConversationEvent = (RouterOutputs["messages"]["events"] extends AsyncIterable<infer E> ? E : never)["data"];

function watch(client: ReturnType<typeof socketClient>["client"], conversationId: string, lastEventId?: string) {
  const received: ConversationEvent[] = [];
  let onStarted!: () => void;
  /** The server has said the subscription started: from then on nothing sent is missed. */
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const subscription = client.messages.events.subscribe(
    { conversationId, lastEventId },
    { onStarted, onData: (event) => received.push(event.data) },
  );
  const messages = () => received.flatMap((event) => (event.type === "message" ? [event.message] : []));
  return { received, messages, started, stop: () => subscription.unsubscribe() };
}

describe("realtime messaging over WebSocket", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let server: Awaited<ReturnType<typeof startInProcessServer>>;
  let cookies: Record<"customer" | "agent", string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    server = await startInProcessServer(database);
    cookies = {
      customer: await sessionCookieFor(people.ids.customer),
      agent: await sessionCookieFor(people.ids.agent),
    };
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it("delivers messages both ways live, with typing and read receipts", async () => {
    const customer = socketClient(server.url, { cookie: cookies.customer });
    const agent = socketClient(server.url, { cookie: cookies.agent });
    try {
      const session = await customer.client.conversations.startSession.mutate({ subject: "Live chat", teamId: people.teamIds.support });
      const customerSees = watch(customer.client, session.id);
      const agentSees = watch(agent.client, session.id);
      await Promise.all([customerSees.started, agentSees.started]);

      await customer.client.messages.send.mutate({ conversationId: session.id, body: "Hello, anyone there?" });
      await waitUntil(() => agentSees.messages().length === 1, "the agent to see the customer's message");
      expect(agentSees.messages()[0]).toMatchObject({ body: "Hello, anyone there?", senderId: people.ids.customer, seq: 1 });

      await agent.client.messages.typing.mutate({ conversationId: session.id, typing: true });
      await waitUntil(
        () => customerSees.received.some((event) => event.type === "typing" && event.userId === people.ids.agent && event.typing),
        "the customer to see the agent typing",
      );

      await agent.client.messages.send.mutate({ conversationId: session.id, body: "Hi! Let me look." });
      await waitUntil(() => customerSees.messages().length === 2, "the customer to see the agent's reply");

      await customer.client.messages.markReceipt.mutate({ conversationId: session.id, seq: 2, kind: "read" });
      await waitUntil(
        () => agentSees.received.some((event) => event.type === "receipt" && event.userId === people.ids.customer && event.lastReadSeq === 2),
        "the agent to see the read receipt",
      );
      customerSees.stop();
      agentSees.stop();
    } finally {
      customer.close();
      agent.close();
    }
  });

  it("never sends a private note to the customer's socket", async () => {
    const customer = socketClient(server.url, { cookie: cookies.customer });
    const agent = socketClient(server.url, { cookie: cookies.agent });
    try {
      const session = await customer.client.conversations.startSession.mutate({ subject: "Notes", teamId: people.teamIds.support });
      const customerSees = watch(customer.client, session.id);
      const agentSees = watch(agent.client, session.id);
      await Promise.all([customerSees.started, agentSees.started]);
      await agent.client.messages.send.mutate({ conversationId: session.id, body: "internal only", internal: true });
      await agent.client.messages.send.mutate({ conversationId: session.id, body: "public reply" });
      await waitUntil(() => agentSees.messages().length === 2 && customerSees.messages().length === 1, "both sides");
      expect(customerSees.messages().map((message) => message.body)).toEqual(["public reply"]);
    } finally {
      customer.close();
      agent.close();
    }
  });

  it("resumes after a dropped connection with every message exactly once, in order", async () => {
    const customer = socketClient(server.url, { cookie: cookies.customer, reconnect: true });
    const agentHttp = httpClient(server.url, { cookie: cookies.agent });
    try {
      const session = await customer.client.conversations.startSession.mutate({ subject: "Resume", teamId: people.teamIds.support });
      const customerSees = watch(customer.client, session.id);
      await customerSees.started;

      const sending = (async () => {
        for (let index = 1; index <= 200; index++) {
          await agentHttp.messages.send.mutate({ conversationId: session.id, body: `update ${index}` });
        }
      })();
      await waitUntil(() => customerSees.messages().length >= 20, "some messages before the drop");
      // Cut the connection under the subscription; the client reconnects and resends its last event id.
      customer.socket.connection!.ws.close();
      await sending;

      await waitUntil(() => customerSees.messages().length >= 200, "all 200 messages", 20_000);
      await new Promise((resolve) => setTimeout(resolve, 200)); // nothing more should arrive
      expect(customer.events.opens).toBeGreaterThanOrEqual(2);
      expect(customerSees.messages().map((message) => message.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      customerSees.stop();
    } finally {
      customer.close();
    }
  });
});

describe.runIf(hasSharedServers)("two server processes sharing Redis", () => {
  const servers = twoServerProcessesPerSuite();

  it("delivers to a socket on one process what is sent through the other", async () => {
    const { people, first, second } = servers();
    const customer = socketClient(first.url, { cookie: await sessionCookieFor(people.ids.customer) });
    const agent = httpClient(second.url, { cookie: await sessionCookieFor(people.ids.agent) });
    try {
      const session = await customer.client.conversations.startSession.mutate({ subject: "Across", teamId: people.teamIds.support });
      const customerSees = watch(customer.client, session.id);
      await customerSees.started; // listening through Redis too
      await agent.messages.send.mutate({ conversationId: session.id, body: "sent through the second process" });
      await waitUntil(() => customerSees.messages().length === 1, "the message across processes");
      expect(customerSees.messages()[0]!.body).toBe("sent through the second process");
    } finally {
      customer.close();
    }
  });

  it("shares presence: someone online on one process is online on the other", async () => {
    const { people, first, second } = servers();
    const watcher = socketClient(second.url, { cookie: await sessionCookieFor(people.ids.admin) });
    const statuses: string[] = [];
    const watching = watcher.client.presence.watch.subscribe(
      { userIds: [people.ids.agent] },
      { onData: (change) => statuses.push(change.status) },
    );
    try {
      await waitUntil(() => statuses.length === 1, "the current status");
      expect(statuses).toEqual(["offline"]);

      const agent = socketClient(first.url, { cookie: await sessionCookieFor(people.ids.agent) });
      await agent.client.auth.me.query(); // the connection is open and signed in
      await waitUntil(() => statuses.includes("online"), "the agent to come online on the other process");
      const [seen] = await httpClient(second.url, { cookie: await sessionCookieFor(people.ids.admin) }).presence.of.query({
        userIds: [people.ids.agent],
      });
      expect(seen!.status).toBe("online");

      agent.close();
      await waitUntil(() => statuses.at(-1) === "offline", "the agent to go offline everywhere");
    } finally {
      watching.unsubscribe();
      watcher.close();
    }
  });
});
