import { z } from "zod";

import { messageSearchPageSchema, searchQuerySchema } from "../schemas/messaging";
import { searchMessages } from "../services/search/search-messages";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const searchRouter = createTRPCRouter({
  /** Messages the viewer may see that match the words, best match first. */
  messages: authedProcedure
    .input(
      z.object({
        q: searchQuerySchema,
        conversationId: z.uuid().optional(),
        limit: z.number().int().min(1).max(50).default(20),
        offset: z.number().int().min(0).max(1_000).default(0),
      }),
    )
    .output(messageSearchPageSchema)
    .query(({ ctx, input }) => searchMessages(ctx.db, ctx.viewer, input)),
});
