"use client";

import type { RouterOutputs } from "@parley/api";
import { Card, clsx, Skeleton } from "@parley/ui";

import { formatChange, formatFigure, type FigureKind } from "../_lib/report-format";

type Overview = RouterOutputs["reports"]["overview"];
type KpiName = keyof Overview["kpis"];

interface KpiDefinition {
  name: KpiName;
  label: string;
  kind: FigureKind;
  /** For waits and response times, going down is the good news. */
  lowerIsBetter?: boolean;
}

const KPIS: KpiDefinition[] = [
  { name: "conversationsOpened", label: "Conversations", kind: "count" },
  { name: "conversationsClosed", label: "Resolved", kind: "count" },
  { name: "resolutionRate", label: "Resolution rate", kind: "rate" },
  { name: "medianWaitSeconds", label: "Median wait", kind: "seconds", lowerIsBetter: true },
  { name: "medianFirstResponseSeconds", label: "Median first response", kind: "seconds", lowerIsBetter: true },
  { name: "medianHandleSeconds", label: "Median handle time", kind: "seconds", lowerIsBetter: true },
  { name: "csatScore", label: "CSAT", kind: "rate" },
  { name: "messagesIn", label: "Customer messages", kind: "count" },
];

/** The period's headline figures, each with how it moved against the period of the same length before. */
export function KpiCards({ overview }: { overview: Overview | undefined }) {
  return (
    <ul aria-label="Key figures" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {KPIS.map((definition) => (
        <li key={definition.name}>
          <KpiCard definition={definition} kpi={overview?.kpis[definition.name]} />
        </li>
      ))}
    </ul>
  );
}

function KpiCard({ definition, kpi }: { definition: KpiDefinition; kpi: Overview["kpis"][KpiName] | undefined }) {
  const { label, kind, lowerIsBetter } = definition;
  const change = kpi ? formatChange(kpi, kind) : null;
  const improved = kpi?.difference ? (kpi.difference > 0) !== !!lowerIsBetter : null;

  return (
    <Card className="h-full gap-1 p-4" data-testid={`kpi-${definition.name}`}>
      <h2 className="text-xs font-medium tracking-wide text-fg-muted uppercase">{label}</h2>
      {kpi ? (
        <>
          <p className="text-2xl font-semibold tracking-tight text-fg tabular-nums" data-testid="kpi-value">
            {formatFigure(kpi.current, kind)}
          </p>
          <p className="text-xs text-fg-muted">
            {change ? (
              <>
                <span
                  className={clsx(
                    "font-medium",
                    improved === null ? "text-fg-muted" : improved ? "text-success-text" : "text-danger-text",
                  )}
                >
                  {change}
                </span>{" "}
                vs previous period ({formatFigure(kpi.previous, kind)})
              </>
            ) : (
              `Previous period: ${formatFigure(kpi.previous, kind)}`
            )}
          </p>
        </>
      ) : (
        <>
          <Skeleton className="h-8 w-24" />
          <Skeleton className="h-4 w-32" />
        </>
      )}
    </Card>
  );
}
