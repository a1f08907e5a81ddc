import { z } from "zod";

import { messageSchema } from "../schemas/messaging";
import { postUpdate } from "../services/integrations/post-update";
import { createTRPCRouter, roleOrApiKeyProcedure } from "../trpc";

export const updatesRouter = createTRPCRouter({
  /** Order and delivery notices from other systems; agents may post them by hand too. */
  post: roleOrApiKeyProcedure(["agent", "admin"], "messages:write")
    .meta({
      openapi: {
        method: "POST",
        path: "/updates",
        tags: ["messages"],
        summary: "Post an order or delivery update",
        description:
          "Shown in the conversation as a system notice with its data. Address it by `conversationId`, or by `externalRef` (the latest open conversation about that order).",
        protect: true,
      },
    })
    .input(
      z
        .object({
          conversationId: z.uuid().optional(),
          externalRef: z.string().trim().min(1).max(200).optional(),
          type: z.enum(["order_update", "delivery_update", "system"]),
          body: z.string().trim().min(1).max(2_000),
          data: z.record(z.string(), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()])).optional(),
        })
        .refine((input) => input.conversationId || input.externalRef, {
          message: "Name a conversationId or an externalRef.",
        }),
    )
    .output(messageSchema)
    .mutation(({ ctx, input }) => postUpdate(ctx, ctx.viewer, input)),
});
