/** One line or one set of bars: a value per label, null where there is nothing to show. */
export interface ChartSeries {
  label: string;
  data: (number | null)[];
}

export interface ChartProps {
  /** Names the chart for screen readers; the figures follow in a hidden table. */
  title: string;
  labels: string[];
  series: ChartSeries[];
  /** How the axis, tooltips and table write a value: "42", "3m 10s", "87%". */
  format?: (value: number) => string;
  /** Pixels; the width follows the card. */
  height?: number;
  /** Fixes the value axis at 0–max (a score out of 100 %, say) instead of fitting the data. */
  max?: number;
}

export const plainNumber = (value: number) => new Intl.NumberFormat().format(value);
