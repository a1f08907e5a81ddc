import { TRPCError } from "@trpc/server";

import type { ApiKeyScope } from "../../auth/scopes";
import type { Viewer } from "../../context";

/**
 * People are judged by the conversation (readConversationAccess); API keys also need
 * the scope of the matching procedure: messages:write to upload, as to send, and
 * sessions:read to download, as to read history.
 */
export function assertApiKeyScope(viewer: Viewer, scope: ApiKeyScope): void {
  if (viewer.kind === "apiKey" && !viewer.scopes.includes(scope)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This needs an API key with the ${scope} scope.` });
  }
}

/** Who an upload belongs to: the person, or null for API keys (which act for the workspace). */
export function uploaderIdOf(viewer: Viewer): string | null {
  return viewer.kind === "user" ? viewer.id : null;
}
