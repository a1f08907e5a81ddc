import { and, eq, inArray, participants, sql, users, type Transaction } from "@parley/db";

import type { ServerDependencies } from "../../context";
import type { MessageView } from "../messages/message-view";
import { insertMessage } from "../messages/insert-message";
import { publishMessage } from "../messages/send-message";

/**
 * What happened to a room, as kept in its history. The structured form travels in the
 * message's `data`, so clients may render it their own way; the body is the plain sentence.
 */
export type RoomNotice =
  | { event: "member_added"; actorId: string; userId: string }
  | { event: "member_removed"; actorId: string; userId: string }
  | { event: "member_joined"; userId: string }
  | { event: "member_left"; userId: string }
  | { event: "role_changed"; actorId: string | null; userId: string; role: "owner" | "member" }
  | { event: "renamed"; actorId: string; name: string }
  | { event: "status_changed"; actorId: string; status: "open" | "closed" | "archived" };

const STATUS_VERBS = { open: "reopened", closed: "closed", archived: "archived" } as const;

function describe(notice: RoomNotice, nameOf: (userId: string | null) => string): string {
  switch (notice.event) {
    case "member_added":
      return `${nameOf(notice.actorId)} added ${nameOf(notice.userId)}`;
    case "member_removed":
      return `${nameOf(notice.actorId)} removed ${nameOf(notice.userId)}`;
    case "member_joined":
      return `${nameOf(notice.userId)} joined`;
    case "member_left":
      return `${nameOf(notice.userId)} left`;
    case "role_changed":
      // No actor: ownership passed on by itself when the last owner left.
      if (!notice.actorId) return `${nameOf(notice.userId)} is now an owner of the room`;
      return notice.role === "owner"
        ? `${nameOf(notice.actorId)} made ${nameOf(notice.userId)} an owner`
        : `${nameOf(notice.actorId)} made ${nameOf(notice.userId)} a member`;
    case "renamed":
      return `${nameOf(notice.actorId)} renamed the room to ${notice.name}`;
    case "status_changed":
      return `${nameOf(notice.actorId)} ${STATUS_VERBS[notice.status]} the room`;
  }
}

/**
 * Writes system messages (no sender) into the room inside the caller's transaction, so a
 * change and its notice commit together. `seenBy`, who did it, has read them already:
 * nobody gets an unread badge for their own action.
 */
export async function writeRoomNotices(
  tx: Transaction,
  conversationId: string,
  notices: RoomNotice[],
  seenBy: string | null,
): Promise<MessageView[]> {
  const people = notices.flatMap((notice) => [
    "actorId" in notice ? notice.actorId : null,
    "userId" in notice ? notice.userId : null,
  ]);
  const ids = [...new Set(people.filter((id): id is string => id !== null))];
  const names = new Map(
    ids.length
      ? (await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((row) => [row.id, row.name])
      : [],
  );
  const nameOf = (userId: string | null) => (userId && names.get(userId)) || "Someone";

  const written: MessageView[] = [];
  for (const notice of notices) {
    const { message } = await insertMessage(tx, {
      conversationId,
      senderId: null,
      type: "system",
      internal: false,
      body: describe(notice, nameOf),
      replyToId: null,
      mentions: [],
      clientId: null,
      data: { ...notice },
    });
    written.push(message);
  }

  const lastSeq = written.at(-1)?.seq;
  if (seenBy && lastSeq !== undefined) {
    await tx
      .update(participants)
      .set({
        lastDeliveredSeq: sql`greatest(${participants.lastDeliveredSeq}, ${lastSeq}::int)`,
        lastReadSeq: sql`greatest(${participants.lastReadSeq}, ${lastSeq}::int)`,
      })
      .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, seenBy)));
  }
  return written;
}

/** Tells live subscribers, once the transaction that wrote the notices has committed. */
export async function publishRoomNotices(deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">, notices: MessageView[]): Promise<void> {
  for (const notice of notices) await publishMessage(deps, notice);
}
