import { and, asc, eq, isNull, participants, users, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { readConversationAccess } from "./access";
import { muteInForce } from "./preferences";

/** One conversation the viewer may see, with the people in it now (not those who left). */
export async function readConversationDetail(db: Database, viewer: PersonViewer, conversationId: string) {
  const { conversation } = await readConversationAccess(db, viewer, conversationId);
  const rows = await db
    .select({
      userId: participants.userId,
      name: users.name,
      role: participants.role,
      muted: participants.muted,
      mutedUntil: participants.mutedUntil,
      notificationLevel: participants.notificationLevel,
      joinedAt: participants.joinedAt,
      lastReadSeq: participants.lastReadSeq,
    })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(and(eq(participants.conversationId, conversationId), isNull(participants.leftAt)))
    .orderBy(asc(participants.joinedAt), asc(users.name), asc(participants.userId));
  const now = new Date();
  return { ...conversation, participants: rows.map((row) => ({ ...row, ...muteInForce(row, now) })) };
}
