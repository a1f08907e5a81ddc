import { z } from "zod";

import { zAsyncIterable } from "../lib/z-async-iterable";
import { streamConversation } from "../realtime/conversation-stream";
import {
  attachmentIdsSchema,
  clientIdSchema,
  conversationEventSchema,
  messageBodySchema,
  messageSchema,
  messageTextSchema,
} from "../schemas/messaging";
import { deleteMessage, editMessage } from "../services/messages/change-message";
import { readHistory } from "../services/messages/history";
import { sendMessage } from "../services/messages/send-message";
import { setTyping } from "../services/messages/typing";
import { markReceipt, readReceiptState, readUnreadCounts } from "../services/receipts/watermarks";
import { authedProcedure, createTRPCRouter, roleOrApiKeyProcedure } from "../trpc";

const ok = z.object({ ok: z.literal(true) });

/** People in the conversation, or integrations with the messages:write scope (support sessions only). */
const senderProcedure = roleOrApiKeyProcedure(["customer", "agent", "admin"], "messages:write");
const readerProcedure = roleOrApiKeyProcedure(["customer", "agent", "admin"], "sessions:read");

export const messagesRouter = createTRPCRouter({
  send: senderProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/conversations/{conversationId}/messages",
        tags: ["messages"],
        summary: "Send a message",
        description:
          "Idempotent with `clientId`: sending again with the same id returns the first message. " +
          "`attachmentIds` are files uploaded first with `POST /uploads`; the body may be empty when there are some.",
        protect: true,
      },
    })
    .input(
      z.object({
        conversationId: z.uuid(),
        body: messageTextSchema.default(""),
        attachmentIds: attachmentIdsSchema.optional(),
        internal: z.boolean().default(false),
        replyToId: z.uuid().optional(),
        mentions: z.array(z.uuid()).max(50).optional(),
        clientId: clientIdSchema.optional(),
      })
      .refine((message) => message.body.length > 0 || !!message.attachmentIds?.length, {
        message: "A message needs some text or an attachment.",
        path: ["body"],
      }),
    )
    .output(messageSchema)
    .mutation(({ ctx, input }) => sendMessage(ctx, ctx.viewer, ctx.request, input)),

  edit: authedProcedure
    .input(z.object({ messageId: z.uuid(), body: messageBodySchema }))
    .output(messageSchema)
    .mutation(({ ctx, input }) => editMessage(ctx, ctx.viewer, input)),

  delete: authedProcedure
    .input(z.object({ messageId: z.uuid() }))
    .output(messageSchema)
    .mutation(({ ctx, input }) => deleteMessage(ctx, ctx.viewer, ctx.request, input)),

  history: readerProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/conversations/{conversationId}/messages",
        tags: ["messages"],
        summary: "List messages",
        description: "A page by seq: the newest page, or before/after a seq. Oldest first within the page.",
        protect: true,
      },
    })
    .input(
      z.object({
        conversationId: z.uuid(),
        beforeSeq: z.coerce.number().int().positive().optional(),
        afterSeq: z.coerce.number().int().nonnegative().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    )
    .output(
      z.object({
        items: z.array(messageSchema),
        hasMoreBefore: z.boolean(),
        hasMoreAfter: z.boolean(),
        lastEventSeq: z.number().int(),
      }),
    )
    .query(({ ctx, input }) => readHistory(ctx.db, ctx.viewer, input)),

  /**
   * Live events of one conversation. Pass `lastEventId` (the client does on reconnect,
   * or the `lastEventSeq` of a history page) to get every change since, exactly once.
   */
  events: authedProcedure
    .input(z.object({ conversationId: z.uuid(), lastEventId: z.string().nullish() }))
    .output(zAsyncIterable({ yield: conversationEventSchema, tracked: true }))
    .subscription(({ ctx, input, signal }) =>
      streamConversation(ctx, ctx.viewer, input.conversationId, input.lastEventId, signal),
    ),

  typing: authedProcedure
    .input(z.object({ conversationId: z.uuid(), typing: z.boolean() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await setTyping(ctx, ctx.viewer, input), { ok: true as const })),

  markReceipt: authedProcedure
    .input(z.object({ conversationId: z.uuid(), seq: z.number().int().nonnegative(), kind: z.enum(["delivered", "read"]) }))
    .output(z.object({ lastDeliveredSeq: z.number().int(), lastReadSeq: z.number().int() }))
    .mutation(({ ctx, input }) => markReceipt(ctx, ctx.viewer, input)),

  receipts: authedProcedure
    .input(z.object({ conversationId: z.uuid() }))
    .output(z.array(z.object({ userId: z.uuid(), lastDeliveredSeq: z.number().int(), lastReadSeq: z.number().int() })))
    .query(({ ctx, input }) => readReceiptState(ctx.db, ctx.viewer, input.conversationId)),

  unread: authedProcedure
    .input(z.void())
    .output(
      z.object({
        total: z.number().int(),
        conversations: z.array(z.object({ conversationId: z.uuid(), unread: z.number().int() })),
      }),
    )
    .query(({ ctx }) => readUnreadCounts(ctx.db, ctx.viewer)),
});
