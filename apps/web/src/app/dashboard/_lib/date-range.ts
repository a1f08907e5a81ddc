/** Calendar days as the reports take them: `2026-03-01`, read in the admin's time zone. */
export type IsoDay = `${number}-${number}-${number}`;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(text: string | null | undefined): text is IsoDay {
  return !!text && ISO_DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** Today's date where the admin is, whatever the clock of the machine that rendered the page. */
export function todayIn(timeZone: string, now = new Date()): IsoDay {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  ) as IsoDay;
}

/** Calendar arithmetic on the date alone (no time zone can shift it). */
export function addDays(day: IsoDay, days: number): IsoDay {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10) as IsoDay;
}

export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export interface DateRange {
  from: IsoDay;
  /** Included. */
  to: IsoDay;
}

export const RANGE_PRESETS = [
  { id: "today", label: "Today" },
  { id: "7d", label: "Last 7 days" },
  { id: "30d", label: "Last 30 days" },
  { id: "90d", label: "Last 90 days" },
  { id: "this-month", label: "This month" },
  { id: "last-month", label: "Last month" },
] as const;

export type RangePresetId = (typeof RANGE_PRESETS)[number]["id"];

export const DEFAULT_PRESET: RangePresetId = "30d";

/** The days a preset covers, counted back from `today`. */
export function presetRange(id: RangePresetId, today: IsoDay): DateRange {
  const firstOfMonth = `${today.slice(0, 8)}01` as IsoDay;
  switch (id) {
    case "today":
      return { from: today, to: today };
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "90d":
      return { from: addDays(today, -89), to: today };
    case "this-month":
      return { from: firstOfMonth, to: today };
    case "last-month": {
      const lastOfPrevious = addDays(firstOfMonth, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01` as IsoDay, to: lastOfPrevious };
    }
  }
}

/** The preset a range is, if it is one, so the picker can show its name. */
export function presetOf(range: DateRange, today: IsoDay): RangePresetId | null {
  const match = RANGE_PRESETS.find(({ id }) => {
    const preset = presetRange(id, today);
    return preset.from === range.from && preset.to === range.to;
  });
  return match?.id ?? null;
}

const dayLabel = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
const dayLabelWithYear = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "3 Mar" for a chart axis (the date is a calendar day, so it is written as UTC to stay put). */
export function formatIsoDay(day: string, withYear = false): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return (withYear ? dayLabelWithYear : dayLabel).format(date);
}

/** "3 Mar – 1 Apr 2026" */
export function formatRange({ from, to }: DateRange): string {
  return from === to ? formatIsoDay(from, true) : `${formatIsoDay(from)} – ${formatIsoDay(to, true)}`;
}
