"use client";

import { inputClassName } from "@parley/ui";
import { useId } from "react";

import { GRANULARITIES, type Granularity } from "../_lib/report-filters";

const LABELS: Record<Granularity, string> = { day: "By day", week: "By week", month: "By month" };

/** Day, week or month buckets for a trend chart; kept in the URL with the other filters. */
export function GranularitySelect({ value, onChange }: { value: Granularity; onChange: (value: Granularity) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="sr-only">
        Group by
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as Granularity)}
        className={inputClassName({ className: "h-8 w-auto py-0 text-xs" })}
      >
        {GRANULARITIES.map((granularity) => (
          <option key={granularity} value={granularity}>
            {LABELS[granularity]}
          </option>
        ))}
      </select>
    </>
  );
}
