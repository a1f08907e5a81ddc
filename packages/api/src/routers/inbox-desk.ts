import { z } from "zod";

import { assignmentSchema, sessionIdInput } from "../schemas/desk";
import { customerProfileSchema, deskSessionQuerySchema, deskSessionSchema, directoryAgentSchema } from "../schemas/inbox-desk";
import { readAgentDirectory } from "../services/inbox-desk/agent-directory";
import { claimSession } from "../services/inbox-desk/claim-session";
import { readCustomerProfile } from "../services/inbox-desk/customer-profile";
import { listDeskSessions } from "../services/inbox-desk/desk-sessions";
import { agentProcedure, createTRPCRouter } from "../trpc";

/** What the agent inbox shows beyond the desk's own procedures: its lists, the customer panel, colleagues. */
export const inboxDeskRouter = createTRPCRouter({
  /** One of the inbox's lists (mine, the team's, closed), searchable and filtered. */
  sessions: agentProcedure
    .input(deskSessionQuerySchema)
    .output(z.array(deskSessionSchema))
    .query(({ ctx, input }) => listDeskSessions(ctx.db, ctx.viewer, input)),

  /** The customer of a support session: who they are, their sessions and their ratings. */
  customerProfile: agentProcedure
    .input(z.object({ conversationId: z.uuid() }))
    .output(customerProfileSchema)
    .query(({ ctx, input }) => readCustomerProfile(ctx.db, ctx.viewer, input.conversationId)),

  /** Colleagues to transfer a session to, with their availability and load. */
  agents: agentProcedure
    .input(z.void())
    .output(z.array(directoryAgentSchema))
    .query(({ ctx }) => readAgentDirectory(ctx.db)),

  /** Takes one particular waiting session from the queue. */
  claim: agentProcedure
    .input(sessionIdInput)
    .output(assignmentSchema)
    .mutation(({ ctx, input }) => claimSession(ctx, ctx.viewer, input.sessionId, new Date())),
});
