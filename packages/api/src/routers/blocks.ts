import { z } from "zod";

import { blockedPersonSchema } from "../schemas/messaging";
import { blockPerson, listBlockedPeople, unblockPerson } from "../services/blocks/manage-blocks";
import { authedProcedure, createTRPCRouter } from "../trpc";

const personInput = z.object({ userId: z.uuid() });
const done = z.object({ ok: z.literal(true) });
const ok = { ok: true as const };

export const blocksRouter = createTRPCRouter({
  /** The viewer stops hearing from someone: no messages from them, no new conversations together. */
  block: authedProcedure
    .input(personInput)
    .output(done)
    .mutation(async ({ ctx, input }) => (await blockPerson(ctx.db, ctx.viewer, input.userId), ok)),

  unblock: authedProcedure
    .input(personInput)
    .output(done)
    .mutation(async ({ ctx, input }) => (await unblockPerson(ctx.db, ctx.viewer, input.userId), ok)),

  list: authedProcedure
    .input(z.void())
    .output(z.array(blockedPersonSchema))
    .query(({ ctx }) => listBlockedPeople(ctx.db, ctx.viewer)),
});
