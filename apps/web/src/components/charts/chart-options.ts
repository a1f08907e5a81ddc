import type { ChartOptions, TooltipItem } from "chart.js";

import type { ChartTheme } from "./use-chart-theme";

/** Axes, grid and tooltips in the app's colours; shared by the line and bar charts. */
export function baseOptions<Kind extends "line" | "bar">(
  theme: ChartTheme,
  format: (value: number) => string,
  options: { max?: number; legend: boolean; horizontal?: boolean },
): ChartOptions<Kind> {
  const valueKey = options.horizontal ? "x" : "y";
  const font = { family: theme.fontFamily };
  const valueAxis = {
    beginAtZero: true,
    max: options.max,
    grid: { color: theme.grid },
    border: { display: false },
    ticks: { color: theme.text, font, callback: (value: string | number) => format(Number(value)), maxTicksLimit: 6 },
  };
  const labelAxis = { grid: { display: false }, ticks: { color: theme.text, font, autoSkipPadding: 12, maxRotation: 0 } };
  const describe = (item: TooltipItem<"line" | "bar">) => {
    const value = (item.parsed as { x: number | null; y: number | null })[valueKey];
    return `${(item.dataset as { label?: string }).label ?? ""}: ${value === null || value === undefined ? "no data" : format(value)}`;
  };
  const built = {
    responsive: true,
    maintainAspectRatio: false,
    // Redrawing on every filter change is enough motion; the figures should be readable at once.
    animation: false,
    indexAxis: valueKey === "x" ? "y" : "x",
    interaction: { mode: "index", intersect: false },
    scales: options.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
    plugins: {
      legend: { display: options.legend, labels: { color: theme.text, font, boxWidth: 12, boxHeight: 12 } },
      tooltip: { titleFont: font, bodyFont: font, callbacks: { label: describe } },
    },
  };
  return built as unknown as ChartOptions<Kind>;
}
