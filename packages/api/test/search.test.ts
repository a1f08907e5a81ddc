import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { conversations, eq } from "@parley/db";
import type { TestDatabase } from "@parley/db/testing";

import { searchMessages } from "../src/services/search/search-messages";
import { toSafeSnippet } from "../src/services/search/safe-snippet";
import type { TestIdentities } from "./support/identities";
import { createTestWorld, type TestCaller } from "./support/world";
import { codeOf } from "./support/error-code";

describe("message search", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let customer: TestCaller, otherCustomer: TestCaller, agent: TestCaller, otherTeamAgent: TestCaller, admin: TestCaller;

  /** The ids of the messages `caller` finds for `q`, best match first. */
  const found = async (caller: TestCaller, q: string, conversationId?: string) =>
    (await caller.search.messages({ q, conversationId, limit: 50 })).items.map((hit) => hit.messageId);

  // One word per story, so each test reads only what it wrote.
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const world = await createTestWorld();
    ({ database, people } = world);
    const { callerOf } = world;
    customer = await callerOf("customer");
    otherCustomer = await callerOf("otherCustomer");
    agent = await callerOf("agent");
    otherTeamAgent = await callerOf("otherTeamAgent");
    admin = await callerOf("admin");

    // Carla's session with the support team, a private note on it, and a deleted message.
    const mine = await customer.conversations.startSession({ subject: "Broken parcel", teamId: people.teamIds.support });
    ids.mySession = mine.id;
    ids.myMessage = (await customer.messages.send({ conversationId: mine.id, body: "my parcel arrived broken" })).id;
    ids.note = (await agent.messages.send({ conversationId: mine.id, body: "parcel insurance covers this", internal: true })).id;
    ids.agentReply = (await agent.messages.send({ conversationId: mine.id, body: "Sorry about the parcel, a new one is on its way" })).id;
    ids.deleted = (await customer.messages.send({ conversationId: mine.id, body: "parcel code 1234, oops" })).id;
    await customer.messages.delete({ messageId: ids.deleted });

    // Otto's session with the billing team.
    const his = await otherCustomer.conversations.startSession({ subject: "Invoice", teamId: people.teamIds.billing });
    ids.hisSession = his.id;
    ids.hisMessage = (await otherCustomer.messages.send({ conversationId: his.id, body: "parcel invoice is wrong" })).id;

    // Otto's session for no team in particular: the whole desk's.
    const anyTeam = await otherCustomer.conversations.startSession({ subject: "General" });
    ids.anyTeamMessage = (await otherCustomer.messages.send({ conversationId: anyTeam.id, body: "where is my parcel" })).id;

    // A billing session assigned to Ada, of the support team.
    const assigned = await otherCustomer.conversations.startSession({ subject: "Assigned", teamId: people.teamIds.billing });
    await database.db.update(conversations).set({ assignedAgentId: people.ids.agent }).where(eq(conversations.id, assigned.id));
    ids.assignedMessage = (await otherCustomer.messages.send({ conversationId: assigned.id, body: "parcel returned to sender" })).id;

    // A room Carla is in, and a public room she is not in.
    const room = await agent.conversations.createRoom({ name: "Parcels", memberIds: [people.ids.customer] });
    ids.room = room.id;
    ids.roomMessage = (await agent.messages.send({ conversationId: room.id, body: "parcel lockers are open again" })).id;
    const lobby = await otherTeamAgent.conversations.createRoom({ name: "Lobby", visibility: "public", memberIds: [people.ids.admin] });
    ids.lobby = lobby.id;
    ids.lobbyMessage = (await otherTeamAgent.messages.send({ conversationId: lobby.id, body: "parcel party on friday" })).id;
  });
  afterAll(() => database?.dispose());

  it("finds a customer's own messages and nobody else's, never private notes or deleted messages", async () => {
    const hits = await found(customer, "parcel");
    expect(hits.sort()).toEqual([ids.myMessage, ids.agentReply, ids.roomMessage].sort());
    expect(hits).not.toContain(ids.note);
    expect(hits).not.toContain(ids.deleted);
    expect(hits).not.toContain(ids.hisMessage);

    expect((await found(otherCustomer, "parcel")).sort()).toEqual([ids.hisMessage, ids.anyTeamMessage, ids.assignedMessage].sort());
    expect(await found(otherCustomer, "insurance")).toEqual([]);
  });

  it("finds for an agent the sessions of their teams, of no team and assigned to them, with private notes", async () => {
    const hits = await found(agent, "parcel");
    expect(hits.sort()).toEqual(
      [ids.myMessage, ids.note, ids.agentReply, ids.anyTeamMessage, ids.assignedMessage, ids.roomMessage].sort(),
    );
    expect(hits).not.toContain(ids.hisMessage); // the billing team's session

    // The billing agent does not find the support team's session, nor the room they are not in.
    const billing = await found(otherTeamAgent, "parcel");
    expect(billing).not.toContain(ids.myMessage);
    expect(billing).not.toContain(ids.note);
    expect(billing).not.toContain(ids.roomMessage);
    expect(billing).toEqual(expect.arrayContaining([ids.hisMessage, ids.anyTeamMessage, ids.lobbyMessage]));
  });

  it("finds everything but deleted messages for an admin", async () => {
    const hits = await found(admin, "parcel");
    expect(hits.sort()).toEqual(
      [
        ids.myMessage,
        ids.note,
        ids.agentReply,
        ids.hisMessage,
        ids.anyTeamMessage,
        ids.assignedMessage,
        ids.roomMessage,
        ids.lobbyMessage,
      ].sort(),
    );
    expect(hits).not.toContain(ids.deleted);
  });

  it("stops finding a room's messages once the viewer has left it", async () => {
    const room = await customer.conversations.createRoom({ name: "Short stay", memberIds: [people.ids.otherCustomer] });
    const said = await customer.messages.send({ conversationId: room.id, body: "walrus sighting" });
    expect(await found(otherCustomer, "walrus")).toEqual([said.id]);
    await otherCustomer.conversations.leave({ conversationId: room.id });
    expect(await found(otherCustomer, "walrus")).toEqual([]);
  });

  it("searches one conversation the viewer may read, and refuses others", async () => {
    expect(await found(agent, "parcel", ids.mySession)).toEqual(expect.arrayContaining([ids.myMessage, ids.note, ids.agentReply]));
    expect(await found(customer, "parcel", ids.mySession)).not.toContain(ids.note);
    // A public room is readable without joining, so it may be searched by name.
    expect(await found(customer, "parcel", ids.lobby)).toEqual([ids.lobbyMessage]);
    expect(await codeOf(customer.search.messages({ q: "parcel", conversationId: ids.hisSession }))).toBe("FORBIDDEN");
    expect(await codeOf(otherTeamAgent.search.messages({ q: "parcel", conversationId: ids.mySession }))).toBe("FORBIDDEN");
    expect(await codeOf(customer.search.messages({ q: "parcel", conversationId: "00000000-0000-4000-8000-000000000000" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("ranks better matches first and highlights them", async () => {
    const room = await customer.conversations.createRoom({ name: "Ranking", memberIds: [people.ids.otherCustomer] });
    const once = await customer.messages.send({ conversationId: room.id, body: "a heron flew by the lake this morning" });
    const thrice = await customer.messages.send({ conversationId: room.id, body: "heron, heron, heron!" });
    const result = await customer.search.messages({ q: "heron" });
    expect(result.items.map((hit) => hit.messageId)).toEqual([thrice.id, once.id]);
    expect(result.items[0]!.rank).toBeGreaterThan(result.items[1]!.rank);
    expect(result.items[1]).toMatchObject({
      conversationId: room.id,
      conversationKind: "group",
      conversationSubject: "Ranking",
      senderId: people.ids.customer,
      senderName: "Carla Customer",
      type: "text",
      internal: false,
      snippet: "a <mark>heron</mark> flew by the lake this morning",
    });
  });

  it("understands what people type in a search box: phrases, or, and exclusions", async () => {
    const room = await customer.conversations.createRoom({ name: "Syntax", memberIds: [people.ids.otherCustomer] });
    const red = await customer.messages.send({ conversationId: room.id, body: "the red kite is back" });
    const kiteRed = await customer.messages.send({ conversationId: room.id, body: "kite red, not blue" });
    const blue = await customer.messages.send({ conversationId: room.id, body: "a blue kite" });
    expect(await found(customer, '"red kite"')).toEqual([red.id]);
    expect((await found(customer, "kite -blue")).sort()).toEqual([red.id].sort());
    expect((await found(customer, "kite red")).sort()).toEqual([red.id, kiteRed.id].sort());
    expect((await found(customer, "KITE")).sort()).toEqual([red.id, kiteRed.id, blue.id].sort());
  });

  it("never lets what people wrote turn into markup in a snippet", async () => {
    const room = await customer.conversations.createRoom({ name: "Markup", memberIds: [people.ids.otherCustomer] });
    await customer.messages.send({
      conversationId: room.id,
      body: `<script>alert("x")</script> puffin <mark>fake</mark> & 'quotes' \u0002sneaky\u0003 <img src=x onerror=alert(1)>`,
    });
    const [hit] = (await customer.search.messages({ q: "puffin" })).items;
    // PostgreSQL's headline leaves out what it parses as tags; whatever else looks like markup is escaped.
    expect(hit!.snippet).toBe(
      " alert(&quot;x&quot;)  <mark>puffin</mark>  fake  &amp; &#39;quotes&#39; sneaky &lt;img src=x onerror=alert(1)&gt;",
    );
    expect(hit!.snippet.match(/<mark>/g)).toHaveLength(1);
    expect(hit!.snippet).not.toMatch(/<(?!\/?mark>)/);
  });

  it("escapes every character HTML gives meaning to", () => {
    expect(toSafeSnippet(`<b>"x" & 'y'</b> \u0002z\u0003`)).toBe("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt; <mark>z</mark>");
  });

  it("pages with limit and offset", async () => {
    const room = await customer.conversations.createRoom({ name: "Paging", memberIds: [people.ids.otherCustomer] });
    for (let index = 0; index < 5; index++) await customer.messages.send({ conversationId: room.id, body: `otter number ${index}` });
    const first = await customer.search.messages({ q: "otter", limit: 2 });
    const second = await customer.search.messages({ q: "otter", limit: 2, offset: 2 });
    const third = await customer.search.messages({ q: "otter", limit: 2, offset: 4 });
    expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, true, false]);
    const all = [...first.items, ...second.items, ...third.items].map((hit) => hit.messageId);
    expect(new Set(all).size).toBe(5);
  });

  it("refuses a search for nothing", async () => {
    for (const q of ["", "   ", "!!!", "-", "x".repeat(201)]) {
      expect(await codeOf(customer.search.messages({ q })), JSON.stringify(q)).toBe("BAD_REQUEST");
    }
    expect(await codeOf(customer.search.messages({ q: "parcel", limit: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(customer.search.messages({ q: "parcel", offset: -1 }))).toBe("BAD_REQUEST");
  });

  it("works as a service, without tRPC", async () => {
    const viewer = { kind: "user" as const, id: people.ids.customer, role: "customer" as const, isVisitor: false };
    const result = await searchMessages(database.db, viewer, { q: "parcel", limit: 1, offset: 0 });
    expect(result.items).toHaveLength(1);
    expect(result.hasMore).toBe(true);
  });
});
