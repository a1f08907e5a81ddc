"use client";

import {
  Badge,
  Button,
  Card,
  CardFooter,
  inputClassName,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@parley/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";

import { useDebouncedValue } from "~/lib/use-debounced-value";
import { useTRPC } from "~/trpc/react";

const PAGE_SIZE = 50;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The start of a local day, or of the day after it (for an inclusive "to"). */
function localDay(day: string, after = false): Date | undefined {
  if (!day) return undefined;
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year!, month! - 1, date! + (after ? 1 : 0));
}

/** The audit log, newest first, filtered by action, person and days; a page at a time. */
export function AuditLogViewer() {
  const trpc = useTRPC();
  const ids = { action: useId(), actor: useId(), from: useId(), to: useId() };
  const [action, setAction] = useState("");
  const [actorId, setActorId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const settledAction = useDebouncedValue(action.trim(), 300);
  // Staff are who act in the log; the dashboard's filter list names them.
  const people = useQuery(trpc.reports.filters.queryOptions());
  const names = new Map(people.data?.agents.map((agent) => [agent.id, agent.name]));

  const entries = useInfiniteQuery(
    trpc.auditLog.list.infiniteQueryOptions(
      {
        action: settledAction || undefined,
        actorId: actorId || undefined,
        from: localDay(from),
        to: localDay(to, true),
        limit: PAGE_SIZE,
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card role="region" aria-label="Audit log entries" aria-busy={entries.isFetching}>
      <form
        role="search"
        aria-label="Audit log filters"
        onSubmit={(event) => event.preventDefault()}
        className="grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.action} className="text-xs font-medium text-fg-muted">
            Action
          </label>
          <input
            id={ids.action}
            type="search"
            value={action}
            onChange={(event) => setAction(event.target.value)}
            placeholder="e.g. user.role_changed"
            className={inputClassName()}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.actor} className="text-xs font-medium text-fg-muted">
            Person
          </label>
          <select id={ids.actor} value={actorId} onChange={(event) => setActorId(event.target.value)} className={inputClassName()}>
            <option value="">Anyone</option>
            {people.data?.agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.from} className="text-xs font-medium text-fg-muted">
            From
          </label>
          <input id={ids.from} type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} className={inputClassName()} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.to} className="text-xs font-medium text-fg-muted">
            To
          </label>
          <input id={ids.to} type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} className={inputClassName()} />
        </div>
      </form>

      <div className="border-t border-border">
        {entries.isError ? (
          <p role="alert" className="p-5 text-sm text-danger-text">
            The audit log could not be loaded: {entries.error.message}
          </p>
        ) : !entries.data ? (
          <p className="p-5 text-sm text-fg-muted">Loading…</p>
        ) : items.length === 0 ? (
          <p className="p-5 text-sm text-fg-muted">Nothing matches these filters.</p>
        ) : (
          <Table>
            <caption className="sr-only">Audit log entries, newest first</caption>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>When</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>By</TableHead>
                <TableHead className="hidden md:table-cell">Target</TableHead>
                <TableHead className="hidden lg:table-cell">Address</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((entry) => (
                <TableRow key={entry.id} data-testid="audit-row">
                  <TableCell className="whitespace-nowrap text-fg-muted">
                    <time dateTime={entry.createdAt.toISOString()}>{timeFormat.format(entry.createdAt)}</time>
                  </TableCell>
                  <TableCell>
                    <code className="text-xs">{entry.action}</code>
                    {entry.details && (
                      <details className="mt-1 text-xs text-fg-muted">
                        <summary className="cursor-pointer">Details</summary>
                        <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap">{JSON.stringify(entry.details, null, 2)}</pre>
                      </details>
                    )}
                  </TableCell>
                  <TableCell>
                    {entry.actorKind === "user" && entry.actorId ? (
                      (names.get(entry.actorId) ?? <code className="text-xs">{entry.actorId.slice(0, 8)}</code>)
                    ) : (
                      <Badge>{entry.actorKind.replace("_", " ")}</Badge>
                    )}
                  </TableCell>
                  <TableCell className="hidden text-fg-muted md:table-cell">
                    {entry.targetType ? `${entry.targetType} ${entry.targetId?.slice(0, 8) ?? ""}` : "—"}
                  </TableCell>
                  <TableCell className="hidden text-fg-muted lg:table-cell">{entry.ip ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      <CardFooter className="justify-between">
        <p aria-live="polite">{items.length > 0 ? `${items.length} entries shown` : ""}</p>
        {entries.hasNextPage && (
          <Button variant="secondary" size="sm" disabled={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
            {entries.isFetchingNextPage ? "Loading…" : "Show older"}
          </Button>
        )}
      </CardFooter>
    </Card>
  );
}
