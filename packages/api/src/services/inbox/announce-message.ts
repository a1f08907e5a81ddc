import { and, eq, isNull, lt, or, participants, sql, users, type Database } from "@parley/db";

import type { ServerDependencies } from "../../context";
import type { MessageView } from "../messages/message-view";
import { announceUnread } from "./announce-unread";
import { publishInboxEvent } from "./inbox-events";
import { toInboxMention } from "./mentions";

type Deps = Pick<ServerDependencies, "db" | "bus">;

/**
 * Updates the inboxes a message changes, once it is committed. A new message raises the
 * unread count of everyone in the conversation who may see it (private notes: staff
 * only) and sends a mention to those it names; the sender hears their own count too,
 * since sending marks the conversation read for them. A deleted message lowers the
 * count of those who had not read it. An edit changes no count.
 */
export async function announceMessageToInboxes(deps: Deps, message: MessageView): Promise<void> {
  // Messages are announced when sent, edited or deleted; only a sent one has neither mark.
  const isNew = !message.editedAt && !message.deletedAt;
  if (!isNew && !message.deletedAt) return;

  const counted = await announceUnread(deps, message.conversationId, unreadAudience(deps.db, message, { withSender: isNew }));
  if (isNew && message.mentions.length) await announceMentions(deps, message, new Set(counted.keys()));
}

/** Participants who may see the message and had not read it (and, if asked, its sender). */
function unreadAudience(db: Database, message: MessageView, options: { withSender: boolean }) {
  const unreadBy = lt(participants.lastReadSeq, message.seq);
  return db
    .select({ userId: participants.userId })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(
      and(
        eq(participants.conversationId, message.conversationId),
        isNull(participants.leftAt),
        options.withSender && message.senderId ? or(unreadBy, eq(participants.userId, message.senderId)) : unreadBy,
        message.internal ? sql`${users.role} <> 'customer'` : undefined,
      ),
    );
}

/** A mention reaches only the named people who may see the message: never a customer named in a private note. */
async function announceMentions(deps: Deps, message: MessageView, audience: Set<string>) {
  const named = message.mentions.filter((userId) => audience.has(userId) && userId !== message.senderId);
  if (!named.length) return;
  const [sender] = message.senderId
    ? await deps.db.select({ name: users.name }).from(users).where(eq(users.id, message.senderId))
    : [];
  const mention = toInboxMention({ ...message, senderName: sender?.name ?? null });
  await Promise.all(named.map((userId) => publishInboxEvent(deps.bus, userId, { type: "mention", ...mention })));
}
