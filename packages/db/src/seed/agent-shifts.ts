import type { Faker } from "@faker-js/faker";

import type { agentStatusChanges } from "../schema";
import { chance, DAY_MS, HOUR_MS, MINUTE_MS } from "./random";
import type { SeededAgent } from "./users";

type StatusRow = typeof agentStatusChanges.$inferInsert;

/** Days of shifts behind the present, as far back as the support history goes. */
const SHIFT_HISTORY_DAYS = 30;
const SHIFT_HOURS = 8;
/** Shift starts (UTC hour) by agent, staggered so that the busy hours are covered. */
const SHIFT_START_HOURS = [7, 9, 12, 8, 13, 10] as const;

/**
 * When each demo agent was online, for the "time online" column of the agent report:
 * weekday shifts of about eight hours, a lunch break spent away, the odd weekend shift,
 * ending in the availability each agent has now.
 */
export function buildAgentShifts(faker: Faker, now: number, agents: readonly SeededAgent[]): StatusRow[] {
  const rows: StatusRow[] = [];
  agents.forEach((agent, index) => {
    const agentRows: StatusRow[] = [];
    const push = (at: number, availability: StatusRow["availability"], presence: StatusRow["presence"]) => {
      if (at < now) agentRows.push({ userId: agent.id, availability, presence, changedAt: new Date(at) });
    };
    const startHour = SHIFT_START_HOURS[index % SHIFT_START_HOURS.length]!;
    const firstDay = Math.floor((now - SHIFT_HISTORY_DAYS * DAY_MS) / DAY_MS) * DAY_MS;
    for (let day = firstDay; day < now; day += DAY_MS) {
      const weekday = new Date(day).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      // Each agent works one weekend day in three; weekdays nearly always.
      if (weekend ? !chance(faker, 0.33) : chance(faker, 0.05)) continue;
      const start = day + startHour * HOUR_MS + jitter(faker, 15);
      const lunch = start + 4 * HOUR_MS + jitter(faker, 30);
      const back = lunch + faker.number.int({ min: 30, max: 60 }) * MINUTE_MS;
      const end = start + SHIFT_HOURS * HOUR_MS + jitter(faker, 20);
      push(start, "online", "online");
      push(lunch, "away", "online");
      push(back, "online", "online");
      push(end, "offline", "offline");
    }
    settleToCurrentAvailability(faker, now, agent, agentRows);
    rows.push(...agentRows);
  });
  return rows;
}

/** The history ends in the state the agent is in now, whatever their shift would say. */
function settleToCurrentAvailability(faker: Faker, now: number, agent: SeededAgent, agentRows: StatusRow[]): void {
  const last = agentRows.at(-1);
  const presence = agent.availability === "offline" ? "offline" : "online";
  if (last?.availability === agent.availability && last.presence === presence) return;
  const since = Math.max(
    (last?.changedAt?.getTime() ?? now - HOUR_MS) + MINUTE_MS,
    now - faker.number.int({ min: 20, max: 120 }) * MINUTE_MS,
  );
  agentRows.push({ userId: agent.id, availability: agent.availability, presence, changedAt: new Date(Math.min(since, now)) });
}

/** Up to `minutes` either way. */
function jitter(faker: Faker, minutes: number): number {
  return faker.number.int({ min: -minutes, max: minutes }) * MINUTE_MS;
}
