import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import type { PersonViewer } from "../src/context";
import { MemoryBus } from "../src/realtime/memory-bus";
import { publishQueueEvent, type QueueEvent } from "../src/services/desk/desk-events";
import { watchQueueEvents } from "../src/services/desk/queue";
import { createTestIdentities, type TestIdentities } from "./support/identities";

const session = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("live queue events reach only the desks that may see the session", () => {
  let database: TestDatabase;
  let people: TestIdentities;

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
  });
  afterAll(() => database?.dispose());

  /** What a staff member's subscription yields while `events` are published. */
  async function heardBy(viewer: PersonViewer, events: QueueEvent[]): Promise<string[]> {
    const bus = new MemoryBus();
    const abort = new AbortController();
    const heard: string[] = [];
    // Listening, with its teams read, once it resolves: the last event marks the end.
    const watched = await watchQueueEvents({ db: database.db, bus }, viewer, abort.signal);
    const watching = (async () => {
      for await (const event of watched) heard.push(event.sessionId);
    })();
    const end: QueueEvent = { type: "queued", sessionId: session(999), teamId: null, priority: "normal" };
    for (const event of [...events, end]) await publishQueueEvent(bus, event);
    while (!heard.includes(end.sessionId)) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    await watching;
    return heard.filter((id) => id !== end.sessionId);
  }

  it("tells agents of their teams' sessions, of sessions of no team and of their own; admins of all", async () => {
    const { support, billing } = people.teamIds;
    const { agent, otherTeamAgent, admin } = people.ids;
    const events: QueueEvent[] = [
      { type: "queued", sessionId: session(1), teamId: support, priority: "normal" },
      { type: "queued", sessionId: session(2), teamId: billing, priority: "high" },
      { type: "reopened", sessionId: session(3), teamId: null },
      { type: "assigned", sessionId: session(4), agentId: agent, teamId: billing },
      { type: "closed", sessionId: session(5), agentId: otherTeamAgent, teamId: billing },
      { type: "rated", sessionId: session(6), agentId: otherTeamAgent, teamId: billing, rating: 2 },
      // Moved from the billing team to the support team: both desks' lists change.
      { type: "transferred", sessionId: session(7), fromAgentId: otherTeamAgent, fromTeamId: billing, toAgentId: null, toTeamId: support },
      { type: "transferred", sessionId: session(8), fromAgentId: otherTeamAgent, fromTeamId: billing, toAgentId: null, toTeamId: billing },
    ];
    const viewer = (id: string, role: "agent" | "admin"): PersonViewer => ({ kind: "user", id, role, isVisitor: false });

    expect(await heardBy(viewer(agent, "agent"), events)).toEqual([session(1), session(3), session(4), session(7)]);
    expect(await heardBy(viewer(otherTeamAgent, "agent"), events)).toEqual([
      session(2),
      session(3),
      session(4),
      session(5),
      session(6),
      session(7),
      session(8),
    ]);
    expect(await heardBy(viewer(admin, "admin"), events)).toHaveLength(events.length);
  });
});
