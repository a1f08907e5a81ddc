"use client";

import type { RouterOutputs } from "@parley/api";
import { clsx, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@parley/ui";

import { formatFigure } from "../_lib/report-format";

type AgentRow = RouterOutputs["reports"]["agents"][number];

/** The agents, most sessions handled first; a row's name opens that agent's trend. */
export function AgentRanking({
  agents,
  selectedId,
  onSelect,
}: {
  agents: AgentRow[];
  selectedId: string | null;
  onSelect: (agentId: string) => void;
}) {
  if (agents.length === 0) return <p className="text-sm text-fg-muted">No agent worked in this period.</p>;
  const ranked = [...agents].sort((a, b) => b.sessionsHandled - a.sessionsHandled);

  return (
    <div className="-mx-5 sm:-mx-6">
      <Table>
        <caption className="sr-only">Agents ranked by sessions handled</caption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead className="w-10">#</TableHead>
            <TableHead>Agent</TableHead>
            <TableHead className="text-right">Sessions</TableHead>
            <TableHead className="hidden text-right sm:table-cell">First response</TableHead>
            <TableHead className="hidden text-right md:table-cell">Handle time</TableHead>
            <TableHead className="text-right">CSAT</TableHead>
            <TableHead className="hidden text-right lg:table-cell">Time online</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {ranked.map((agent, index) => (
            <TableRow
              key={agent.agentId}
              data-testid="agent-row"
              aria-selected={agent.agentId === selectedId}
              className={clsx(agent.agentId === selectedId && "bg-brand-soft")}
            >
              <TableCell className="text-fg-muted tabular-nums">{index + 1}</TableCell>
              <TableCell>
                <button
                  type="button"
                  onClick={() => onSelect(agent.agentId)}
                  className="font-medium text-fg underline-offset-2 hover:underline"
                  aria-label={`Show ${agent.agentName}'s trend`}
                >
                  {agent.agentName}
                </button>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatFigure(agent.sessionsHandled, "count")}</TableCell>
              <TableCell className="hidden text-right tabular-nums sm:table-cell">
                {formatFigure(agent.medianFirstResponseSeconds, "seconds")}
              </TableCell>
              <TableCell className="hidden text-right tabular-nums md:table-cell">
                {formatFigure(agent.averageHandleSeconds, "seconds")}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatFigure(agent.csatScore, "rate")}
                <span className="sr-only"> from {agent.csatResponses} ratings</span>
              </TableCell>
              <TableCell className="hidden text-right tabular-nums lg:table-cell">
                {formatFigure(agent.timeOnlineSeconds, "seconds")}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
