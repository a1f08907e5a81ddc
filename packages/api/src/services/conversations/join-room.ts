import { TRPCError } from "@trpc/server";

import type { PersonViewer, ServerDependencies } from "../../context";
import { announceConversationAdded } from "../inbox/announce-added";
import { readConversationDetail } from "./detail";
import { admitToRoom } from "./room-admission";
import { assertRoomOpen, lockRoom, readRoomAccess } from "./room-lock";
import { publishRoomNotices, writeRoomNotices } from "./room-notice";

/** Anyone signed in may join a public room; private rooms are by invitation of an owner. */
export async function joinRoom(deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">, viewer: PersonViewer, input: { conversationId: string }) {
  const { conversation, participant } = await readRoomAccess(deps.db, viewer, input.conversationId);
  if (participant) return readConversationDetail(deps.db, viewer, input.conversationId); // already in
  if (conversation.visibility !== "public") {
    throw new TRPCError({ code: "FORBIDDEN", message: "This room is private: an owner has to add you." });
  }
  const notices = await deps.db.transaction(async (tx) => {
    const locked = await lockRoom(tx, input.conversationId);
    if (locked.members.some((member) => member.userId === viewer.id)) return []; // joined meanwhile: nothing to announce
    assertRoomOpen(locked.room);
    await admitToRoom(tx, locked, [viewer.id], viewer.id);
    return writeRoomNotices(tx, input.conversationId, [{ event: "member_joined", userId: viewer.id }], viewer.id);
  });
  // The viewer's other tabs and devices list the room too.
  if (notices.length) await announceConversationAdded(deps, conversation, [{ userId: viewer.id, reason: "joined" }]);
  await publishRoomNotices(deps, notices);
  return readConversationDetail(deps.db, viewer, input.conversationId);
}
