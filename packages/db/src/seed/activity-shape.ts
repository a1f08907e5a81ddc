import type { Faker } from "@faker-js/faker";

import { HOUR_MS } from "./random";

/**
 * Relative chat volume per hour of a weekday (UTC): quiet at night, climbing from 7,
 * busiest late morning and mid-afternoon, a lunch dip, tailing off in the evening.
 */
const WEEKDAY_HOURLY_VOLUME = [
  0.08, 0.05, 0.04, 0.04, 0.05, 0.1, 0.2, 0.45, 0.8, 1, 1, 0.95, 0.75, 0.9, 1, 0.95, 0.85, 0.7, 0.55, 0.5, 0.45,
  0.35, 0.22, 0.12,
] as const;

/** Weekends see fewer chats, spread more evenly over the day. */
const WEEKEND_SCALE = 0.35;
const WEEKEND_FLATTENING = 0.5;

function hourlyVolume(at: Date): number {
  const weekday = WEEKDAY_HOURLY_VOLUME[at.getUTCHours()] ?? 0;
  const day = at.getUTCDay();
  if (day !== 0 && day !== 6) return weekday;
  return WEEKEND_SCALE * (weekday * (1 - WEEKEND_FLATTENING) + WEEKEND_FLATTENING * 0.5);
}

/**
 * `count` moments between `from` and `to`, oldest first, drawn with the weekly shape
 * above, so that dashboards show believable peaks rather than flat noise.
 */
export function sampleActivityTimes(faker: Faker, from: number, to: number, count: number): number[] {
  const slots: { start: number; end: number }[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let start = Math.floor(from / HOUR_MS) * HOUR_MS; start < to; start += HOUR_MS) {
    const slot = { start: Math.max(start, from), end: Math.min(start + HOUR_MS, to) };
    total += hourlyVolume(new Date(start)) * ((slot.end - slot.start) / HOUR_MS);
    slots.push(slot);
    cumulative.push(total);
  }

  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const slot = slots[findSlot(cumulative, faker.number.float({ min: 0, max: total }))];
    if (!slot) continue;
    times.push(slot.start + Math.floor(faker.number.float({ min: 0, max: 1 }) * (slot.end - slot.start)));
  }
  return times.sort((a, b) => a - b);
}

/** The first slot whose cumulative volume reaches `target`. */
function findSlot(cumulative: readonly number[], target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] ?? 0) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
