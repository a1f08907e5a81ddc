import { z } from "zod";

import { zAsyncIterable } from "../lib/z-async-iterable";
import { setConnectionState } from "../services/presence/set-connection-state";
import { watchPresence } from "../services/presence/watch-presence";
import { authedProcedure, createTRPCRouter } from "../trpc";

const presenceSchema = z.object({
  userId: z.uuid(),
  status: z.enum(["online", "away", "offline"]),
  lastSeenAt: z.date().nullable(),
});

const userIdsInput = z.object({ userIds: z.array(z.uuid()).min(1).max(200) });

export const presenceRouter = createTRPCRouter({
  of: authedProcedure
    .input(userIdsInput)
    .output(z.array(presenceSchema))
    .query(({ ctx, input }) => ctx.presence.statusOf(input.userIds)),

  /** The statuses now, then every change, for the people the caller is looking at. */
  watch: authedProcedure
    .input(userIdsInput)
    .output(zAsyncIterable({ yield: presenceSchema }))
    .subscription(({ ctx, input, signal }) => watchPresence(ctx, input.userIds, signal)),

  /** A socket's own state: "away" while its tab is hidden or idle. Only over WebSocket. */
  setState: authedProcedure
    .input(z.object({ state: z.enum(["online", "away"]) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await setConnectionState(ctx, ctx.viewer.id, ctx.request, input.state);
      return { ok: true as const };
    }),
});
