import { Badge, StatusDot } from "@parley/ui";

export interface QueueStatusProps {
  status: "waiting" | "active" | "closed" | string;
  position: number | null;
  agentName: string | null;
}

/** Where the customer stands: in line (and where), talking to someone, or done. */
export function QueueStatus({ status, position, agentName }: QueueStatusProps) {
  if (status === "waiting") {
    return (
      <p className="flex items-center gap-2 text-sm text-fg-muted" data-testid="queue-status" data-status="waiting" aria-live="polite">
        <StatusDot status="connecting" />
        {position === null
          ? "Waiting for an agent…"
          : position === 1
            ? "You are next in line."
            : `You are number ${position} in line.`}
      </p>
    );
  }
  if (status === "active") {
    return (
      <p className="flex items-center gap-2 text-sm text-fg-muted" data-testid="queue-status" data-status="active" aria-live="polite">
        <StatusDot status="online" />
        {agentName ? `Chatting with ${agentName}` : "An agent is with you"}
      </p>
    );
  }
  return (
    <p data-testid="queue-status" data-status="closed" aria-live="polite">
      <Badge>Closed</Badge>
    </p>
  );
}
