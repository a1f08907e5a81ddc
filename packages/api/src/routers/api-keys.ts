import { z } from "zod";

import { apiKeyScopeSchema } from "../auth/scopes";
import { createApiKey, listApiKeys, revokeApiKey } from "../services/api-keys";
import { adminProcedure, createTRPCRouter } from "../trpc";

const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiKeyScopeSchema),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const apiKeysRouter = createTRPCRouter({
  create: adminProcedure
    .input(z.object({ name: z.string().trim().min(1).max(100), scopes: z.array(apiKeyScopeSchema).min(1) }))
    .output(apiKeySchema.extend({ key: z.string() }))
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.request, ctx.viewer, input)),

  list: adminProcedure
    .input(z.void())
    .output(z.array(apiKeySchema))
    .query(({ ctx }) => listApiKeys(ctx.db)),

  revoke: adminProcedure
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeApiKey(ctx.db, ctx.request, ctx.viewer, input.id);
      return { ok: true as const };
    }),
});
