import { TRPCError } from "@trpc/server";
import { conversations, eq, sql } from "@parley/db";

import type { PersonViewer, ServerDependencies } from "../../context";
import { assertManagesRoom, assertRoomOpen, lockRoom, readRoomAccess } from "./room-lock";
import { publishRoomNotices, writeRoomNotices } from "./room-notice";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

/** Gives an open room a new name; everyone in it reads who renamed it. */
export async function renameRoom(deps: Deps, viewer: PersonViewer, input: { conversationId: string; name: string }) {
  await readRoomAccess(deps.db, viewer, input.conversationId);
  const { room, notices } = await deps.db.transaction(async (tx) => {
    const locked = await lockRoom(tx, input.conversationId);
    assertManagesRoom(viewer, locked);
    assertRoomOpen(locked.room);
    if (locked.room.subject === input.name) return { room: locked.room, notices: [] };
    // The notice first, so the row returned below counts it in its last seq.
    const notices = await writeRoomNotices(tx, input.conversationId, [{ event: "renamed", actorId: viewer.id, name: input.name }], viewer.id);
    const [room] = await tx
      .update(conversations)
      .set({ subject: input.name })
      .where(eq(conversations.id, input.conversationId))
      .returning();
    return { room: room!, notices };
  });
  await publishRoomNotices(deps, notices);
  return room;
}

type RoomStatus = "open" | "closed" | "archived";

/**
 * A room's life: open -> closed (no new messages, members stay) -> archived (put away).
 * An open room may be archived at once, and a closed or archived one reopened.
 */
const STATUS_CHANGES = {
  close: { from: ["open"], to: "closed" },
  archive: { from: ["open", "closed"], to: "archived" },
  reopen: { from: ["closed", "archived"], to: "open" },
} as const satisfies Record<string, { from: readonly RoomStatus[]; to: RoomStatus }>;

export type RoomStatusChange = keyof typeof STATUS_CHANGES;

export async function changeRoomStatus(
  deps: Deps,
  viewer: PersonViewer,
  input: { conversationId: string; change: RoomStatusChange },
) {
  const { from, to } = STATUS_CHANGES[input.change];
  await readRoomAccess(deps.db, viewer, input.conversationId);
  const { room, notices } = await deps.db.transaction(async (tx) => {
    const locked = await lockRoom(tx, input.conversationId);
    assertManagesRoom(viewer, locked);
    if (!(from as readonly string[]).includes(locked.room.status)) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: `This room is ${locked.room.status}; only a room that is ${from.join(" or ")} can be ${to === "open" ? "reopened" : to}.`,
      });
    }
    const notices = await writeRoomNotices(tx, input.conversationId, [{ event: "status_changed", actorId: viewer.id, status: to }], viewer.id);
    const [room] = await tx
      .update(conversations)
      .set({
        status: to,
        // Archiving a closed room keeps when it was closed; reopening clears it.
        closedAt: to === "open" ? null : sql`coalesce(${conversations.closedAt}, now())`,
      })
      .where(eq(conversations.id, input.conversationId))
      .returning();
    return { room: room!, notices };
  });
  await publishRoomNotices(deps, notices);
  return room;
}
