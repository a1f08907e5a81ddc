import type { RouterOutputs } from "@parley/api";

type DatabaseDriver = RouterOutputs["system"]["status"]["database"];

// The viewer's own locale and time zone: these run in the browser, where both are known.
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const zoneFormat = new Intl.DateTimeFormat(undefined, { timeZoneName: "short" });

/** "14:03:27" (or "2:03:27 PM", as the viewer's locale writes it). */
export function formatClock(date: Date): string {
  return clockFormat.format(date);
}

/** "Friday, 21 November 2025 · CET" */
export function formatDay(date: Date): string {
  const zone = zoneFormat.formatToParts(date).find((part) => part.type === "timeZoneName")?.value;
  return zone ? `${dayFormat.format(date)} · ${zone}` : dayFormat.format(date);
}

/** The two largest units, which is all a person wants from an uptime: "3d 4h", "4h 12m", "12m 5s", "5s". */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const units: [number, string][] = [
    [Math.floor(seconds / 86_400), "d"],
    [Math.floor(seconds / 3_600) % 24, "h"],
    [Math.floor(seconds / 60) % 60, "m"],
    [seconds % 60, "s"],
  ];
  const firstNonZero = units.findIndex(([value]) => value > 0);
  if (firstNonZero === -1) return "0s";
  return units
    .slice(firstNonZero, firstNonZero + 2)
    .map(([value, unit]) => `${value}${unit}`)
    .join(" ");
}

const databaseLabels: Record<DatabaseDriver, string> = {
  postgres: "PostgreSQL",
  pglite: "PGlite",
};

export function formatDatabase(driver: DatabaseDriver): string {
  return databaseLabels[driver];
}

export function pluralize(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const relativeSteps: [limitSeconds: number, unitSeconds: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [60, 1, "second"],
  [3_600, 60, "minute"],
  [86_400, 3_600, "hour"],
  [7 * 86_400, 86_400, "day"],
  [30 * 86_400, 7 * 86_400, "week"],
  [365 * 86_400, 30 * 86_400, "month"],
  [Infinity, 365 * 86_400, "year"],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago": how long ago `date` was, in the largest fitting unit. */
export function formatTimeAgo(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  const [, unitSeconds, unit] = relativeSteps.find(([limit]) => Math.abs(seconds) < limit)!;
  return relativeFormat.format(Math.round(seconds / unitSeconds), unit);
}

const messageTimeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const messageDayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });

/** A message's time as a chat shows it: "10:42" today, "3 Mar, 10:42" before. */
export function formatMessageTime(date: Date, now: Date = new Date()): string {
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay ? messageTimeFormat.format(date) : `${messageDayFormat.format(date)}, ${messageTimeFormat.format(date)}`;
}

const byteUnits = ["B", "KB", "MB", "GB"];

/** "812 B", "14 KB", "3.2 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)} ${byteUnits[unit]}`;
}
