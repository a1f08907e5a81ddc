import { TRPCError } from "@trpc/server";
import { and, eq, participants } from "@parley/db";

import type { PersonViewer, ServerDependencies } from "../../context";
import { readConversationDetail } from "./detail";
import { assertManagesRoom, assertRoomOpen, lockRoom, ownersOf, readRoomAccess } from "./room-lock";
import { publishRoomNotices, writeRoomNotices } from "./room-notice";

/** An owner or admin makes a member an owner, or an owner a member again; a room keeps at least one owner. */
export async function setRoomMemberRole(
  deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">,
  viewer: PersonViewer,
  input: { conversationId: string; userId: string; role: "owner" | "member" },
) {
  await readRoomAccess(deps.db, viewer, input.conversationId);
  const notices = await deps.db.transaction(async (tx) => {
    const locked = await lockRoom(tx, input.conversationId);
    assertManagesRoom(viewer, locked);
    assertRoomOpen(locked.room);
    const member = locked.members.find((candidate) => candidate.userId === input.userId);
    if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "That person is not in this room." });
    if (member.role === input.role) return [];
    if (member.role === "owner" && ownersOf(locked.members).length === 1) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "A room needs an owner: make someone else an owner first." });
    }
    await tx
      .update(participants)
      .set({ role: input.role })
      .where(and(eq(participants.conversationId, input.conversationId), eq(participants.userId, input.userId)));
    return writeRoomNotices(
      tx,
      input.conversationId,
      [{ event: "role_changed", actorId: viewer.id, userId: input.userId, role: input.role }],
      viewer.id,
    );
  });
  await publishRoomNotices(deps, notices);
  return readConversationDetail(deps.db, viewer, input.conversationId);
}
