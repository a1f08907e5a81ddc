import type { ChartSeries } from "./chart-series";

/**
 * What a chart shows, as a table only screen readers meet: the canvas itself is a picture,
 * so its figures are repeated here, one row per label.
 */
export function ChartDataTable({
  caption,
  labels,
  series,
  format,
}: {
  caption: string;
  labels: string[];
  series: ChartSeries[];
  format: (value: number) => string;
}) {
  // The wrapper is what is hidden: a table keeps its content's width whatever width it is given.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {series.map((one) => (
              <th key={one.label} scope="col">
                {one.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, index) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {series.map((one) => {
                const value = one.data[index];
                return <td key={one.label}>{value === null || value === undefined ? "No data" : format(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
