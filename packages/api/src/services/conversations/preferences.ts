import { TRPCError } from "@trpc/server";
import { and, eq, participants, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { readConversationAccess } from "./access";

type NotificationLevel = "all" | "mentions" | "none";

/** A mute with an end lifts by itself: once `mutedUntil` has passed, the participant is not muted. */
export function muteInForce(row: { muted: boolean; mutedUntil: Date | null }, now = new Date()) {
  const muted = row.muted && (row.mutedUntil === null || row.mutedUntil > now);
  return { muted, mutedUntil: muted ? row.mutedUntil : null };
}

async function updateOwnParticipant(
  db: Database,
  viewer: PersonViewer,
  conversationId: string,
  change: Partial<typeof participants.$inferInsert>,
) {
  const { participant } = await readConversationAccess(db, viewer, conversationId);
  if (!participant) throw new TRPCError({ code: "FORBIDDEN", message: "Only participants have settings in a conversation." });
  const [row] = await db
    .update(participants)
    .set(change)
    .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, viewer.id)))
    .returning({ muted: participants.muted, mutedUntil: participants.mutedUntil, notificationLevel: participants.notificationLevel });
  return { ...muteInForce(row!), notificationLevel: row!.notificationLevel };
}

/** Silences a conversation for the viewer, for good or until `until`. */
export async function muteConversation(db: Database, viewer: PersonViewer, input: { conversationId: string; until?: Date }) {
  if (input.until && input.until.getTime() <= Date.now()) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Mute until a time in the future." });
  }
  return updateOwnParticipant(db, viewer, input.conversationId, { muted: true, mutedUntil: input.until ?? null });
}

export async function unmuteConversation(db: Database, viewer: PersonViewer, input: { conversationId: string }) {
  return updateOwnParticipant(db, viewer, input.conversationId, { muted: false, mutedUntil: null });
}

/** What the viewer wants to be notified of here: every message, mentions of them, or nothing. */
export async function setNotificationLevel(
  db: Database,
  viewer: PersonViewer,
  input: { conversationId: string; level: NotificationLevel },
) {
  return updateOwnParticipant(db, viewer, input.conversationId, { notificationLevel: input.level });
}
