/**
 * Wall-clock time in an IANA time zone, with Intl alone: enough to turn an admin's
 * "1 March" into the instant their day starts. PostgreSQL does the bucketing itself
 * (`at time zone`); this only places the edges of a range.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Region/City names (and UTC): not POSIX strings like "+01:00", which PostgreSQL reads with the sign flipped. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

export function isKnownTimeZone(timeZone: string): boolean {
  if (!ZONE_NAME.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at `instantMs`. */
function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((wall - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time skipped by a DST jump is
 * read with the offset from before the jump, as PostgreSQL does.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const firstGuess = asUtc - offsetMinutesAt(asUtc, timeZone) * 60_000;
  const settled = asUtc - offsetMinutesAt(firstGuess, timeZone) * 60_000;
  return new Date(settled);
}

/** The calendar day after `wall`'s, at midnight. */
export function nextDay(wall: WallTime): WallTime {
  const next = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  };
}
