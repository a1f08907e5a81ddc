"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { useTRPC } from "~/trpc/react";
import { LivePulseCard } from "./live-pulse-card";
import { SystemStatusCard } from "./system-status-card";
import { useLivePulse, type ConnectionState } from "./use-live-pulse";

/** The server at a glance: its live heartbeat next to its reported status. */
export function SystemOverview() {
  const { pulse, connection, beatsReceived } = useLivePulse();
  useRecheckStatusAfterReconnect(connection);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <LivePulseCard pulse={pulse} connection={connection} beatsReceived={beatsReceived} />
      <SystemStatusCard serverNow={pulse?.serverTime} />
    </div>
  );
}

/**
 * A lost connection often means the server restarted (a deploy, a crash): its start time
 * and version may have changed, so the status is checked again as soon as the stream is back.
 */
function useRecheckStatusAfterReconnect(connection: ConnectionState) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const wasDisconnected = useRef(false);

  useEffect(() => {
    if (connection === "reconnecting") {
      wasDisconnected.current = true;
    } else if (connection === "live" && wasDisconnected.current) {
      wasDisconnected.current = false;
      void queryClient.invalidateQueries(trpc.system.status.queryFilter());
    }
  }, [connection, queryClient, trpc]);
}
