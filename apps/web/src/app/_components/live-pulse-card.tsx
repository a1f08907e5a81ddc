import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  clsx,
  IconActivity,
  IconUsers,
  Stat,
  StatGroup,
} from "@parley/ui";

import { formatClock, formatDay } from "~/lib/format";
import { ConnectionBadge } from "./connection-badge";
import type { ConnectionState, Pulse } from "./use-live-pulse";

export interface LivePulseCardProps {
  pulse: Pulse | undefined;
  connection: ConnectionState;
  beatsReceived: number;
}

export function LivePulseCard({ pulse, connection, beatsReceived }: LivePulseCardProps) {
  return (
    <Card role="region" aria-labelledby="live-pulse-title">
      <CardHeader>
        <div>
          <CardTitle as="h3" id="live-pulse-title">Live connection</CardTitle>
          <CardDescription>The server&apos;s heartbeat, streamed to this page over WebSocket.</CardDescription>
        </div>
        <ConnectionBadge state={connection} />
      </CardHeader>

      <CardContent>
        <p id="server-time-label" className="text-xs font-medium tracking-wide text-fg-muted uppercase">
          Server time
        </p>
        {/* role="timer": screen readers read the clock when asked instead of announcing every second. */}
        <p
          role="timer"
          aria-labelledby="server-time-label"
          data-testid="pulse-server-time"
          className={clsx(
            "mt-1 text-4xl font-semibold tracking-tight text-fg tabular-nums transition-opacity sm:text-5xl",
            connection !== "live" && "opacity-50",
          )}
        >
          {pulse ? formatClock(pulse.serverTime) : "--:--:--"}
        </p>
        <p className="mt-2 text-sm text-fg-muted">
          {pulse ? formatDay(pulse.serverTime) : "Waiting for the first heartbeat…"}
        </p>

        <StatGroup className="mt-6 grid-cols-2 border-t border-border pt-5">
          <Stat
            icon={<IconUsers />}
            label="Connected clients"
            value={
              <span data-testid="pulse-connected-clients" aria-live="polite">
                {pulse?.connectedClients ?? "–"}
              </span>
            }
            hint="Live sockets on this server"
          />
          <Stat
            icon={<IconActivity />}
            label="Heartbeats"
            value={beatsReceived}
            hint="Received since this page opened"
          />
        </StatGroup>
      </CardContent>

      <CardFooter>
        <span>One beat per second. If the connection drops, Parley reconnects on its own.</span>
      </CardFooter>
    </Card>
  );
}
