"use client";

import { IconWifiOff, Spinner } from "@parley/ui";

import { useConnectionStatus } from "~/trpc/react";

/**
 * Says so when the live connection is lost, and goes away by itself once it is back.
 * Nothing to do for the person: what they send meanwhile waits and goes out, what others
 * send arrives when the connection returns.
 */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  const lost = status === "offline" || status === "reconnecting";
  return (
    <div aria-live="polite" data-testid="connection-banner" data-status={status}>
      {lost && (
        <p className="flex items-center gap-2 border-b border-warning/40 bg-warning-soft px-4 py-2 text-sm text-warning-text">
          {status === "offline" ? <IconWifiOff className="size-4 shrink-0" /> : <Spinner />}
          {status === "offline"
            ? "You are offline. Messages you write will be sent when the connection is back."
            : "Connection lost. Reconnecting…"}
        </p>
      )}
    </div>
  );
}
