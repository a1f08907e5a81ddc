import type { MessageView } from "../services/messages/message-view";

/**
 * What travels on a conversation's channel. Message events carry the conversation's
 * change number (`eventSeq`), the resume key; the others are ephemeral.
 */
export type ConversationEvent =
  | { type: "message"; message: MessageView }
  | { type: "receipt"; userId: string; lastDeliveredSeq: number; lastReadSeq: number }
  | { type: "typing"; userId: string; typing: boolean };
