import type { ServerDependencies } from "../../context";
import type { ConversationAddedEvent } from "./inbox-events";
import { publishInboxEvent } from "./inbox-events";

type Conversation = { id: string; kind: ConversationAddedEvent["kind"]; subject: string | null };

/**
 * Tells people they now take part in a conversation, so their inbox lists it without a
 * reload. Sent before anything is posted in it for them, so a client knows the
 * conversation by the time its first unread count arrives.
 */
export async function announceConversationAdded(
  deps: Pick<ServerDependencies, "bus">,
  conversation: Conversation,
  people: { userId: string; reason: ConversationAddedEvent["reason"] }[],
): Promise<void> {
  await Promise.all(
    people.map(({ userId, reason }) =>
      publishInboxEvent(deps.bus, userId, {
        type: "conversation.added",
        conversationId: conversation.id,
        kind: conversation.kind,
        subject: conversation.subject,
        reason,
      }),
    ),
  );
}
