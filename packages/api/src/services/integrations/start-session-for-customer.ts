import { TRPCError } from "@trpc/server";
import { sql, users, type Database } from "@parley/db";

import type { RequestInfo, ServerDependencies, Viewer } from "../../context";
import { recordAudit } from "../audit-log";
import { openSession } from "../desk/open-session";

export interface StartSessionForCustomerInput {
  customer: { email: string; name: string };
  subject: string;
  teamId?: string;
  priority?: "low" | "normal" | "high" | "urgent";
  externalRef?: string;
}

/**
 * A third party (an order system, a contact form) opens a session on a customer's
 * behalf. The customer is found by email, or recorded as a new customer without a
 * password; the session then waits in the queue like any other.
 */
export async function startSessionForCustomer(
  deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">,
  integration: Viewer,
  request: RequestInfo,
  input: StartSessionForCustomerInput,
) {
  const { customer, created } = await findOrCreateCustomer(deps.db, input.customer);
  const asCustomer = { kind: "user", id: customer.id, role: "customer", isVisitor: false } as const;
  const session = await openSession(deps, asCustomer, input, new Date());
  await recordAudit(deps.db, request, {
    action: "session.created_by_integration",
    actor: integration,
    targetType: "conversation",
    targetId: session.id,
    details: { customerId: customer.id, createdCustomer: created },
  });
  return session;
}

async function findOrCreateCustomer(db: Database, person: { email: string; name: string }) {
  const byEmail = sql`lower(${users.email}) = lower(${person.email.trim()})`;
  const [inserted] = await db
    .insert(users)
    .values({ email: person.email.trim(), name: person.name.trim(), role: "customer" })
    .onConflictDoNothing()
    .returning();
  // Someone may have taken the address a moment ago: read it back rather than fail.
  const customer = inserted ?? (await db.select().from(users).where(byEmail))[0]!;
  if (customer.role !== "customer") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "That email belongs to a staff account, not a customer." });
  }
  if (customer.disabledAt) throw new TRPCError({ code: "FORBIDDEN", message: "That customer's account is disabled." });
  return { customer, created: !!inserted };
}
