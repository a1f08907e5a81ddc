import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";

import { useTRPC } from "~/trpc/react";

/** What the person sees: the first connection, a working stream, or a lost one being restored. */
export type ConnectionState = "connecting" | "live" | "reconnecting";

/** A server-side failure of the stream itself (not a dropped socket, which heals on its own). */
const RETRY_AFTER_ERROR_MS = 5_000;

export type Pulse = NonNullable<ReturnType<typeof useLivePulse>["pulse"]>;

/** The server's heartbeat, once a second, and the state of the connection carrying it. */
export function useLivePulse() {
  const trpc = useTRPC();
  const [beatsReceived, setBeatsReceived] = useState(0);
  const subscription = useSubscription(
    trpc.system.pulse.subscriptionOptions(
      { intervalMs: 1_000 },
      { onData: () => setBeatsReceived((count) => count + 1) },
    ),
  );
  const { status, reset } = subscription;

  // A dropped socket is reconnected and resubscribed by the WebSocket client; an error
  // from the server ends the subscription, so it is started again after a pause.
  useEffect(() => {
    if (status !== "error") return;
    const timer = setTimeout(reset, RETRY_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);

  return {
    pulse: subscription.data,
    beatsReceived,
    connection: toConnectionState(status, subscription.data !== undefined),
  };
}

function toConnectionState(
  status: "idle" | "connecting" | "pending" | "error",
  hasReceivedData: boolean,
): ConnectionState {
  if (status === "pending") return "live";
  if (status === "error") return "reconnecting";
  // The last beat is kept while the socket reconnects, which is how a reconnect is told from a first connect.
  return hasReceivedData ? "reconnecting" : "connecting";
}
