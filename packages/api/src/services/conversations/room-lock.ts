import { TRPCError } from "@trpc/server";
import { and, conversations, eq, isNull, participants, type Database, type Transaction } from "@parley/db";

import type { PersonViewer } from "../../context";
import { readConversationAccess, type ConversationAccess, type ConversationRow, type ParticipantRow } from "./access";

export interface RoomMember {
  userId: string;
  role: ParticipantRow["role"];
  joinedAt: Date;
}

export interface LockedRoom {
  room: ConversationRow;
  /** Who is in the room now (not those who left), longest-standing first. */
  members: RoomMember[];
}

/**
 * The room as the viewer may see it. Unknown conversations are NOT_FOUND and hidden ones
 * FORBIDDEN, as everywhere; support sessions and direct conversations have no members to
 * manage, so asking is a BAD_REQUEST.
 */
export async function readRoomAccess(db: Database, viewer: PersonViewer, conversationId: string): Promise<ConversationAccess> {
  const access = await readConversationAccess(db, viewer, conversationId);
  if (access.conversation.kind !== "group") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Only rooms are managed this way." });
  }
  return access;
}

/**
 * Locks the room's row for the rest of the transaction, then reads its members. Membership
 * changes and messages to the room take the same lock, so two owners acting at once see
 * each other's changes: the room cannot overfill, nor lose its last owner.
 */
export async function lockRoom(tx: Transaction, conversationId: string): Promise<LockedRoom> {
  const [room] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for("update");
  if (!room) throw new TRPCError({ code: "NOT_FOUND", message: "No such conversation." });
  const members = await tx
    .select({ userId: participants.userId, role: participants.role, joinedAt: participants.joinedAt })
    .from(participants)
    .where(and(eq(participants.conversationId, conversationId), isNull(participants.leftAt)))
    .orderBy(participants.joinedAt, participants.userId);
  return { room, members };
}

/** Owners run their room; admins may step in anywhere. */
export function assertManagesRoom(viewer: PersonViewer, { members }: LockedRoom): void {
  const own = members.find((member) => member.userId === viewer.id);
  if (viewer.role !== "admin" && own?.role !== "owner") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the room's owners and admins can do this." });
  }
}

/** A closed or archived room is frozen until an owner reopens it. */
export function assertRoomOpen(room: ConversationRow): void {
  if (room.status !== "open") {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This room is ${room.status}: reopen it first.` });
  }
}

export function ownersOf(members: RoomMember[]): RoomMember[] {
  return members.filter((member) => member.role === "owner");
}
