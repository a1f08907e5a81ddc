import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { asc, conversations, eq, participants, sessionEvents, teamMembers, teams, users, type Database } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import type { Viewer } from "../src/context";
import { channels } from "../src/realtime/bus";
import { MemoryBus } from "../src/realtime/memory-bus";
import { takeNextSession } from "../src/services/desk/assign";
import { setAvailability } from "../src/services/desk/availability";
import { closeIdleSessions } from "../src/services/desk/close-idle-sessions";
import { closeSession, reopenSession } from "../src/services/desk/close-session";
import { submitCsat } from "../src/services/desk/csat";
import { openSession } from "../src/services/desk/open-session";
import { readQueuePosition } from "../src/services/desk/queue";
import type { UnreadRecounter } from "../src/services/inbox/unread-recounter";
import { sendMessage } from "../src/services/messages/send-message";
import { createRateLimits } from "../src/rate-limit";
import { testUnreadRecounter } from "./support/context";
import { codeOf } from "./support/error-code";

const PRIORITY_RANK = { urgent: 3, high: 2, normal: 1, low: 0 } as const;
type Priority = keyof typeof PRIORITY_RANK;

/** A clock the test moves by hand: every step of the desk happens at a known moment. */
function manualClock(start = new Date("2026-03-02T09:00:00Z")) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (seconds: number) => new Date((now += seconds * 1000)) };
}

async function makeTeam(db: Database, tag: string) {
  const [team] = await db.insert(teams).values({ name: `Desk ${tag}`, slug: `desk-${tag}` }).returning();
  return team!;
}

async function makePeople(db: Database, role: "agent" | "customer", count: number, tag: string, extra: Partial<typeof users.$inferInsert> = {}) {
  return db
    .insert(users)
    .values(Array.from({ length: count }, (_, i) => ({ name: `${role} ${i} ${tag}`, email: `${role}${i}.${tag}@example.test`, role, ...extra })))
    .returning();
}

const asUser = (user: { id: string; role: "customer" | "agent" | "admin" }): Viewer => ({ kind: "user", id: user.id, role: user.role, isVisitor: false });

describe("support desk", () => {
  let database: TestDatabase;
  let deps: { db: Database; bus: MemoryBus; rateLimits: ReturnType<typeof createRateLimits>; unreadRecounter: UnreadRecounter };

  beforeAll(async () => {
    database = await createTestDatabase();
    const bus = new MemoryBus();
    deps = {
      db: database.db,
      bus,
      rateLimits: createRateLimits(null, "desk-test", {
        messagesPerUser: { points: 100_000, duration: 60 },
        messagesPerIp: { points: 100_000, duration: 60 },
      }),
      unreadRecounter: testUnreadRecounter(database.db, bus),
    };
  });
  afterAll(async () => {
    await deps?.unreadRecounter.flush();
    await database?.dispose();
  });

  it("runs a scripted day: every session assigned once, capacity kept, first come first served, true queue positions", async () => {
    const clock = manualClock();
    const team = await makeTeam(database.db, "day");
    const agents = await makePeople(database.db, "agent", 5, "day", { maxConcurrentChats: 3, availability: "offline" });
    await database.db.insert(teamMembers).values(agents.map((agent) => ({ teamId: team.id, userId: agent.id })));
    const customers = await makePeople(database.db, "customer", 50, "day");

    const priorities: Priority[] = customers.map((_, i) => (i % 7 === 3 ? "high" : i % 11 === 5 ? "urgent" : "normal"));
    const sessions: Array<{ id: string; priority: Priority; queuedAt: Date; customer: (typeof customers)[number] }> = [];
    const positionsSeen: Array<{ sessionId: string; position: number; expected: number }> = [];

    const checkPositions = async () => {
      const waiting = await database.db
        .select()
        .from(conversations)
        .where(eq(conversations.status, "waiting"))
        .orderBy(asc(conversations.queuedAt));
      const expected = [...waiting].sort(
        (a, b) =>
          PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] ||
          a.queuedAt!.getTime() - b.queuedAt!.getTime() ||
          a.id.localeCompare(b.id),
      );
      for (const row of waiting) {
        const session = sessions.find((candidate) => candidate.id === row.id)!;
        const seen = await readQueuePosition(database.db, asUser(session.customer), row.id);
        positionsSeen.push({ sessionId: row.id, position: seen.position!, expected: expected.indexOf(row) + 1 });
      }
    };
    const checkCapacity = async () => {
      for (const agent of agents) {
        const active = (
          await database.db.select({ status: conversations.status }).from(conversations).where(eq(conversations.assignedAgentId, agent.id))
        ).filter((row) => row.status === "active");
        expect(active.length, `agent ${agent.name} over capacity`).toBeLessThanOrEqual(3);
      }
    };
    const arrive = async (index: number) => {
      const customer = customers[index]!;
      const session = await openSession(deps, asUser(customer) as never, { subject: `Question ${index}`, teamId: team.id, priority: priorities[index] }, clock.advance(30));
      sessions.push({ id: session.id, priority: priorities[index]!, queuedAt: session.queuedAt!, customer });
    };
    const closeOldestActive = async (count: number) => {
      const active = await database.db
        .select()
        .from(conversations)
        .where(eq(conversations.status, "active"))
        .orderBy(asc(conversations.assignedAt))
        .limit(count);
      for (const row of active) await closeSession(deps, asUser(agents.find((a) => a.id === row.assignedAgentId)!), { sessionId: row.id }, clock.advance(20));
    };

    // Morning: 20 customers arrive before any agent is online; they all wait.
    for (let i = 0; i < 20; i++) await arrive(i);
    await checkPositions();
    // Agents come online one by one; each takes up to three.
    for (const agent of agents.slice(0, 3)) {
      await setAvailability(deps, agent.id, "online", clock.advance(60));
      await checkCapacity();
      await checkPositions();
    }
    // More customers arrive while agents work through the queue.
    for (let i = 20; i < 35; i++) {
      await arrive(i);
      if (i % 4 === 0) await closeOldestActive(2);
      await checkCapacity();
    }
    await checkPositions();
    for (const agent of agents.slice(3)) {
      await setAvailability(deps, agent.id, "online", clock.advance(60));
      await checkCapacity();
    }
    for (let i = 35; i < 50; i++) {
      await arrive(i);
      if (i % 3 === 0) await closeOldestActive(3);
      await checkCapacity();
    }
    await checkPositions();
    // The afternoon winds down: agents close everything and the queue empties.
    for (let round = 0; round < 30; round++) {
      await closeOldestActive(5);
      await checkCapacity();
    }

    const rows = await database.db.select().from(conversations).where(eq(conversations.teamId, team.id));
    expect(rows).toHaveLength(50);
    expect(rows.every((row) => row.status === "closed")).toBe(true);

    // Exactly one assignment each.
    const assigned = await database.db
      .select()
      .from(sessionEvents)
      .where(eq(sessionEvents.type, "assigned"))
      .orderBy(asc(sessionEvents.id));
    const ours = assigned.filter((event) => sessions.some((session) => session.id === event.conversationId));
    expect(ours).toHaveLength(50);
    expect(new Set(ours.map((event) => event.conversationId)).size).toBe(50);

    // Within a priority, sessions were taken in the order they arrived.
    for (const priority of ["urgent", "high", "normal"] as const) {
      const order = ours
        .map((event) => sessions.find((session) => session.id === event.conversationId)!)
        .filter((session) => session.priority === priority);
      const byArrival = [...order].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime());
      expect(order.map((session) => session.id), `${priority} order`).toEqual(byArrival.map((session) => session.id));
    }

    expect(positionsSeen.length).toBeGreaterThan(50);
    expect(positionsSeen.filter((seen) => seen.position !== seen.expected)).toEqual([]);
  });

  it("lets exactly ten of twenty agents take ten waiting sessions at once", async () => {
    const clock = manualClock(new Date("2026-03-03T09:00:00Z"));
    const team = await makeTeam(database.db, "race");
    const agents = await makePeople(database.db, "agent", 20, "race", { maxConcurrentChats: 3, availability: "offline" });
    await database.db.insert(teamMembers).values(agents.map((agent) => ({ teamId: team.id, userId: agent.id })));
    const customers = await makePeople(database.db, "customer", 10, "race");
    for (const customer of customers) {
      await openSession(deps, asUser(customer) as never, { subject: "Race", teamId: team.id }, clock.advance(1));
    }

    const results = await Promise.allSettled(agents.map((agent) => takeNextSession(deps, agent.id, clock.now())));
    const taken = results.flatMap((result) => (result.status === "fulfilled" && result.value ? [result.value] : []));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(taken).toHaveLength(10);
    expect(new Set(taken.map((assignment) => assignment.sessionId)).size).toBe(10);

    const rows = await database.db.select().from(conversations).where(eq(conversations.teamId, team.id));
    expect(rows.every((row) => row.status === "active" && row.assignedAgentId)).toBe(true);
    for (const row of rows) {
      const agentsIn = await database.db
        .select()
        .from(participants)
        .where(eq(participants.conversationId, row.id));
      expect(agentsIn.filter((participant) => participant.role === "agent")).toHaveLength(1);
    }
  });

  it("accepts CSAT once, only from the session's customer, only after close", async () => {
    const clock = manualClock(new Date("2026-03-04T09:00:00Z"));
    const team = await makeTeam(database.db, "csat");
    const [agent] = await makePeople(database.db, "agent", 1, "csat", { availability: "online" });
    await database.db.insert(teamMembers).values({ teamId: team.id, userId: agent!.id });
    const [customer, stranger] = await makePeople(database.db, "customer", 2, "csat");
    const session = await openSession(deps, asUser(customer!) as never, { subject: "Rate me", teamId: team.id }, clock.now());

    const rate = (who: Viewer, rating = 5) => submitCsat(deps, who, { sessionId: session.id, rating, comment: "Great" }, clock.now());
    const heard: unknown[] = [];
    const stopListening = await deps.bus.subscribe(channels.queue(), (event) => heard.push(event));
    expect(await codeOf(rate(asUser(customer!)))).toBe("PRECONDITION_FAILED");
    await closeSession(deps, asUser(agent!), { sessionId: session.id, resolutionNote: "Sorted" }, clock.advance(300));
    expect(await codeOf(rate(asUser(stranger!)))).toBe("FORBIDDEN");
    expect(await codeOf(rate(asUser(agent!)))).toBe("FORBIDDEN");
    const saved = await rate(asUser(customer!), 4);
    expect(saved).toMatchObject({ rating: 4, agentId: agent!.id, customerId: customer!.id });
    expect(await codeOf(rate(asUser(customer!), 1))).toBe("CONFLICT");
    // The desk hears of the one accepted rating, live.
    stopListening();
    expect(heard.filter((event) => (event as { type: string }).type === "rated")).toEqual([
      { type: "rated", sessionId: session.id, agentId: agent!.id, teamId: team.id, rating: 4 },
    ]);
  });

  it("records wait, first response, handle and resolution times for a scripted timeline", async () => {
    const clock = manualClock(new Date("2026-03-05T09:00:00Z"));
    const team = await makeTeam(database.db, "times");
    const [agent] = await makePeople(database.db, "agent", 1, "times", { availability: "offline" });
    await database.db.insert(teamMembers).values({ teamId: team.id, userId: agent!.id });
    const [customer] = await makePeople(database.db, "customer", 1, "times");
    const request = { headers: new Headers(), ip: null, transport: "http" as const };

    // 09:00:00 created; 09:01:00 the agent comes online and gets it (wait 60 s).
    const session = await openSession(deps, asUser(customer!) as never, { subject: "Timeline", teamId: team.id }, clock.now());
    await setAvailability(deps, agent!.id, "online", clock.advance(60));
    // A private note does not count as a response; the public reply at 09:01:30 does (90 s from queueing).
    await sendMessage(deps, asUser(agent!), request, { conversationId: session.id, body: "checking", internal: true }, clock.advance(10));
    await sendMessage(deps, asUser(customer!), request, { conversationId: session.id, body: "hello?" }, clock.advance(10));
    await sendMessage(deps, asUser(agent!), request, { conversationId: session.id, body: "Hi! Looking now." }, clock.advance(10));
    await sendMessage(deps, asUser(agent!), request, { conversationId: session.id, body: "Found it." }, clock.advance(60));
    // 09:10:00 closed: handled for 540 s, resolved 600 s after creation.
    await closeSession(deps, asUser(agent!), { sessionId: session.id }, new Date("2026-03-05T09:10:00Z"));
    // 09:11:40 reopened (closed for 100 s); 09:12:00 answered again: a new first response, 20 s after the reopen.
    await reopenSession(deps, asUser(customer!), { sessionId: session.id }, new Date("2026-03-05T09:11:40Z"));
    await sendMessage(deps, asUser(agent!), request, { conversationId: session.id, body: "Back again" }, new Date("2026-03-05T09:12:00Z"));

    const events = await database.db
      .select()
      .from(sessionEvents)
      .where(eq(sessionEvents.conversationId, session.id))
      .orderBy(asc(sessionEvents.id));
    expect(
      events.map((event) => [
        event.type,
        event.waitSeconds,
        event.firstResponseSeconds,
        event.handleSeconds,
        event.resolutionSeconds,
        event.closedSeconds,
      ]),
    ).toEqual([
      ["created", null, null, null, null, null],
      ["assigned", 60, null, null, null, null],
      ["first_response", null, 90, null, null, null],
      ["closed", null, null, 540, 600, null],
      ["reopened", null, null, null, null, 100],
      ["assigned", 0, null, null, null, null],
      ["first_response", null, 20, null, null, null],
    ]);
    expect(events.every((event) => event.teamId === team.id)).toBe(true);
  });

  it("closes sessions left quiet too long, and lets the customer reopen within the window", async () => {
    const clock = manualClock(new Date("2026-03-06T09:00:00Z"));
    const team = await makeTeam(database.db, "idle");
    const [agent] = await makePeople(database.db, "agent", 1, "idle", { availability: "online" });
    await database.db.insert(teamMembers).values({ teamId: team.id, userId: agent!.id });
    const [customer, other] = await makePeople(database.db, "customer", 2, "idle");
    const request = { headers: new Headers(), ip: null, transport: "http" as const };
    const quiet = await openSession(deps, asUser(customer!) as never, { subject: "Quiet", teamId: team.id }, clock.now());
    const lively = await openSession(deps, asUser(other!) as never, { subject: "Lively", teamId: team.id }, clock.now());
    await sendMessage(deps, asUser(other!), request, { conversationId: lively.id, body: "still here" }, clock.advance(50 * 60));

    // Sessions left active by earlier tests are long idle by this clock too, so count at least one.
    expect(await closeIdleSessions(deps, 60 * 60_000, clock.advance(20 * 60))).toBeGreaterThanOrEqual(1);
    const [closed] = await database.db.select().from(conversations).where(eq(conversations.id, quiet.id));
    const [open] = await database.db.select().from(conversations).where(eq(conversations.id, lively.id));
    expect(closed!.status).toBe("closed");
    expect(open!.status).toBe("active");

    expect(await codeOf(reopenSession(deps, asUser(other!), { sessionId: quiet.id }, clock.now()))).toBe("FORBIDDEN");
    expect(await codeOf(reopenSession(deps, asUser(customer!), { sessionId: quiet.id }, clock.advance(8 * 24 * 3600)))).toBe(
      "PRECONDITION_FAILED",
    );
  });
});
