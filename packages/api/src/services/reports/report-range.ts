import { TRPCError } from "@trpc/server";

import { isKnownTimeZone, nextDay, wallTimeToInstant, type WallTime } from "./zoned-time";

/** The longest range a report covers: a year and a bit, so "this year against last" fits. */
export const MAX_RANGE_DAYS = 400;
const DAY_MS = 86_400_000;
/** Days of local time are 23 or 25 hours long when the clocks change. */
const DAYLIGHT_SAVING_SLACK_MS = 3_600_000;

/** `2026-03-01`, or a date and time with or without an offset (`2026-03-01T09:30`, `...T09:30:00Z`). */
const DATE_OR_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface RangeRequest {
  from: string;
  to: string;
  timeZone: string;
}

/** A report's period as instants, `start` included and `end` excluded, read in `timeZone`. */
export interface ReportRange {
  start: Date;
  end: Date;
  timeZone: string;
}

type Parsed = { kind: "date"; wall: WallTime } | { kind: "local"; wall: WallTime } | { kind: "instant"; at: Date };

function parseMoment(text: string): Parsed | null {
  const match = DATE_OR_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const wall: WallTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction ? Number(fraction.padEnd(3, "0")) : 0,
  };
  // Reject 2026-02-30 and 25:00 rather than letting Date roll them over.
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  if (
    check.getUTCFullYear() !== wall.year ||
    check.getUTCMonth() !== wall.month - 1 ||
    check.getUTCDate() !== wall.day ||
    check.getUTCHours() !== wall.hour ||
    check.getUTCMinutes() !== wall.minute
  ) {
    return null;
  }
  if (hour === undefined) return { kind: "date", wall };
  if (!offset) return { kind: "local", wall };
  // Z, +02:00 or +0200, in the one form Date reads everywhere.
  const zone = offset === "Z" ? "Z" : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const milliseconds = String(wall.millisecond).padStart(3, "0");
  const at = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second ?? "00"}.${milliseconds}${zone}`);
  return Number.isNaN(at.getTime()) ? null : { kind: "instant", at };
}

function instantOf(parsed: Parsed, timeZone: string): Date {
  return parsed.kind === "instant" ? parsed.at : wallTimeToInstant(parsed.wall, timeZone);
}

/**
 * Reads a report's period, or says what is wrong with it. A bare date is a whole day in
 * the admin's time zone: `from` starts at its midnight, `to` includes it to its end. Date
 * and times without an offset are wall-clock times in that zone too.
 */
export function resolveReportRange(request: RangeRequest): ReportRange | { problem: string; field: keyof RangeRequest } {
  if (!isKnownTimeZone(request.timeZone)) {
    return { problem: `Unknown time zone "${request.timeZone}": use an IANA name such as Europe/Paris or UTC.`, field: "timeZone" };
  }
  const from = parseMoment(request.from);
  if (!from) return { problem: "from must be a date (2026-03-01) or a date and time (2026-03-01T09:00Z).", field: "from" };
  const to = parseMoment(request.to);
  if (!to) return { problem: "to must be a date (2026-03-31) or a date and time (2026-03-31T18:00Z).", field: "to" };

  const start = instantOf(from, request.timeZone);
  const toInstant = instantOf(to, request.timeZone);
  if (toInstant < start) return { problem: "to comes before from.", field: "to" };
  const end = to.kind === "date" ? wallTimeToInstant(nextDay(to.wall), request.timeZone) : toInstant;
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS + DAYLIGHT_SAVING_SLACK_MS) {
    return { problem: `A report covers at most ${MAX_RANGE_DAYS} days; narrow the range.`, field: "to" };
  }
  return { start, end, timeZone: request.timeZone };
}

/** The period of the same length just before `range`: what KPI cards compare against. */
export function previousRange(range: ReportRange): ReportRange {
  const length = range.end.getTime() - range.start.getTime();
  return { start: new Date(range.start.getTime() - length), end: range.start, timeZone: range.timeZone };
}

/** The range of an input the router has already validated; BAD_REQUEST should it still be wrong. */
export function rangeOf(request: RangeRequest): ReportRange {
  const range = resolveReportRange(request);
  if ("problem" in range) throw new TRPCError({ code: "BAD_REQUEST", message: range.problem });
  return range;
}
