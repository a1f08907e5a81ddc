import { TRPCError } from "@trpc/server";
import { conversations, csatResponses, eq } from "@parley/db";

import type { ServerDependencies, Viewer } from "../../context";
import { publishQueueEvent } from "./desk-events";

/** The customer rates a closed session, once: 1 to 5 and an optional comment. */
export async function submitCsat(
  deps: Pick<ServerDependencies, "db" | "bus">,
  viewer: Viewer,
  input: { sessionId: string; rating: number; comment?: string },
  now: Date,
) {
  const { db } = deps;
  const [session] = await db.select().from(conversations).where(eq(conversations.id, input.sessionId));
  if (!session || session.kind !== "support") throw new TRPCError({ code: "NOT_FOUND", message: "No such session." });
  // The customer rates in the chat; an integration may pass on a rating the customer gave elsewhere.
  if (viewer.kind === "user" && session.customerId !== viewer.id) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the session's customer can rate it." });
  }
  if (session.status !== "closed") {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "A session is rated once it is closed." });
  }
  const [saved] = await db
    .insert(csatResponses)
    .values({
      conversationId: session.id,
      customerId: session.customerId,
      agentId: session.assignedAgentId,
      rating: input.rating,
      comment: input.comment?.trim() || null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: csatResponses.conversationId })
    .returning();
  if (!saved) throw new TRPCError({ code: "CONFLICT", message: "This session has already been rated." });
  await publishQueueEvent(deps.bus, {
    type: "rated",
    sessionId: session.id,
    agentId: saved.agentId,
    teamId: session.teamId,
    rating: saved.rating,
  });
  return saved;
}
