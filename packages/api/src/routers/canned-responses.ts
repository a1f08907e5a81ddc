import { z } from "zod";

import { listCannedResponses } from "../services/canned-responses/list-canned-responses";
import {
  createCannedResponse,
  deleteCannedResponse,
  updateCannedResponse,
} from "../services/canned-responses/manage-canned-responses";
import { renderCannedResponseFor } from "../services/canned-responses/render-for-conversation";
import {
  cannedResponseIdInput,
  cannedResponsePageSchema,
  cannedResponseSchema,
  createCannedResponseInput,
  listCannedResponsesInput,
  renderCannedResponseInput,
  renderedCannedResponseSchema,
  searchCannedResponsesInput,
  updateCannedResponseInput,
} from "../services/canned-responses/schemas";
import { searchCannedResponses } from "../services/canned-responses/search-canned-responses";
import { agentProcedure, createTRPCRouter } from "../trpc";

const done = z.object({ ok: z.literal(true) });
const ok = { ok: true as const };

/**
 * Saved replies for agents. Admins manage the shared ones (desk-wide or per team); every
 * agent keeps personal ones. Customers and API keys have no business here.
 */
export const cannedResponsesRouter = createTRPCRouter({
  list: agentProcedure
    .input(listCannedResponsesInput)
    .output(cannedResponsePageSchema)
    .query(({ ctx, input }) => listCannedResponses(ctx.db, ctx.viewer, input)),

  /** As the agent types in the composer: shortcuts first, then titles, then bodies. */
  search: agentProcedure
    .input(searchCannedResponsesInput)
    .output(z.array(cannedResponseSchema))
    .query(({ ctx, input }) => searchCannedResponses(ctx.db, ctx.viewer, input)),

  create: agentProcedure
    .input(createCannedResponseInput)
    .output(cannedResponseSchema)
    .mutation(({ ctx, input }) => createCannedResponse(ctx.db, ctx.request, ctx.viewer, input)),

  update: agentProcedure
    .input(updateCannedResponseInput)
    .output(cannedResponseSchema)
    .mutation(({ ctx, input }) => updateCannedResponse(ctx.db, ctx.request, ctx.viewer, input)),

  delete: agentProcedure
    .input(cannedResponseIdInput)
    .output(done)
    .mutation(async ({ ctx, input }) => (await deleteCannedResponse(ctx.db, ctx.request, ctx.viewer, input), ok)),

  /** The text to put in the composer, placeholders filled for the given conversation. */
  render: agentProcedure
    .input(renderCannedResponseInput)
    .output(renderedCannedResponseSchema)
    .query(({ ctx, input }) => renderCannedResponseFor(ctx.db, ctx.viewer, input)),
});
