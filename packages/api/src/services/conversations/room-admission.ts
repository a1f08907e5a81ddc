import { TRPCError } from "@trpc/server";
import { participants, sql, type Transaction } from "@parley/db";

import { hasBlockBetween } from "../blocks/block-between";
import { ROOM_MAX_PARTICIPANTS } from "./create";
import type { LockedRoom } from "./room-lock";

/**
 * Lets `newcomers` into a locked room, all or none: the room must have space for every one
 * of them, and no block may stand between a newcomer and anyone already in the room (nor
 * `broughtBy`, who may be an admin from outside). Someone who left before comes back with
 * their old settings; everyone starts reading from now, not from the room's first message.
 */
export async function admitToRoom(
  tx: Transaction,
  { room, members }: LockedRoom,
  newcomers: string[],
  broughtBy: string,
): Promise<void> {
  if (!newcomers.length) return;
  if (members.length + newcomers.length > ROOM_MAX_PARTICIPANTS) {
    const space = Math.max(0, ROOM_MAX_PARTICIPANTS - members.length);
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `A room holds at most ${ROOM_MAX_PARTICIPANTS} people; this one has room for ${space} more.`,
    });
  }
  const present = [...new Set([broughtBy, ...members.map((member) => member.userId), ...newcomers])];
  if (await hasBlockBetween(tx, present, newcomers)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "A block stands between someone you picked and someone in this room." });
  }

  const now = new Date();
  await tx
    .insert(participants)
    .values(
      newcomers.map((userId) => ({
        conversationId: room.id,
        userId,
        role: "member" as const,
        joinedAt: now,
        lastDeliveredSeq: room.lastSeq,
        lastReadSeq: room.lastSeq,
      })),
    )
    .onConflictDoUpdate({
      target: [participants.conversationId, participants.userId],
      set: {
        role: "member",
        leftAt: null,
        joinedAt: now,
        lastDeliveredSeq: sql`excluded.last_delivered_seq`,
        lastReadSeq: sql`excluded.last_read_seq`,
      },
    });
}
