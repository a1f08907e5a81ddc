import { z } from "zod";

import { zAsyncIterable } from "../lib/z-async-iterable";
import { inboxEventSchema, inboxSummarySchema } from "../schemas/inbox";
import { readInboxSummary } from "../services/inbox/inbox-summary";
import { watchInbox } from "../services/inbox/watch-inbox";
import { authedProcedure, createTRPCRouter } from "../trpc";

/** A person's own inbox, whatever their role; visitors have one as customers do. */
export const inboxRouter = createTRPCRouter({
  /** Unread counts, per conversation and in all, and the unread messages that mention the viewer. */
  summary: authedProcedure
    .input(z.void())
    .output(inboxSummarySchema)
    .query(async ({ ctx }) => (await readInboxSummary(ctx.db, ctx.viewer)).summary),

  /**
   * The inbox live: a `snapshot` (the summary) first and after any reconnect, then
   * `conversation.added`, `unread.changed` and `mention` as they happen.
   */
  events: authedProcedure
    .input(z.void())
    .output(zAsyncIterable({ yield: inboxEventSchema }))
    .subscription(({ ctx, signal }) => watchInbox(ctx, ctx.viewer, signal)),
});
