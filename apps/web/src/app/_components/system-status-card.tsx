"use client";

import type { RouterOutputs } from "@parley/api";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  IconAlert,
  IconClock,
  IconDatabase,
  IconRefresh,
  IconTag,
  IconTimer,
  Skeleton,
  Spinner,
  Stat,
  StatGroup,
  StatusDot,
} from "@parley/ui";
import { useQuery } from "@tanstack/react-query";

import { formatClock, formatDatabase, formatDuration } from "~/lib/format";
import { useApiEndpoints, useTRPC } from "~/trpc/react";

type ServerStatus = RouterOutputs["system"]["status"];

const REFRESH_EVERY_MS = 30_000;

export interface SystemStatusCardProps {
  /** The server's clock from the live heartbeat, when there is one: it keeps the uptime ticking between checks. */
  serverNow?: Date;
}

export function SystemStatusCard({ serverNow }: SystemStatusCardProps) {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: REFRESH_EVERY_MS });

  return (
    <Card role="region" aria-labelledby="system-status-title" aria-busy={status.isPending}>
      <CardHeader>
        <div>
          <CardTitle as="h3" id="system-status-title">System status</CardTitle>
          <CardDescription>As reported by the Parley server.</CardDescription>
        </div>
        <HealthBadge state={status.isError ? "down" : status.isPending ? "checking" : "up"} />
      </CardHeader>

      <CardContent>
        {status.isError && !status.data ? (
          <ServerUnreachable message={status.error.message} onRetry={() => void status.refetch()} />
        ) : status.data ? (
          <StatusFigures status={status.data} serverNow={serverNow} />
        ) : (
          <StatusFiguresLoading />
        )}
      </CardContent>

      <CardFooter className="justify-between">
        <span>Checked every {REFRESH_EVERY_MS / 1000} seconds</span>
        <Button variant="ghost" size="sm" onClick={() => void status.refetch()} disabled={status.isFetching}>
          {status.isFetching ? <Spinner /> : <IconRefresh />}
          Refresh<span className="sr-only"> server status</span>
        </Button>
      </CardFooter>
    </Card>
  );
}

function StatusFigures({ status, serverNow }: { status: ServerStatus; serverNow?: Date }) {
  // Between checks the uptime follows the heartbeat's clock; an older heartbeat never winds it back.
  const now = serverNow && serverNow > status.serverTime ? serverNow : status.serverTime;
  const uptimeSeconds = (now.getTime() - status.startedAt.getTime()) / 1000;

  return (
    <>
      <StatGroup className="grid-cols-2">
        <Stat icon={<IconTag />} label="Version" value={`v${status.version}`} hint={status.name} />
        <Stat
          icon={<IconDatabase />}
          label="Database"
          value={
            <span data-testid="status-database" data-driver={status.database}>
              {formatDatabase(status.database)}
            </span>
          }
          hint={status.database === "pglite" ? "Embedded, no server to run" : "Database server"}
        />
        <Stat
          icon={<IconTimer />}
          label="Uptime"
          value={<span data-testid="status-uptime">{formatDuration(uptimeSeconds)}</span>}
          hint={`Since ${formatClock(status.startedAt)}`}
        />
        <Stat
          icon={<IconClock />}
          label="Server time"
          value={<span data-testid="status-server-time">{formatClock(status.serverTime)}</span>}
          hint="At the last check"
        />
      </StatGroup>
      <ApiAddress />
    </>
  );
}

function ApiAddress() {
  const { base } = useApiEndpoints();
  return (
    <p className="mt-6 flex flex-wrap items-center gap-x-2 gap-y-1 border-t border-border pt-4 text-sm text-fg-muted">
      Serving the API at
      <span className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs text-fg">{base}</span>
      <a href={`${base}/docs`} className="ml-auto font-medium text-brand-text hover:underline">
        API docs
      </a>
    </p>
  );
}

function StatusFiguresLoading() {
  return (
    <>
      <p className="sr-only" role="status">
        Checking the server…
      </p>
      <StatGroup className="grid-cols-2">
        {["Version", "Database", "Uptime", "Server time"].map((label) => (
          <Stat
            key={label}
            label={label}
            value={<Skeleton className="mt-1 h-7 w-24" />}
            hint={<Skeleton className="h-3 w-16" />}
          />
        ))}
      </StatGroup>
    </>
  );
}

function ServerUnreachable({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { base } = useApiEndpoints();
  return (
    <div role="alert" className="flex gap-3 rounded-control bg-danger-soft p-4 text-sm text-danger-text">
      <IconAlert className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0">
        <p className="font-semibold">Can&apos;t reach the Parley server</p>
        <p className="mt-1 break-words">
          {message}. Is it running at <span className="font-mono">{base}</span>?
        </p>
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}

type Health = "checking" | "up" | "down";

const healthAppearance = {
  checking: { tone: "neutral", dot: "connecting", label: "Checking…" },
  up: { tone: "success", dot: "online", label: "Operational" },
  down: { tone: "danger", dot: "offline", label: "Unreachable" },
} as const;

function HealthBadge({ state }: { state: Health }) {
  const { tone, dot, label } = healthAppearance[state];
  return (
    <Badge tone={tone} data-state={state}>
      <StatusDot status={dot} />
      {label}
    </Badge>
  );
}
