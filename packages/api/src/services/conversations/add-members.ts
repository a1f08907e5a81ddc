import { TRPCError } from "@trpc/server";
import { and, inArray, isNull, users } from "@parley/db";

import type { PersonViewer, ServerDependencies } from "../../context";
import { announceConversationAdded } from "../inbox/announce-added";
import { readConversationDetail } from "./detail";
import { admitToRoom } from "./room-admission";
import { assertManagesRoom, assertRoomOpen, lockRoom, readRoomAccess } from "./room-lock";
import { publishRoomNotices, writeRoomNotices } from "./room-notice";

/** An owner or admin brings people into an open room. Those already in it are left as they are. */
export async function addRoomMembers(
  deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">,
  viewer: PersonViewer,
  input: { conversationId: string; userIds: string[] },
) {
  await readRoomAccess(deps.db, viewer, input.conversationId);
  const userIds = [...new Set(input.userIds)];
  const found = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), isNull(users.disabledAt)));
  if (found.length !== userIds.length) throw new TRPCError({ code: "NOT_FOUND", message: "Some of these people do not exist." });

  const { room, newcomers, notices } = await deps.db.transaction(async (tx) => {
    const locked = await lockRoom(tx, input.conversationId);
    assertManagesRoom(viewer, locked);
    assertRoomOpen(locked.room);
    const newcomers = userIds.filter((userId) => !locked.members.some((member) => member.userId === userId));
    await admitToRoom(tx, locked, newcomers, viewer.id);
    const notices = await writeRoomNotices(
      tx,
      input.conversationId,
      newcomers.map((userId) => ({ event: "member_added", actorId: viewer.id, userId })),
      viewer.id,
    );
    return { room: locked.room, newcomers, notices };
  });
  await announceConversationAdded(deps, room, newcomers.map((userId) => ({ userId, reason: "added" as const })));
  await publishRoomNotices(deps, notices);
  return readConversationDetail(deps.db, viewer, input.conversationId);
}
