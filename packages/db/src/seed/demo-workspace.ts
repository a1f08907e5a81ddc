import type {
  agentStatusChanges,
  conversations,
  csatResponses,
  messages,
  participants,
  sessionEvents,
  teamMembers,
  teams,
  users,
} from "../schema";
import { buildAgentShifts } from "./agent-shifts";
import { createSeededFaker, DEMO_SEED } from "./random";
import { buildRooms } from "./rooms";
import { planSupportSessions, SUPPORT_SESSION_COUNT } from "./session-plans";
import { buildSupportSessions } from "./sessions";
import { buildPeople } from "./users";

export const DEMO_CUSTOMER_COUNT = 200;

export interface DemoWorkspaceRows {
  users: (typeof users.$inferInsert)[];
  teams: (typeof teams.$inferInsert)[];
  teamMembers: (typeof teamMembers.$inferInsert)[];
  conversations: (typeof conversations.$inferInsert)[];
  participants: (typeof participants.$inferInsert)[];
  messages: (typeof messages.$inferInsert)[];
  sessionEvents: (typeof sessionEvents.$inferInsert)[];
  csatResponses: (typeof csatResponses.$inferInsert)[];
  agentStatusChanges: (typeof agentStatusChanges.$inferInsert)[];
}

/** Flat counts, so that a logger can print them as fields. */
export interface DemoWorkspaceSummary {
  users: number;
  admins: number;
  agents: number;
  customers: number;
  teams: number;
  supportSessions: number;
  waitingSessions: number;
  activeSessions: number;
  closedSessions: number;
  groupRooms: number;
  directConversations: number;
  participants: number;
  messages: number;
  sessionEvents: number;
  csatResponses: number;
  agentStatusChanges: number;
}

export interface DemoWorkspace {
  rows: DemoWorkspaceRows;
  summary: DemoWorkspaceSummary;
}

export interface BuildDemoWorkspaceOptions {
  now: Date;
  /** Multiplies the number of customers and support sessions; 1 is the full demo. */
  scale?: number;
  seed?: number;
}

/**
 * Computes every row of the demo workspace in memory, without touching a database:
 * the same `now` and seed always give the same rows.
 */
export function buildDemoWorkspace(options: BuildDemoWorkspaceOptions): DemoWorkspace {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error(`The demo scale must be positive, got ${scale}`);
  const now = options.now.getTime();
  const faker = createSeededFaker(options.seed ?? DEMO_SEED);

  // Enough generated customers for the scripted rooms, which name the first five.
  const customerCount = Math.max(8, Math.round(DEMO_CUSTOMER_COUNT * scale));
  const people = buildPeople(faker, now, customerCount);
  const plans = planSupportSessions(faker, now, people.people, Math.round(SUPPORT_SESSION_COUNT * scale));
  const support = buildSupportSessions(faker, now, people.people, plans);
  const rooms = buildRooms(faker, now, people.people);
  // A faker of its own, so that adding shifts left every other demo row as it was.
  const shifts = buildAgentShifts(createSeededFaker((options.seed ?? DEMO_SEED) + 1), now, people.people.agents);

  markCustomersLastSeen(people.users, support.conversations);

  const rows: DemoWorkspaceRows = {
    users: people.users,
    teams: people.teams,
    teamMembers: people.teamMembers,
    conversations: [...support.conversations, ...rooms.conversations],
    participants: [...support.participants, ...rooms.participants],
    messages: [...support.messages, ...rooms.messages],
    sessionEvents: support.sessionEvents,
    csatResponses: support.csatResponses,
    agentStatusChanges: shifts,
  };
  return { rows, summary: summarize(rows) };
}

/** A customer was last seen in their latest conversation. */
function markCustomersLastSeen(
  userRows: DemoWorkspaceRows["users"],
  sessionRows: DemoWorkspaceRows["conversations"],
): void {
  const lastSeen = new Map<string, Date>();
  for (const session of sessionRows) {
    const at = session.lastMessageAt;
    if (!session.customerId || !at) continue;
    const known = lastSeen.get(session.customerId);
    if (!known || known < at) lastSeen.set(session.customerId, at);
  }
  for (const user of userRows) {
    if (user.role === "customer" && user.id) user.lastSeenAt = lastSeen.get(user.id) ?? null;
  }
}

function summarize(rows: DemoWorkspaceRows): DemoWorkspaceSummary {
  const countUsers = (role: string) => rows.users.filter((user) => user.role === role).length;
  const countConversations = (kind: string, status?: string) =>
    rows.conversations.filter((row) => row.kind === kind && (status === undefined || row.status === status)).length;
  return {
    users: rows.users.length,
    admins: countUsers("admin"),
    agents: countUsers("agent"),
    customers: countUsers("customer"),
    teams: rows.teams.length,
    supportSessions: countConversations("support"),
    waitingSessions: countConversations("support", "waiting"),
    activeSessions: countConversations("support", "active"),
    closedSessions: countConversations("support", "closed"),
    groupRooms: countConversations("group"),
    directConversations: countConversations("direct"),
    participants: rows.participants.length,
    messages: rows.messages.length,
    sessionEvents: rows.sessionEvents.length,
    csatResponses: rows.csatResponses.length,
    agentStatusChanges: rows.agentStatusChanges.length,
  };
}
