import { TRPCError } from "@trpc/server";

import type { RequestInfo, ServerDependencies } from "../../context";
import type { ConnectionState } from "../../realtime/presence-store";

/** A socket says its tab is hidden or idle ("away"), or back ("online"). */
export async function setConnectionState(
  deps: Pick<ServerDependencies, "presence" | "sockets">,
  userId: string,
  request: RequestInfo,
  state: ConnectionState,
): Promise<void> {
  if (!request.connectionId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Presence state is set over the WebSocket connection." });
  }
  deps.sockets.setState(request.connectionId, state);
  await deps.presence.setState(userId, request.connectionId, state);
}
