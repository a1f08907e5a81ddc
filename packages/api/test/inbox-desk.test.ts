import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, users } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { createTestApi } from "./support/context";
import { codeOf } from "./support/error-code";
import { createTestIdentities, type PrincipalName, type TestIdentities } from "./support/identities";

type Caller = Awaited<ReturnType<ReturnType<typeof createTestApi>["callerFor"]>>;

describe("inbox desk: lists, customer panel, colleagues and picking a session", () => {
  let database: TestDatabase;
  let api: ReturnType<typeof createTestApi>;
  let people: TestIdentities;
  let as: Record<"customer" | "otherCustomer" | "agent" | "otherTeamAgent" | "admin", Caller>;
  /** The customer's three sessions: their team's, the other team's, and one for no team. */
  let sessions: { support: string; billing: string; anyTeam: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    api = createTestApi(database.db);
    const callerFor = async (principal: PrincipalName) => api.callerFor(await people.headersFor(principal));
    as = {
      customer: await callerFor("customer"),
      otherCustomer: await callerFor("otherCustomer"),
      agent: await callerFor("agent"),
      otherTeamAgent: await callerFor("otherTeamAgent"),
      admin: await callerFor("admin"),
    };
    sessions = {
      support: (await as.customer.conversations.startSession({ subject: "Parcel is late", teamId: people.teamIds.support, externalRef: "order-4821" })).id,
      billing: (await as.customer.conversations.startSession({ subject: "Charged twice", teamId: people.teamIds.billing })).id,
      anyTeam: (await as.customer.conversations.startSession({ subject: "General question" })).id,
    };
  });
  afterAll(async () => {
    await api?.unreadRecounter.flush();
    await database?.dispose();
  });

  it("shows each agent the waiting sessions of their teams and of no team, and admins all", async () => {
    const waiting = async (caller: Caller) => (await caller.desk.queue()).map((session) => session.id).sort();
    expect(await waiting(as.agent)).toEqual([sessions.support, sessions.anyTeam].sort());
    expect(await waiting(as.otherTeamAgent)).toEqual([sessions.billing, sessions.anyTeam].sort());
    expect(await waiting(as.admin)).toEqual(Object.values(sessions).sort());
    expect(await codeOf(as.customer.desk.queue())).toBe("FORBIDDEN");
  });

  it("lets an agent pick a waiting session of their team, once, within their capacity", async () => {
    expect(await codeOf(as.otherTeamAgent.inboxDesk.claim({ sessionId: sessions.support }))).toBe("FORBIDDEN");
    expect(await as.agent.inboxDesk.claim({ sessionId: sessions.support })).toEqual({ sessionId: sessions.support, agentId: people.ids.agent });
    // Taken: nobody takes it again, not even its agent.
    expect(await codeOf(as.agent.inboxDesk.claim({ sessionId: sessions.support }))).toBe("CONFLICT");
    expect(await codeOf(as.admin.inboxDesk.claim({ sessionId: sessions.support }))).toBe("CONFLICT");
    expect(await codeOf(as.agent.inboxDesk.claim({ sessionId: crypto.randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(as.customer.inboxDesk.claim({ sessionId: sessions.anyTeam }))).toBe("FORBIDDEN");

    const session = await as.agent.conversations.get({ conversationId: sessions.support });
    expect(session).toMatchObject({ status: "active", assignedAgentId: people.ids.agent });
    expect(session.participants.map((person) => person.userId)).toContain(people.ids.agent);
  });

  it("lists an agent's own sessions, their team's and closed ones, with names, searchable", async () => {
    const mine = await as.agent.inboxDesk.sessions({ view: "mine" });
    expect(mine.map((row) => row.id)).toEqual([sessions.support]);
    expect(mine[0]).toMatchObject({
      subject: "Parcel is late",
      customerName: "Carla Customer",
      assignedAgentName: "Ada Agent",
      externalRef: "order-4821",
      lastMessageBody: "Ada Agent joined the conversation",
    });

    // The other team's agent sees the session as a team session only if it is their team's: it is not.
    expect(await as.otherTeamAgent.inboxDesk.sessions({ view: "team" })).toEqual([]);
    expect((await as.admin.inboxDesk.sessions({ view: "team" })).map((row) => row.id)).toEqual([sessions.support]);

    expect((await as.agent.inboxDesk.sessions({ view: "mine", search: "4821" })).map((row) => row.id)).toEqual([sessions.support]);
    expect((await as.agent.inboxDesk.sessions({ view: "mine", search: "carla" })).map((row) => row.id)).toEqual([sessions.support]);
    expect(await as.agent.inboxDesk.sessions({ view: "mine", search: "no such words" })).toEqual([]);
    // Typed literally: "%" matches only a percent sign.
    expect(await as.agent.inboxDesk.sessions({ view: "mine", search: "%" })).toEqual([]);
    expect(await as.agent.inboxDesk.sessions({ view: "mine", priority: "urgent" })).toEqual([]);

    expect(await codeOf(as.customer.inboxDesk.sessions({ view: "mine" }))).toBe("FORBIDDEN");
    expect(await codeOf(as.agent.inboxDesk.sessions({ view: "everything" as "mine" }))).toBe("BAD_REQUEST");
  });

  it("shows the customer panel: who, their sessions the agent may see, ratings, blocks", async () => {
    await as.agent.desk.close({ sessionId: sessions.support, resolutionNote: "Reshipped by express." });
    await as.customer.desk.rate({ sessionId: sessions.support, rating: 5, comment: "Fast and kind." });

    const closed = await as.agent.inboxDesk.sessions({ view: "closed" });
    expect(closed.map((row) => row.id)).toEqual([sessions.support]);

    const profile = await as.agent.inboxDesk.customerProfile({ conversationId: sessions.anyTeam });
    expect(profile.customer).toMatchObject({ id: people.ids.customer, name: "Carla Customer", email: people.emails.customer, isVisitor: false });
    expect(profile.externalRef).toBeNull();
    // Not the other team's session: the agent may not open it, so the panel does not list it.
    expect(profile.pastSessions.map((session) => session.id).sort()).toEqual([sessions.anyTeam, sessions.support].sort());
    expect(profile.pastSessions.find((session) => session.id === sessions.support)).toMatchObject({
      subject: "Parcel is late",
      status: "closed",
      externalRef: "order-4821",
      agentName: "Ada Agent",
      rating: 5,
    });
    expect(profile.csat).toEqual({
      count: 1,
      average: 5,
      ratings: [expect.objectContaining({ conversationId: sessions.support, rating: 5, comment: "Fast and kind.", agentName: "Ada Agent" })],
    });
    expect(profile.blockedByViewer).toBe(false);

    const adminView = await as.admin.inboxDesk.customerProfile({ conversationId: sessions.support });
    expect(adminView.pastSessions).toHaveLength(3);
    expect(adminView.externalRef).toBe("order-4821");

    await as.agent.blocks.block({ userId: people.ids.customer });
    expect((await as.agent.inboxDesk.customerProfile({ conversationId: sessions.anyTeam })).blockedByViewer).toBe(true);
    expect((await as.admin.inboxDesk.customerProfile({ conversationId: sessions.anyTeam })).blockedByViewer).toBe(false);
  });

  it("refuses the customer panel to those who may not see the session, and for what is no session", async () => {
    expect(await codeOf(as.otherTeamAgent.inboxDesk.customerProfile({ conversationId: sessions.support }))).toBe("FORBIDDEN");
    expect(await codeOf(as.customer.inboxDesk.customerProfile({ conversationId: sessions.support }))).toBe("FORBIDDEN");
    expect(await codeOf(as.agent.inboxDesk.customerProfile({ conversationId: crypto.randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(as.agent.inboxDesk.customerProfile({ conversationId: "not-an-id" }))).toBe("BAD_REQUEST");

    const room = await as.agent.conversations.createRoom({ name: "Desk chat", memberIds: [people.ids.admin] });
    expect(await codeOf(as.agent.inboxDesk.customerProfile({ conversationId: room.id }))).toBe("BAD_REQUEST");
  });

  it("lists colleagues with their availability, load and teams", async () => {
    await database.db.update(users).set({ availability: "away" }).where(eq(users.id, people.ids.agent));
    const directory = await as.otherTeamAgent.inboxDesk.agents();
    const ada = directory.find((agent) => agent.id === people.ids.agent);
    expect(ada).toMatchObject({ name: "Ada Agent", role: "agent", availability: "away", openSessions: 0 });
    expect(ada?.teams.map((team) => team.id)).toEqual([people.teamIds.support]);
    expect(directory.some((agent) => agent.id === people.ids.admin && agent.role === "admin")).toBe(true);
    expect(directory.some((agent) => agent.id === people.ids.customer)).toBe(false);
    expect(await codeOf(as.customer.inboxDesk.agents())).toBe("FORBIDDEN");
  });
});
