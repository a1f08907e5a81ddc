"use client";

import { Line } from "react-chartjs-2";

import "./chart-setup";
import { ChartDataTable } from "./chart-data-table";
import { baseOptions } from "./chart-options";
import { plainNumber, type ChartProps } from "./chart-series";
import { ChartSkeleton } from "./chart-skeleton";
import { useChartTheme } from "./use-chart-theme";

/** Values over time, one line per series. */
export function LineChart({ title, labels, series, format = plainNumber, height = 240, max }: ChartProps) {
  const theme = useChartTheme();
  if (!theme) return <ChartSkeleton height={height} />;
  const data = {
    labels,
    datasets: series.map((one, index) => {
      const colour = theme.series[index % theme.series.length]!;
      return {
        label: one.label,
        data: one.data,
        borderColor: colour,
        backgroundColor: colour,
        pointRadius: labels.length > 45 ? 0 : 2,
        borderWidth: 2,
        tension: 0.25,
        spanGaps: true,
      };
    }),
  };
  return (
    <div className="relative" style={{ height }}>
      <Line
        data={data}
        options={baseOptions<"line">(theme, format, { max, legend: series.length > 1 })}
        role="img"
        aria-label={title}
      />
      <ChartDataTable caption={title} labels={labels} series={series} format={format} />
    </div>
  );
}
