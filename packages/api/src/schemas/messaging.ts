import {
  MESSAGE_BODY_MAX_LENGTH,
  conversationKind,
  conversationPriority,
  conversationStatus,
  messageType,
  notificationLevel,
  participantRole,
} from "@parley/db";
import { z } from "zod";

import { MAX_ATTACHMENTS_PER_MESSAGE } from "../services/attachments/claim-attachments";

export const messageBodySchema = z
  .string()
  .trim()
  .min(1, "A message needs some text.")
  .max(MESSAGE_BODY_MAX_LENGTH, `Messages are at most ${MESSAGE_BODY_MAX_LENGTH.toLocaleString("en")} characters.`);

/** The text of a message that may carry attachments instead: empty is fine then. */
export const messageTextSchema = z
  .string()
  .trim()
  .max(MESSAGE_BODY_MAX_LENGTH, `Messages are at most ${MESSAGE_BODY_MAX_LENGTH.toLocaleString("en")} characters.`);

export const attachmentIdsSchema = z
  .array(z.uuid())
  .max(MAX_ATTACHMENTS_PER_MESSAGE, `A message carries at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments.`);

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  /** Sniffed from the content when it was uploaded. */
  mimeType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** Images only. */
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** The download path on the API server; add `?download=1` to download even an image. */
  url: z.string(),
});

export const clientIdSchema = z.string().min(8).max(64).regex(/^[\w-]+$/, "Use letters, digits, - and _.");

export const messageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  seq: z.number().int().positive(),
  eventSeq: z.number().int().nonnegative(),
  senderId: z.uuid().nullable(),
  type: z.enum(messageType.enumValues),
  internal: z.boolean(),
  body: z.string(),
  replyToId: z.uuid().nullable(),
  mentions: z.array(z.uuid()),
  data: z.record(z.string(), z.unknown()).nullable(),
  clientId: z.string().nullable(),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deletedAt: z.date().nullable(),
  attachments: z.array(attachmentSchema),
});

export const conversationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["support", "direct", "group"]),
  status: z.enum(conversationStatus.enumValues),
  priority: z.enum(conversationPriority.enumValues),
  subject: z.string().nullable(),
  visibility: z.enum(["public", "private"]),
  customerId: z.uuid().nullable(),
  assignedAgentId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  externalRef: z.string().nullable(),
  lastSeq: z.number().int(),
  lastEventSeq: z.number().int(),
  lastMessageAt: z.date().nullable(),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
});

export const conversationEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), message: messageSchema }),
  z.object({
    type: z.literal("receipt"),
    userId: z.uuid(),
    lastDeliveredSeq: z.number().int(),
    lastReadSeq: z.number().int(),
  }),
  z.object({ type: z.literal("typing"), userId: z.uuid(), typing: z.boolean() }),
]);

// Conversation management, search and blocks.

export const roomNameSchema = z.string().trim().min(1, "Give the room a name.").max(100, "Room names are at most 100 characters.");

export const notificationLevelSchema = z.enum(notificationLevel.enumValues);

export const participantSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: z.enum(participantRole.enumValues),
  /** Whether the mute is in force now: a mute whose time has passed reads as not muted. */
  muted: z.boolean(),
  mutedUntil: z.date().nullable(),
  notificationLevel: notificationLevelSchema,
  joinedAt: z.date(),
  lastReadSeq: z.number().int(),
});

export const conversationDetailSchema = conversationSchema.extend({
  participants: z.array(participantSchema),
});

export const messagePreviewSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  senderId: z.uuid().nullable(),
  senderName: z.string().nullable(),
  type: z.enum(messageType.enumValues),
  /** The start of the body, enough for one line of a conversation list. */
  body: z.string(),
  createdAt: z.date(),
});

export const conversationListItemSchema = conversationSchema.extend({
  /** The last message's time, or the creation time of a conversation without messages. */
  lastActivityAt: z.date(),
  unread: z.number().int().nonnegative().describe("Others' messages not read yet, counted up to 999."),
  lastMessage: messagePreviewSchema.nullable(),
  /** The other person of a direct conversation, which has no name of its own. */
  counterpart: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  muted: z.boolean(),
  mutedUntil: z.date().nullable(),
  notificationLevel: notificationLevelSchema,
  lastReadSeq: z.number().int(),
});

export const conversationListCursorSchema = z.object({ lastActivityAt: z.coerce.date(), id: z.uuid() });

export const conversationPageSchema = z.object({
  items: z.array(conversationListItemSchema),
  nextCursor: conversationListCursorSchema.nullable(),
});

export const conversationListFilterSchema = z.object({
  kind: z.enum(conversationKind.enumValues).optional(),
  status: z.enum(conversationStatus.enumValues).optional(),
});

export const searchQuerySchema = z
  .string()
  .trim()
  .min(1, "Type something to search for.")
  .max(200, "Search for at most 200 characters.")
  // Punctuation alone leaves PostgreSQL no word to look for.
  .regex(/[\p{L}\p{N}]/u, "Search for at least one word.");

export const messageSearchHitSchema = z.object({
  messageId: z.uuid(),
  conversationId: z.uuid(),
  conversationKind: z.enum(conversationKind.enumValues),
  conversationSubject: z.string().nullable(),
  seq: z.number().int(),
  senderId: z.uuid().nullable(),
  senderName: z.string().nullable(),
  type: z.enum(messageType.enumValues),
  internal: z.boolean(),
  createdAt: z.date(),
  /**
   * The matching passage as HTML: the message text is escaped, and the only markup is
   * `<mark>` around the words that matched, so it is safe to render as HTML.
   */
  snippet: z.string(),
  rank: z.number(),
});

export const messageSearchPageSchema = z.object({
  items: z.array(messageSearchHitSchema),
  hasMore: z.boolean(),
});

export const blockedPersonSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  blockedAt: z.date(),
});
