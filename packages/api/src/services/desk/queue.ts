import { TRPCError } from "@trpc/server";
import { and, asc, conversations, desc, eq, isNull, sql, teamMembers, users, type Database } from "@parley/db";

import type { PersonViewer, Viewer } from "../../context";
import { channels, type Bus } from "../../realtime/bus";
import { listenOnBus, type BusListener } from "../../realtime/bus-listener";
import { readConversationAccess } from "../conversations/access";
import { sessionsVisibleTo } from "../inbox-desk/staff-visibility";
import { concernsStaffMember, type QueueEvent } from "./desk-events";

export interface QueuePosition {
  sessionId: string;
  status: "waiting" | "active" | "closed";
  /** 1 when next in line; null once the session is no longer waiting. */
  position: number | null;
}

/**
 * A waiting session's place in its line: sessions of the same team (or of no team) that
 * come first, by priority and then arrival.
 */
export async function readQueuePosition(db: Database, viewer: Viewer, sessionId: string): Promise<QueuePosition> {
  const { conversation } = await readConversationAccess(db, viewer, sessionId);
  if (conversation.kind !== "support") throw new TRPCError({ code: "BAD_REQUEST", message: "Only support sessions queue." });
  const status = conversation.status as QueuePosition["status"];
  if (status !== "waiting") return { sessionId, status, position: null };

  const [{ ahead } = { ahead: 0 }] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(conversations)
    .where(
      and(
        eq(conversations.kind, "support"),
        eq(conversations.status, "waiting"),
        conversation.teamId ? eq(conversations.teamId, conversation.teamId) : isNull(conversations.teamId),
        // Ahead: a higher priority, or the same priority and earlier (queue order is priority desc, arrival asc).
        sql`(${conversations.priority} > ${conversation.priority}::conversation_priority
          or (${conversations.priority} = ${conversation.priority}::conversation_priority
              and (${conversations.queuedAt}, ${conversations.id}) < (${conversation.queuedAt?.toISOString() ?? null}::timestamptz, ${conversation.id}::uuid)))`,
      ),
    );
  return { sessionId, status, position: Number(ahead) + 1 };
}

/** The position now, then again whenever the queue moves, until the subscriber leaves. */
export async function* watchQueuePosition(
  deps: { db: Database; bus: Bus },
  viewer: Viewer,
  sessionId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<QueuePosition> {
  const moves = await listenOnBus(deps.bus, channels.queue(), signal);
  try {
    let last = await readQueuePosition(deps.db, viewer, sessionId);
    yield last;
    for await (const _move of moves.events) {
      const next = await readQueuePosition(deps.db, viewer, sessionId);
      if (next.status !== last.status || next.position !== last.position) yield (last = next);
    }
  } finally {
    moves.close();
  }
}

/**
 * The waiting sessions a staff member may take, in queue order, with how long each has
 * waited: an agent's teams' and those of no team; every one for an admin.
 */
export async function readWaitingQueue(db: Database, viewer: PersonViewer, now: Date) {
  const rows = await db
    .select({
      id: conversations.id,
      subject: conversations.subject,
      priority: conversations.priority,
      teamId: conversations.teamId,
      externalRef: conversations.externalRef,
      queuedAt: conversations.queuedAt,
      customerId: conversations.customerId,
      customerName: users.name,
    })
    .from(conversations)
    .leftJoin(users, eq(users.id, conversations.customerId))
    .where(and(eq(conversations.kind, "support"), eq(conversations.status, "waiting"), sessionsVisibleTo(viewer)))
    .orderBy(desc(conversations.priority), asc(conversations.queuedAt), asc(conversations.id))
    .limit(500);
  return rows.map((row) => ({
    ...row,
    queuedAt: row.queuedAt ?? now,
    waitingSeconds: Math.max(0, Math.round((now.getTime() - (row.queuedAt ?? now).getTime()) / 1000)),
  }));
}

/**
 * The changes to the sessions a staff member may see, live: what the desk's lists update
 * from. Listening and their teams are in place when this resolves (see `listenOnBus`).
 * Teams are read when they subscribe; a desk subscribes again when it reconnects, so a
 * change of teams reaches it then.
 */
export async function watchQueueEvents(
  deps: { db: Database; bus: Bus },
  viewer: PersonViewer,
  signal: AbortSignal | undefined,
): Promise<AsyncGenerator<QueueEvent>> {
  const live = await listenOnBus<QueueEvent>(deps.bus, channels.queue(), signal);
  try {
    // Admins hear everything: only an agent's teams are needed.
    const memberships =
      viewer.role === "admin"
        ? []
        : await deps.db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, viewer.id));
    return eventsConcerning(live, viewer, new Set(memberships.map((row) => row.teamId)));
  } catch (error) {
    live.close();
    throw error;
  }
}

async function* eventsConcerning(live: BusListener<QueueEvent>, viewer: PersonViewer, teamIds: Set<string>): AsyncGenerator<QueueEvent> {
  try {
    for await (const event of live.events) {
      if (concernsStaffMember(event, viewer, teamIds)) yield event;
    }
  } finally {
    live.close();
  }
}
