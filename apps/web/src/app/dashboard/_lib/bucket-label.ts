import type { Granularity } from "./report-filters";
import { formatIsoDay } from "./date-range";

const monthFormat = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: "UTC" });

/** A bucket's name on a chart axis: "3 Mar", "w/c 3 Mar", "Mar 2026". Buckets are named by their first day. */
export function bucketLabel(bucket: string, granularity: Granularity): string {
  if (granularity === "month") return monthFormat.format(new Date(`${bucket.slice(0, 7)}-01T00:00:00Z`));
  if (granularity === "week") return `w/c ${formatIsoDay(bucket)}`;
  return formatIsoDay(bucket);
}
