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
