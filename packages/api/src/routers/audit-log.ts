import { z } from "zod";

import { listAudit } from "../services/audit-log";
import { adminProcedure, createTRPCRouter } from "../trpc";

const auditEntrySchema = z.object({
  id: z.number().int(),
  actorKind: z.enum(["user", "api_key", "system", "anonymous"]),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.date(),
});

export const auditLogRouter = createTRPCRouter({
  list: adminProcedure
    .input(
      z.object({
        action: z.string().max(100).optional(),
        actorId: z.uuid().optional(),
        targetId: z.string().max(100).optional(),
        from: z.date().optional(),
        to: z.date().optional(),
        cursor: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .output(z.object({ items: z.array(auditEntrySchema), nextCursor: z.number().int().nullable() }))
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
