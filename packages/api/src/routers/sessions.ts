import { z } from "zod";

import { conversationSchema } from "../schemas/messaging";
import { startSessionForCustomer } from "../services/integrations/start-session-for-customer";
import { listSessions } from "../services/sessions/list-sessions";
import { createTRPCRouter, customerProcedure, roleOrApiKeyProcedure } from "../trpc";

const sessionStatusSchema = z.enum(["waiting", "active", "closed"]);

const sessionSummarySchema = z.object({
  id: z.uuid(),
  status: sessionStatusSchema,
  priority: z.enum(["low", "normal", "high", "urgent"]),
  subject: z.string().nullable(),
  customerId: z.uuid().nullable(),
  assignedAgentId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  externalRef: z.string().nullable(),
  createdAt: z.date(),
  assignedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
});

const pageInput = {
  status: sessionStatusSchema.optional(),
  cursorCreatedAt: z.coerce.date().optional(),
  cursorId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

const sessionPageSchema = z.object({
  items: z.array(sessionSummarySchema),
  nextCursor: z.object({ createdAt: z.date(), id: z.uuid() }).nullable(),
});

const toCursor = (input: { cursorCreatedAt?: Date; cursorId?: string }) =>
  input.cursorCreatedAt && input.cursorId ? { createdAt: input.cursorCreatedAt, id: input.cursorId } : undefined;

export const sessionsRouter = createTRPCRouter({
  /** Sessions for the desk and for integrations, newest first. */
  list: roleOrApiKeyProcedure(["agent", "admin"], "sessions:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/sessions",
        tags: ["sessions"],
        summary: "List support sessions",
        description: "Newest first. Agents see their teams' sessions; API keys need the sessions:read scope.",
        protect: true,
      },
    })
    .input(
      z.object({
        ...pageInput,
        teamId: z.uuid().optional(),
        externalRef: z.string().max(200).optional(),
      }),
    )
    .output(sessionPageSchema)
    .query(({ ctx, input }) => listSessions(ctx.db, ctx.viewer, { ...input, cursor: toCursor(input) })),

  /** A third party opens a session for a customer, who is found or recorded by email. */
  create: roleOrApiKeyProcedure(["agent", "admin"], "sessions:write")
    .meta({
      openapi: {
        method: "POST",
        path: "/sessions",
        tags: ["sessions"],
        summary: "Start a support session for a customer",
        description: "The session enters the waiting queue. The customer is matched by email, or recorded if new.",
        protect: true,
      },
    })
    .input(
      z.object({
        customer: z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(100) }),
        subject: z.string().trim().min(1).max(200),
        teamId: z.uuid().optional(),
        priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
        externalRef: z.string().trim().max(200).optional(),
      }),
    )
    .output(conversationSchema)
    .mutation(({ ctx, input }) => startSessionForCustomer(ctx, ctx.viewer, ctx.request, input)),

  /** The signed-in customer's or visitor's own sessions. */
  mine: customerProcedure
    .input(z.object(pageInput))
    .output(sessionPageSchema)
    .query(({ ctx, input }) => listSessions(ctx.db, ctx.viewer, { ...input, cursor: toCursor(input) })),
});
