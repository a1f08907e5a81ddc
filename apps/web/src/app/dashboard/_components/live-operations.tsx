"use client";

import { Badge, Card, CardDescription, CardHeader, CardTitle, StatGroup, Stat, StatusDot } from "@parley/ui";
import { skipToken } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";

import { formatDuration } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import type { ReportFilters } from "../_lib/report-filters";

/** A stream the server ended with an error is started again after this pause. */
const RETRY_AFTER_ERROR_MS = 5_000;

/**
 * The desk right now, pushed by the server (reports.liveOperations) whenever the queue
 * changes and every few seconds, over the app's WebSocket: nothing here polls.
 */
export function LiveOperations({ filters }: { filters: ReportFilters | null }) {
  const trpc = useTRPC();
  const subscription = useSubscription(
    trpc.reports.liveOperations.subscriptionOptions(
      filters ? { teamId: filters.teamId, agentId: filters.agentId } : skipToken,
    ),
  );
  const { status, reset, data } = subscription;
  useEffect(() => {
    if (status !== "error") return;
    const timer = setTimeout(reset, RETRY_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [status, reset]);

  const live = status === "pending" && data !== undefined;
  const value = (figure: number | undefined) => (figure === undefined ? "—" : figure);

  return (
    <Card role="region" aria-labelledby="live-title" data-testid="live-operations">
      <CardHeader>
        <div>
          <CardTitle id="live-title">Right now</CardTitle>
          <CardDescription>The queue and the desk as they are, updated as they change.</CardDescription>
        </div>
        <Badge tone={live ? "success" : "neutral"}>
          <StatusDot status={live ? "live" : "connecting"} />
          {live ? "Live" : status === "error" ? "Reconnecting" : "Connecting"}
        </Badge>
      </CardHeader>
      <div className="px-5 py-5 sm:px-6" aria-live="polite" aria-atomic="false">
        <StatGroup className="grid-cols-2 sm:grid-cols-3 lg:grid-cols-5">
          <Stat label="Waiting now" value={<span data-testid="live-waiting">{value(data?.waiting)}</span>} />
          <Stat label="Active now" value={<span data-testid="live-active">{value(data?.active)}</span>} />
          <Stat label="Agents online" value={value(data?.agentsOnline)} />
          <Stat
            label="Longest wait"
            value={data ? (data.longestWaitSeconds === null ? "Nobody waiting" : formatDuration(data.longestWaitSeconds)) : "—"}
          />
          <Stat label="Messages / min" value={value(data?.messagesPerMinute)} />
        </StatGroup>
      </div>
    </Card>
  );
}
