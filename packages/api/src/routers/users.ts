import { z } from "zod";

import { userRoleSchema } from "../schemas/identity";
import { changeRole, listTeams, listUsers, setCapacity, setDisabled, setTeams } from "../services/users-admin";
import { adminProcedure, agentProcedure, createTRPCRouter } from "../trpc";

const userRowSchema = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  name: z.string(),
  role: userRoleSchema,
  isVisitor: z.boolean(),
  availability: z.enum(["online", "away", "offline"]),
  maxConcurrentChats: z.number().int(),
  disabledAt: z.date().nullable(),
  lastSeenAt: z.date().nullable(),
  createdAt: z.date(),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

const done = z.object({ ok: z.literal(true) });
const ok = { ok: true as const };

export const usersRouter = createTRPCRouter({
  list: adminProcedure
    .input(
      z.object({
        search: z.string().trim().max(100).optional(),
        role: userRoleSchema.optional(),
        includeDisabled: z.boolean().default(true),
        includeVisitors: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .output(z.object({ total: z.number().int(), items: z.array(userRowSchema) }))
    .query(({ ctx, input }) => listUsers(ctx.db, input)),

  setRole: adminProcedure
    .input(z.object({ userId: z.uuid(), role: userRoleSchema }))
    .output(done)
    .mutation(async ({ ctx, input }) => (await changeRole(ctx, ctx.request, ctx.viewer, input), ok)),

  setDisabled: adminProcedure
    .input(z.object({ userId: z.uuid(), disabled: z.boolean() }))
    .output(done)
    .mutation(async ({ ctx, input }) => (await setDisabled(ctx, ctx.request, ctx.viewer, input), ok)),

  setCapacity: adminProcedure
    .input(z.object({ userId: z.uuid(), maxConcurrentChats: z.number().int().min(0).max(100) }))
    .output(done)
    .mutation(async ({ ctx, input }) => (await setCapacity(ctx.db, ctx.request, ctx.viewer, input), ok)),

  setTeams: adminProcedure
    .input(z.object({ userId: z.uuid(), teamIds: z.array(z.uuid()).max(50) }))
    .output(done)
    .mutation(async ({ ctx, input }) => (await setTeams(ctx.db, ctx.request, ctx.viewer, input), ok)),

  teams: agentProcedure
    .input(z.void())
    .output(
      z.array(z.object({ id: z.uuid(), name: z.string(), slug: z.string(), autoAssign: z.boolean(), memberCount: z.number().int() })),
    )
    .query(({ ctx }) => listTeams(ctx.db)),
});
