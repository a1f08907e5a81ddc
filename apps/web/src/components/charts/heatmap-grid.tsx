import { clsx } from "@parley/ui";

export interface HeatmapCell {
  /** 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  hour: number;
  value: number;
}

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * A week of hours as a grid of cells, darker where more happened. It is a real table, so
 * screen readers read it by day and hour; the colour only repeats what each cell says.
 */
export function HeatmapGrid({ title, cells, unit }: { title: string; cells: HeatmapCell[]; unit: string }) {
  const values = new Map(cells.map((cell) => [`${cell.dayOfWeek}:${cell.hour}`, cell.value]));
  const highest = Math.max(1, ...cells.map((cell) => cell.value));

  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] table-fixed border-separate border-spacing-0.5 text-[0.625rem] text-fg-muted">
        <caption className="sr-only">{title}</caption>
        {/* Equal hours, whichever carry a label. */}
        <colgroup>
          <col className="w-10" />
          {HOURS.map((hour) => (
            <col key={hour} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <td />
            {HOURS.map((hour) => (
              <th key={hour} scope="col" className="font-normal tabular-nums">
                <span aria-hidden="true">{hour % 3 === 0 ? hour : ""}</span>
                <span className="sr-only">{`${hour}:00`}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map((day, dayIndex) => (
            <tr key={day}>
              <th scope="row" className="pr-1 text-left font-medium">
                <abbr title={LONG_DAYS[dayIndex]} className="no-underline">
                  {day}
                </abbr>
              </th>
              {HOURS.map((hour) => {
                const value = values.get(`${dayIndex + 1}:${hour}`) ?? 0;
                const share = value / highest;
                return (
                  <td
                    key={hour}
                    title={`${LONG_DAYS[dayIndex]} ${hour}:00–${hour + 1}:00: ${value} ${unit}`}
                    className={clsx("h-6 rounded-sm text-center tabular-nums", value === 0 && "bg-surface-muted")}
                    style={
                      value > 0
                        ? { backgroundColor: `color-mix(in oklch, var(--color-brand) ${Math.round(15 + share * 85)}%, transparent)` }
                        : undefined
                    }
                  >
                    <span className="sr-only">{value}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
