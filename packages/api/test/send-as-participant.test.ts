import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TestDatabase } from "@parley/db/testing";

import type { PersonViewer } from "../src/context";
import { readConversationAccess } from "../src/services/conversations/access";
import { assertOpen } from "../src/services/messages/send-message";
import { insertMessageIfAdmitted } from "../src/services/messages/insert-message";
import type { TestIdentities } from "./support/identities";
import { createTestWorld, type TestCaller } from "./support/world";

type Person = keyof TestIdentities["ids"];

/**
 * Most sends are checked and inserted in one statement, by `postsAsParticipant`; every
 * other send goes through `readConversationAccess`. The one-statement condition must
 * never let through what the full rule refuses, and must let through the everyday cases,
 * or the fast path would be a slow path in disguise.
 */
describe("the one-statement send", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  const callers = {} as Record<Person, TestCaller>;
  const conversations: Record<string, string> = {};

  const viewerOf = (person: Person): PersonViewer => ({
    kind: "user",
    id: people.ids[person],
    role: person === "agent" || person === "otherTeamAgent" ? "agent" : person === "admin" ? "admin" : "customer",
    isVisitor: person === "visitor",
  });

  /** Whether the full rule lets `person` post a plain message in `conversationId` now. */
  async function ruleAdmits(person: Person, conversationId: string): Promise<boolean> {
    try {
      const access = await readConversationAccess(database.db, viewerOf(person), conversationId);
      assertOpen(access.conversation);
      return access.canPost && !access.blockedByParticipant;
    } catch {
      return false;
    }
  }

  async function fastPathAdmits(person: Person, conversationId: string, mayBeFirstResponse = false): Promise<boolean> {
    const viewer = viewerOf(person);
    const inserted = await insertMessageIfAdmitted(
      database.db,
      {
        conversationId,
        senderId: viewer.id,
        type: "text",
        internal: false,
        body: `from ${person}`,
        replyToId: null,
        mentions: [],
        clientId: null,
        data: null,
      },
      { isCustomer: viewer.role === "customer", mayBeFirstResponse },
    );
    return inserted !== null;
  }

  beforeAll(async () => {
    const world = await createTestWorld();
    ({ database, people } = world);
    for (const person of ["visitor", "customer", "otherCustomer", "agent", "otherTeamAgent", "admin"] as const) {
      callers[person] = await world.callerOf(person);
    }
    const session = await callers.customer.conversations.startSession({ subject: "Fast path", teamId: people.teamIds.support });
    await callers.admin.desk.assign({ sessionId: session.id, agentId: people.ids.agent });
    conversations.session = session.id;

    const unassigned = await callers.visitor.conversations.startSession({ subject: "Nobody yet", teamId: people.teamIds.support });
    conversations.unassigned = unassigned.id;

    const closed = await callers.otherCustomer.conversations.startSession({ subject: "Done", teamId: people.teamIds.support });
    await callers.admin.desk.assign({ sessionId: closed.id, agentId: people.ids.agent });
    await callers.agent.desk.close({ sessionId: closed.id });
    conversations.closedSession = closed.id;

    const room = await callers.agent.conversations.createRoom({ name: "Staff room", memberIds: [people.ids.otherTeamAgent, people.ids.customer] });
    conversations.room = room.id;

    const publicRoom = await callers.customer.conversations.createRoom({
      name: "Open to all",
      visibility: "public",
      memberIds: [people.ids.otherCustomer, people.ids.agent],
    });
    await callers.otherCustomer.conversations.leave({ conversationId: publicRoom.id });
    conversations.publicRoomWithLeaver = publicRoom.id;

    const blocking = await callers.admin.conversations.createRoom({ name: "Blocked", memberIds: [people.ids.otherTeamAgent, people.ids.visitor] });
    await callers.otherTeamAgent.blocks.block({ userId: people.ids.visitor });
    conversations.roomWithBlock = blocking.id;

    const archived = await callers.agent.conversations.createRoom({ name: "Old", memberIds: [people.ids.admin] });
    await callers.agent.conversations.close({ conversationId: archived.id });
    await callers.agent.conversations.archive({ conversationId: archived.id });
    conversations.archivedRoom = archived.id;

    conversations.unknown = "00000000-0000-4000-8000-000000000000";
  });
  afterAll(() => database?.dispose());

  it("admits only what the full rule admits, across people and conversations", async () => {
    const admittedByFastPath: string[] = [];
    for (const [name, conversationId] of Object.entries(conversations)) {
      for (const person of Object.keys(callers) as Person[]) {
        const allowed = await ruleAdmits(person, conversationId);
        if (await fastPathAdmits(person, conversationId)) {
          expect(allowed, `${person} in ${name}`).toBe(true);
          admittedByFastPath.push(`${person} in ${name}`);
        }
      }
    }
    // The everyday sends do take it.
    expect(admittedByFastPath).toEqual(
      expect.arrayContaining(["customer in session", "agent in session", "visitor in unassigned", "agent in room", "customer in room"]),
    );
    // And these are left to the full rule (which lets some through, with its own checks).
    for (const leftToRule of ["admin in session", "otherTeamAgent in session", "otherCustomer in publicRoomWithLeaver", "visitor in roomWithBlock"]) {
      expect(admittedByFastPath).not.toContain(leftToRule);
    }
  });

  it("leaves the desk's first reply in a session to the full rule, which notes it", async () => {
    const session = await callers.customer.conversations.startSession({ subject: "First reply", teamId: people.teamIds.support });
    await callers.admin.desk.assign({ sessionId: session.id, agentId: people.ids.agent });
    expect(await fastPathAdmits("agent", session.id, true)).toBe(false);
    await callers.agent.messages.send({ conversationId: session.id, body: "With you in a moment." });
    expect(await fastPathAdmits("agent", session.id, true)).toBe(true);
  });
});
