import { z } from "zod";

const sessionStatusSchema = z.enum(["waiting", "active", "closed"]);
const prioritySchema = z.enum(["low", "normal", "high", "urgent"]);

export const deskSessionQuerySchema = z.object({
  view: z.enum(["mine", "team", "closed"]),
  search: z.string().trim().max(100).optional(),
  priority: prioritySchema.optional(),
  teamId: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const deskSessionSchema = z.object({
  id: z.uuid(),
  status: sessionStatusSchema,
  priority: prioritySchema,
  subject: z.string().nullable(),
  externalRef: z.string().nullable(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  assignedAgentId: z.uuid().nullable(),
  assignedAgentName: z.string().nullable(),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
  lastActivityAt: z.date(),
  /** The start of the last message, private notes included. */
  lastMessageBody: z.string().nullable(),
});

export const customerProfileSchema = z.object({
  customer: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    isVisitor: z.boolean(),
    createdAt: z.date(),
    lastSeenAt: z.date().nullable(),
  }),
  /** Whether the viewer has blocked this customer. */
  blockedByViewer: z.boolean(),
  /** The current session's reference in the shop (an order number, say). */
  externalRef: z.string().nullable(),
  /** Newest first, the current session included; only sessions the viewer may see. */
  pastSessions: z.array(
    z.object({
      id: z.uuid(),
      subject: z.string().nullable(),
      status: sessionStatusSchema,
      externalRef: z.string().nullable(),
      createdAt: z.date(),
      closedAt: z.date().nullable(),
      agentName: z.string().nullable(),
      rating: z.number().int().min(1).max(5).nullable(),
    }),
  ),
  csat: z.object({
    count: z.number().int().nonnegative(),
    average: z.number().nullable(),
    ratings: z.array(
      z.object({
        conversationId: z.uuid(),
        subject: z.string().nullable(),
        agentName: z.string().nullable(),
        rating: z.number().int().min(1).max(5),
        comment: z.string().nullable(),
        createdAt: z.date(),
      }),
    ),
  }),
});

export const directoryAgentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(["agent", "admin"]),
  availability: z.enum(["online", "away", "offline"]),
  capacity: z.number().int(),
  openSessions: z.number().int(),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
