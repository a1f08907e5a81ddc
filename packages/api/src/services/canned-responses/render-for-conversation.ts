import { eq, users, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { readConversationAccess } from "../conversations/access";
import { readCannedResponse } from "./read-canned-responses";
import { renderCannedResponse, type PlaceholderValues } from "./render-placeholders";
import { requireStaff } from "./visibility";

/**
 * A response ready to send: the agent's placeholders filled from their account, and, for a
 * conversation they may see, the customer's and the session's from that conversation.
 */
export async function renderCannedResponseFor(
  db: Database,
  viewer: PersonViewer,
  input: { id: string; conversationId?: string },
): Promise<{ id: string; shortcut: string; text: string }> {
  requireStaff(viewer);
  const response = await readCannedResponse(db, viewer, input.id);
  const agent = await readPerson(db, viewer.id);
  const values: PlaceholderValues = { "agent.name": agent?.name, "agent.email": agent?.email };

  if (input.conversationId) {
    const { conversation } = await readConversationAccess(db, viewer, input.conversationId);
    const customer = conversation.customerId ? await readPerson(db, conversation.customerId) : undefined;
    values["customer.name"] = customer?.name;
    values["customer.email"] = customer?.email;
    values["session.subject"] = conversation.subject;
    values["session.externalRef"] = conversation.externalRef;
  }

  return { id: response.id, shortcut: response.shortcut, text: renderCannedResponse(response.body, values) };
}

async function readPerson(db: Database, userId: string) {
  const [person] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return person;
}
