import { z } from "zod";

export const sessionIdInput = z.object({ sessionId: z.uuid() });

export const assignmentSchema = z.object({ sessionId: z.uuid(), agentId: z.uuid() });

export const queuePositionSchema = z.object({
  sessionId: z.uuid(),
  status: z.enum(["waiting", "active", "closed"]),
  position: z.number().int().positive().nullable(),
});

export const waitingSessionSchema = z.object({
  id: z.uuid(),
  subject: z.string().nullable(),
  priority: z.enum(["low", "normal", "high", "urgent"]),
  teamId: z.uuid().nullable(),
  externalRef: z.string().nullable(),
  queuedAt: z.date(),
  waitingSeconds: z.number().int().nonnegative(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
});

export const queueEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("queued"), sessionId: z.uuid(), teamId: z.uuid().nullable(), priority: z.string() }),
  z.object({ type: z.literal("assigned"), sessionId: z.uuid(), agentId: z.uuid(), teamId: z.uuid().nullable() }),
  z.object({
    type: z.literal("transferred"),
    sessionId: z.uuid(),
    fromAgentId: z.uuid().nullable(),
    fromTeamId: z.uuid().nullable(),
    toAgentId: z.uuid().nullable(),
    toTeamId: z.uuid().nullable(),
  }),
  z.object({ type: z.literal("closed"), sessionId: z.uuid(), agentId: z.uuid().nullable(), teamId: z.uuid().nullable() }),
  z.object({ type: z.literal("reopened"), sessionId: z.uuid(), teamId: z.uuid().nullable() }),
  z.object({
    type: z.literal("rated"),
    sessionId: z.uuid(),
    agentId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    rating: z.number().int().min(1).max(5),
  }),
]);

export const csatSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  createdAt: z.date(),
});

export const transcriptSchema = z.object({
  fileName: z.string(),
  text: z.string(),
  transcript: z.object({
    session: z.object({
      id: z.uuid(),
      subject: z.string().nullable(),
      status: z.string(),
      externalRef: z.string().nullable(),
      createdAt: z.date(),
      closedAt: z.date().nullable(),
      resolutionNote: z.string().nullable(),
    }),
    lines: z.array(
      z.object({
        seq: z.number().int(),
        at: z.date(),
        author: z.string(),
        type: z.string(),
        internal: z.boolean(),
        text: z.string(),
        edited: z.boolean(),
        deleted: z.boolean(),
      }),
    ),
  }),
});
