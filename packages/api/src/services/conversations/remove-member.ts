import { TRPCError } from "@trpc/server";

import type { PersonViewer, ServerDependencies } from "../../context";
import { announceUnread } from "../inbox/announce-unread";
import { readConversationDetail } from "./detail";
import { markLeft } from "./leave-room";
import { assertManagesRoom, assertRoomOpen, lockRoom, ownersOf, readRoomAccess } from "./room-lock";
import { publishRoomNotices, writeRoomNotices } from "./room-notice";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

/**
 * An owner or admin takes someone out of an open room. The room's last owner cannot be
 * removed: make someone else an owner first.
 */
export async function removeRoomMember(deps: Deps, viewer: PersonViewer, input: { conversationId: string; userId: string }) {
  if (input.userId === viewer.id) {
    // Leaving has its own rules (ownership passes on), so it is asked for by name.
    throw new TRPCError({ code: "BAD_REQUEST", message: "To take yourself out of a room, leave it." });
  }
  await readRoomAccess(deps.db, viewer, input.conversationId);
  const notices = await deps.db.transaction(async (tx) => {
    const locked = await lockRoom(tx, input.conversationId);
    assertManagesRoom(viewer, locked);
    assertRoomOpen(locked.room);
    const member = locked.members.find((candidate) => candidate.userId === input.userId);
    if (!member) throw new TRPCError({ code: "NOT_FOUND", message: "That person is not in this room." });
    if (member.role === "owner" && ownersOf(locked.members).length === 1) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "A room needs an owner: make someone else an owner first." });
    }
    await markLeft(tx, locked, input.userId);
    return writeRoomNotices(tx, input.conversationId, [{ event: "member_removed", actorId: viewer.id, userId: input.userId }], viewer.id);
  });
  await publishRoomNotices(deps, notices);
  // The room no longer counts towards the removed member's unread total.
  await announceUnread(deps, input.conversationId, [input.userId]);
  return readConversationDetail(deps.db, viewer, input.conversationId);
}
