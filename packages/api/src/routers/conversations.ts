import { z } from "zod";

import { conversationSchema } from "../schemas/messaging";
import { createRoom, openDirectConversation, startSupportSession } from "../services/conversations/create";
import { authedProcedure, createTRPCRouter, customerProcedure } from "../trpc";

export const conversationsRouter = createTRPCRouter({
  /** A customer or visitor asks for help: the session enters the waiting queue. */
  startSession: customerProcedure
    .input(
      z.object({
        subject: z.string().trim().min(1).max(200),
        teamId: z.uuid().optional(),
        priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
        externalRef: z.string().trim().max(200).optional(),
      }),
    )
    .output(conversationSchema)
    .mutation(({ ctx, input }) => startSupportSession(ctx.db, ctx.viewer, input)),

  openDirect: authedProcedure
    .input(z.object({ userId: z.uuid() }))
    .output(conversationSchema)
    .mutation(({ ctx, input }) => openDirectConversation(ctx.db, ctx.viewer, input.userId)),

  createRoom: authedProcedure
    .input(
      z.object({
        name: z.string().trim().min(1).max(100),
        visibility: z.enum(["public", "private"]).default("private"),
        memberIds: z.array(z.uuid()).max(100),
        externalRef: z.string().trim().max(200).optional(),
      }),
    )
    .output(conversationSchema)
    .mutation(({ ctx, input }) => createRoom(ctx.db, ctx.viewer, input)),
});
