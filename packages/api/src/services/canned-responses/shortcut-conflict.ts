import { TRPCError } from "@trpc/server";

import type { CannedResponseScope } from "./schemas";

const OWNER_OF_SCOPE: Record<CannedResponseScope, string> = {
  global: "by a desk-wide response",
  team: "by another response of this team",
  personal: "by another of your responses",
};

export function shortcutTaken(shortcut: string, scope: CannedResponseScope): TRPCError {
  return new TRPCError({ code: "CONFLICT", message: `The shortcut /${shortcut} is already used ${OWNER_OF_SCOPE[scope]}.` });
}

/**
 * Whether a write failed on a unique index: the database is the one judge of a taken
 * shortcut, since two people may save the same one at the same moment. The driver's
 * error may be wrapped by the query builder, so the causes are followed.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
