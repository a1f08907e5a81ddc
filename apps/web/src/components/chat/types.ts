import type { RouterOutputs } from "@parley/api";

export type ChatMessage = RouterOutputs["messages"]["history"]["items"][number];
export type ChatAttachment = ChatMessage["attachments"][number];
export type ConversationDetail = RouterOutputs["conversations"]["get"];
export type ChatParticipant = ConversationDetail["participants"][number];

/** What the sender sees under their own message. */
export type DeliveryStatus = "sending" | "failed" | "sent" | "delivered" | "read";

/** Where each other participant has got to: their delivered and read watermarks. */
export type Watermarks = Map<string, { lastDeliveredSeq: number; lastReadSeq: number }>;

/** A message written here and not yet confirmed by the server. */
export interface PendingMessage {
  clientId: string;
  body: string;
  internal: boolean;
  replyToId: string | null;
  attachments: ChatAttachment[];
  mentions: string[];
  createdAt: Date;
  state: "sending" | "failed";
  /** Why the last attempt failed, in words for the sender. */
  error: string | null;
  /** A refusal (bad input, closed session) is not retried by itself; a lost connection is. */
  retryable: boolean;
}
