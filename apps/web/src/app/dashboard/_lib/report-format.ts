import { formatDuration } from "~/lib/format";

const countFormat = new Intl.NumberFormat();
const percentFormat = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });
const changeFormat = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
const pointsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: "exceptZero" });

/** How a figure is written: a count, a duration in seconds, or a share from 0 to 1. */
export type FigureKind = "count" | "seconds" | "rate" | "rating";

export function formatFigure(value: number | null, kind: FigureKind): string {
  if (value === null) return "—";
  switch (kind) {
    case "count":
      return countFormat.format(value);
    case "seconds":
      return formatDuration(value);
    case "rate":
      return percentFormat.format(value);
    case "rating":
      return `${value.toFixed(2)} / 5`;
  }
}

/**
 * The change against the previous period: relative for counts and times ("+12.5%"), in
 * percentage points for shares, where a relative change of a percentage misleads.
 */
export function formatChange(kpi: { difference: number | null; changeRatio: number | null }, kind: FigureKind): string | null {
  if (kind === "rate") return kpi.difference === null ? null : `${pointsFormat.format(kpi.difference * 100)} pts`;
  return kpi.changeRatio === null ? null : changeFormat.format(kpi.changeRatio);
}

export const formatSeconds = (value: number) => formatDuration(value);
export const formatPercent = (value: number) => percentFormat.format(value);
