import { eq, users } from "@parley/db";

import type { ServerDependencies } from "../../context";
import type { MessageView } from "../messages/message-view";
import { publishUnread } from "./announce-unread";
import { publishInboxEvent } from "./inbox-events";
import { readUnreadAfterMessage } from "./unread-counts";
import { toInboxMention } from "./mentions";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

/**
 * Updates the inboxes a message changes, once it is committed. A new message raises the
 * unread count of everyone in the conversation who may see it (private notes: staff
 * only) and sends a mention to those it names; the sender hears their own count too,
 * since sending marks the conversation read for them. Most new messages are counted
 * with the others of the moment (`UnreadRecounter`); one that mentions someone is
 * counted at once, since the count says who may see it. A deleted message lowers the
 * count of those who had not read it. An edit changes no count.
 */
export async function announceMessageToInboxes(deps: Deps, message: MessageView): Promise<void> {
  // Messages are announced when sent, edited or deleted; only a sent one has neither mark.
  const isNew = !message.editedAt && !message.deletedAt;
  if (!isNew && !message.deletedAt) return;
  if (isNew && !message.mentions.length) return deps.unreadRecounter.afterMessage(message);

  const counted = await publishUnread(deps, message.conversationId, await readUnreadAfterMessage(deps.db, message, { withSender: isNew }));
  if (isNew && message.mentions.length) await announceMentions(deps, message, new Set(counted.keys()));
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
