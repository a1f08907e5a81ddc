import { z } from "zod";

import { zAsyncIterable } from "../lib/z-async-iterable";
import { conversationSchema } from "../schemas/messaging";
import {
  assignmentSchema,
  csatSchema,
  queueEventSchema,
  queuePositionSchema,
  sessionIdInput,
  transcriptSchema,
  waitingSessionSchema,
} from "../schemas/desk";
import { assignByHand, takeNextSession } from "../services/desk/assign";
import { setAvailability, setTeamAutoAssign } from "../services/desk/availability";
import { closeSession, reopenSession } from "../services/desk/close-session";
import { submitCsat } from "../services/desk/csat";
import { readQueuePosition, readWaitingQueue, watchQueueEvents, watchQueuePosition } from "../services/desk/queue";
import { buildTranscript, transcriptToText } from "../services/desk/transcript";
import { transferSession } from "../services/desk/transfer-session";
import {
  adminProcedure,
  agentProcedure,
  authedProcedure,
  createTRPCRouter,
  customerProcedure,
  roleOrApiKeyProcedure,
  type ParleyMeta,
} from "../trpc";

const ok = z.object({ ok: z.literal(true) });
const rest = (method: "GET" | "POST", path: `/${string}`, summary: string): ParleyMeta => ({
  openapi: { method, path, tags: ["sessions"], summary, protect: true },
});

/** The support desk: the queue, who has which session, and a session's end. */
export const deskRouter = createTRPCRouter({
  queue: agentProcedure
    .input(z.void())
    .output(z.array(waitingSessionSchema))
    .query(({ ctx }) => readWaitingQueue(ctx.db, ctx.viewer, new Date())),

  /** Live queue changes for the agents' lists. */
  queueEvents: agentProcedure
    .input(z.void())
    .output(zAsyncIterable({ yield: queueEventSchema }))
    .subscription(({ ctx, signal }) => watchQueueEvents(ctx, ctx.viewer, signal)),

  /** The customer's place in line, now and as it changes. */
  queuePosition: authedProcedure
    .input(sessionIdInput)
    .output(queuePositionSchema)
    .query(({ ctx, input }) => readQueuePosition(ctx.db, ctx.viewer, input.sessionId)),

  watchQueuePosition: authedProcedure
    .input(sessionIdInput)
    .output(zAsyncIterable({ yield: queuePositionSchema }))
    .subscription(({ ctx, input, signal }) => watchQueuePosition(ctx, ctx.viewer, input.sessionId, signal)),

  setAvailability: agentProcedure
    .input(z.object({ availability: z.enum(["online", "away", "offline"]) }))
    .output(z.object({ availability: z.enum(["online", "away", "offline"]) }))
    .mutation(({ ctx, input }) => setAvailability(ctx, ctx.viewer.id, input.availability, new Date())),

  /** The agent takes the next waiting session they may serve; null when nobody waits. */
  takeNext: agentProcedure
    .input(z.void())
    .output(assignmentSchema.nullable())
    .mutation(async ({ ctx }) => {
      const assignment = await takeNextSession(ctx, ctx.viewer.id, new Date());
      return assignment && { sessionId: assignment.sessionId, agentId: assignment.agentId };
    }),

  assign: roleOrApiKeyProcedure(["admin"], "sessions:write")
    .meta(rest("POST", "/sessions/{sessionId}/assign", "Assign a waiting session to an agent"))
    .input(sessionIdInput.extend({ agentId: z.uuid() }))
    .output(assignmentSchema)
    .mutation(async ({ ctx, input }) => {
      const actorId = ctx.viewer.kind === "user" ? ctx.viewer.id : null;
      const assignment = await assignByHand(ctx, actorId, input.sessionId, input.agentId, new Date());
      return { sessionId: assignment.sessionId, agentId: assignment.agentId };
    }),

  transfer: roleOrApiKeyProcedure(["agent", "admin"], "sessions:write")
    .meta(rest("POST", "/sessions/{sessionId}/transfer", "Transfer a session to an agent or a team"))
    .input(
      sessionIdInput.extend({
        toAgentId: z.uuid().optional(),
        toTeamId: z.uuid().optional(),
        reason: z.string().trim().min(1).max(500),
      }),
    )
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await transferSession(ctx, ctx.viewer, input, new Date());
      return { ok: true as const };
    }),

  close: roleOrApiKeyProcedure(["customer", "agent", "admin"], "sessions:write")
    .meta(rest("POST", "/sessions/{sessionId}/close", "Close a session"))
    .input(sessionIdInput.extend({ resolutionNote: z.string().trim().max(2_000).optional() }))
    .output(conversationSchema)
    .mutation(({ ctx, input }) => {
      // A resolution note is the desk's record, not the customer's.
      const resolutionNote = ctx.viewer.kind === "user" && ctx.viewer.role === "customer" ? undefined : input.resolutionNote;
      return closeSession(ctx, ctx.viewer, { sessionId: input.sessionId, resolutionNote }, new Date());
    }),

  reopen: customerProcedure
    .input(sessionIdInput)
    .output(conversationSchema)
    .mutation(({ ctx, input }) => reopenSession(ctx, ctx.viewer, input, new Date())),

  rate: roleOrApiKeyProcedure(["customer"], "sessions:write")
    .meta(rest("POST", "/sessions/{sessionId}/csat", "Submit the customer's rating of a closed session"))
    .input(sessionIdInput.extend({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(2_000).optional() }))
    .output(csatSchema)
    .mutation(({ ctx, input }) => submitCsat(ctx, ctx.viewer, input, new Date())),

  transcript: roleOrApiKeyProcedure(["customer", "agent", "admin"], "sessions:read")
    .meta(rest("GET", "/sessions/{sessionId}/transcript", "A session's transcript, as JSON and as text"))
    .input(sessionIdInput)
    .output(transcriptSchema)
    .query(async ({ ctx, input }) => {
      const transcript = await buildTranscript(ctx.db, ctx.viewer, input.sessionId);
      return { fileName: `parley-transcript-${input.sessionId}.txt`, text: transcriptToText(transcript), transcript };
    }),

  setTeamAutoAssign: adminProcedure
    .input(z.object({ teamId: z.uuid(), autoAssign: z.boolean() }))
    .output(z.object({ teamId: z.uuid(), autoAssign: z.boolean() }))
    .mutation(({ ctx, input }) => setTeamAutoAssign(ctx, ctx.request, ctx.viewer, input, new Date())),
});
