"use client";

import { inputClassName } from "@parley/ui";
import { useId, useState } from "react";

import {
  isIsoDay,
  presetOf,
  presetRange,
  RANGE_PRESETS,
  type DateRange,
  type IsoDay,
  type RangePresetId,
} from "../_lib/date-range";

const CUSTOM = "custom";

/** A preset (last 7 days, this month…) or any two days, at most the 400 the reports cover. */
export function DateRangePicker({
  range,
  today,
  onChange,
}: {
  range: DateRange;
  today: IsoDay;
  onChange: (range: DateRange) => void;
}) {
  const presetId = useId();
  const fromId = useId();
  const toId = useId();
  const preset = presetOf(range, today);
  // "Custom" stays chosen while the admin types dates, even if they happen to match a preset.
  const [customChosen, setCustomChosen] = useState(false);
  const showDays = customChosen || preset === null;

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex flex-col gap-1">
        <label htmlFor={presetId} className="text-xs font-medium text-fg-muted">
          Date range
        </label>
        <select
          id={presetId}
          value={showDays ? CUSTOM : (preset ?? CUSTOM)}
          onChange={(event) => {
            const value = event.target.value;
            if (value === CUSTOM) return setCustomChosen(true);
            setCustomChosen(false);
            onChange(presetRange(value as RangePresetId, today));
          }}
          className={inputClassName({ className: "sm:w-40" })}
        >
          {RANGE_PRESETS.map(({ id, label }) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
      </div>
      {showDays && (
        <div className="flex gap-2">
          <DayField
            id={fromId}
            label="From"
            value={range.from}
            max={range.to}
            onChange={(from) => onChange({ from, to: range.to })}
          />
          <DayField id={toId} label="To" value={range.to} min={range.from} max={today} onChange={(to) => onChange({ from: range.from, to })} />
        </div>
      )}
    </div>
  );
}

function DayField({
  id,
  label,
  value,
  min,
  max,
  onChange,
}: {
  id: string;
  label: string;
  value: IsoDay;
  min?: IsoDay;
  max?: IsoDay;
  onChange: (day: IsoDay) => void;
}) {
  return (
    <div className="flex flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-fg-muted">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        min={min}
        max={max}
        required
        onChange={(event) => {
          const day = event.target.value;
          // Half-typed dates are ignored until they are whole and in order.
          if (isIsoDay(day) && (!min || day >= min) && (!max || day <= max)) onChange(day);
        }}
        className={inputClassName({ className: "sm:w-40" })}
      />
    </div>
  );
}
