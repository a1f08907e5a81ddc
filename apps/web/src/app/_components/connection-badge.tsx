import { Badge, StatusDot, type BadgeTone, type DotStatus } from "@parley/ui";

import type { ConnectionState } from "./use-live-pulse";

const appearance: Record<ConnectionState, { label: string; tone: BadgeTone; dot: DotStatus }> = {
  connecting: { label: "Connecting…", tone: "neutral", dot: "connecting" },
  live: { label: "Live", tone: "success", dot: "live" },
  reconnecting: { label: "Reconnecting…", tone: "warning", dot: "connecting" },
};

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { label, tone, dot } = appearance[state];
  return (
    <Badge tone={tone} data-testid="connection-state" data-state={state} aria-live="polite">
      <StatusDot status={dot} />
      {label}
    </Badge>
  );
}
