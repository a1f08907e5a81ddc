import { TRPCError } from "@trpc/server";
import { and, eq, participants, type Transaction } from "@parley/db";

import type { PersonViewer, ServerDependencies } from "../../context";
import { announceUnread } from "../inbox/announce-unread";
import { lockRoom, ownersOf, readRoomAccess, type LockedRoom } from "./room-lock";
import { publishRoomNotices, writeRoomNotices, type RoomNotice } from "./room-notice";

/**
 * The viewer leaves a room, whatever its state. A room keeps an owner while anyone is in
 * it: when its last owner leaves, the longest-standing member takes over.
 */
export async function leaveRoom(deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">, viewer: PersonViewer, input: { conversationId: string }) {
  await readRoomAccess(deps.db, viewer, input.conversationId);
  const notices = await deps.db.transaction(async (tx) => {
    const locked = await lockRoom(tx, input.conversationId);
    if (!locked.members.some((member) => member.userId === viewer.id)) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "You are not in this room." });
    }
    const handover = await markLeft(tx, locked, viewer.id);
    return writeRoomNotices(tx, input.conversationId, [{ event: "member_left", userId: viewer.id }, ...handover], viewer.id);
  });
  await publishRoomNotices(deps, notices);
  // The room no longer counts towards the viewer's unread total.
  await announceUnread(deps, input.conversationId, [viewer.id]);
}

/**
 * Takes `userId` out of the locked room, handing ownership on when they were its last
 * owner. Returns the notice of the handover, if there was one.
 */
export async function markLeft(tx: Transaction, { room, members }: LockedRoom, userId: string): Promise<RoomNotice[]> {
  await tx
    .update(participants)
    .set({ leftAt: new Date() })
    .where(and(eq(participants.conversationId, room.id), eq(participants.userId, userId)));

  const staying = members.filter((member) => member.userId !== userId);
  if (ownersOf(staying).length > 0 || staying.length === 0) return [];
  // Members are in joining order; ties (people added together) go by id, which is arbitrary but stable.
  const successor = staying[0]!;
  await tx
    .update(participants)
    .set({ role: "owner" })
    .where(and(eq(participants.conversationId, room.id), eq(participants.userId, successor.userId)));
  return [{ event: "role_changed", actorId: null, userId: successor.userId, role: "owner" }];
}
