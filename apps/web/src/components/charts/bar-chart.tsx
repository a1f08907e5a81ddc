"use client";

import { Bar } from "react-chartjs-2";

import "./chart-setup";
import { ChartDataTable } from "./chart-data-table";
import { baseOptions } from "./chart-options";
import { plainNumber, type ChartProps } from "./chart-series";
import { ChartSkeleton } from "./chart-skeleton";
import { useChartTheme } from "./use-chart-theme";

export interface BarChartProps extends ChartProps {
  /** Bars run left to right, for long labels such as people's names. */
  horizontal?: boolean;
  stacked?: boolean;
  /** Called with the label's index when a bar is clicked. */
  onSelect?: (index: number) => void;
}

/** Values side by side, one colour per series. */
export function BarChart({
  title,
  labels,
  series,
  format = plainNumber,
  height = 240,
  max,
  horizontal,
  stacked,
  onSelect,
}: BarChartProps) {
  const theme = useChartTheme();
  if (!theme) return <ChartSkeleton height={height} />;
  const data = {
    labels,
    datasets: series.map((one, index) => {
      const colour = theme.series[index % theme.series.length]!;
      return { label: one.label, data: one.data, backgroundColor: colour, borderRadius: 4, maxBarThickness: 32 };
    }),
  };
  const options = baseOptions<"bar">(theme, format, { max, legend: series.length > 1, horizontal });
  if (stacked && options.scales) {
    options.scales.x = { ...options.scales.x, stacked: true };
    options.scales.y = { ...options.scales.y, stacked: true };
  }
  if (onSelect) {
    options.onClick = (_event, elements) => {
      const first = elements[0];
      if (first) onSelect(first.index);
    };
    options.onHover = (event, elements) => {
      const canvas = event.native?.target as HTMLCanvasElement | undefined;
      if (canvas) canvas.style.cursor = elements.length > 0 ? "pointer" : "default";
    };
  }
  return (
    <div className="relative" style={{ height }}>
      <Bar data={data} options={options} role="img" aria-label={title} />
      <ChartDataTable caption={title} labels={labels} series={series} format={format} />
    </div>
  );
}
