import { TRPCError } from "@trpc/server";
import { conversations, eq, type Transaction } from "@parley/db";

/** The support session, locked for the rest of the transaction so steps on it happen one at a time. */
export async function lockSession(tx: Transaction, sessionId: string) {
  const [session] = await tx.select().from(conversations).where(eq(conversations.id, sessionId)).for("update");
  if (!session || session.kind !== "support") throw new TRPCError({ code: "NOT_FOUND", message: "No such session." });
  return session;
}
