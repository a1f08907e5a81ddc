import { MESSAGE_BODY_MAX_LENGTH, conversationPriority, conversationStatus, messageType } from "@parley/db";
import { z } from "zod";

export const messageBodySchema = z
  .string()
  .trim()
  .min(1, "A message needs some text.")
  .max(MESSAGE_BODY_MAX_LENGTH, `Messages are at most ${MESSAGE_BODY_MAX_LENGTH.toLocaleString("en")} characters.`);

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
