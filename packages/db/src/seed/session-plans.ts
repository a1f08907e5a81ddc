import type { Faker } from "@faker-js/faker";

import type { conversations } from "../schema";
import { sampleActivityTimes } from "./activity-shape";
import { TOPICS, type TopicTemplates } from "./message-templates";
import { chance, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "./random";
import type { SeededAgent, SeededPeople, SeededPerson } from "./users";

export type SessionOutcome = "closed" | "active" | "waiting";

/** Who, when and what for one support session, before any message is written. */
export interface SessionPlan {
  createdAt: number;
  outcome: SessionOutcome;
  topic: TopicTemplates;
  customer: SeededPerson;
  priority: (typeof conversations.$inferInsert)["priority"];
  /** Null while the session waits in the queue. */
  agent: SeededAgent | null;
  transferTo: SeededAgent | null;
  reopens: boolean;
}

export const SUPPORT_SESSION_COUNT = 2_000;
/** Sessions still in progress at `now`: what the live inbox and queue show. */
export const ACTIVE_SESSION_COUNT = 11;
export const WAITING_SESSION_COUNT = 5;
/** How many finished sessions the named demo customer has in their history. */
const DEMO_CUSTOMER_HISTORY = 5;

const HISTORY_DAYS = 30;
/** Finished sessions start this long before `now` at the latest, so that all of them have closed. */
const HISTORY_ENDS_BEFORE_NOW = 3 * HOUR_MS;
const TRANSFER_RATE = 0.04;
const REOPEN_RATE = 0.03;

export function planSupportSessions(faker: Faker, now: number, people: SeededPeople, totalCount: number): SessionPlan[] {
  const historyCount = Math.max(0, totalCount - ACTIVE_SESSION_COUNT - WAITING_SESSION_COUNT);
  return [
    ...planFinishedSessions(faker, now, people, historyCount),
    ...planActiveSessions(faker, now, people),
    ...planWaitingSessions(faker, now, people),
  ];
}

function planFinishedSessions(faker: Faker, now: number, people: SeededPeople, count: number): SessionPlan[] {
  const starts = sampleActivityTimes(faker, now - HISTORY_DAYS * DAY_MS, now - HISTORY_ENDS_BEFORE_NOW, count);
  const demoCustomerTurns = new Set(
    Array.from({ length: DEMO_CUSTOMER_HISTORY }, (_, turn) => Math.floor(((turn + 1) * count) / (DEMO_CUSTOMER_HISTORY + 1))),
  );
  return starts.map((createdAt, index) => {
    const topic = pickTopic(faker);
    const agent = pickAgent(faker, people.agents.filter((candidate) => candidate.teamSlug === topic.team));
    const transfers = chance(faker, TRANSFER_RATE);
    return {
      createdAt,
      outcome: "closed",
      topic,
      customer: demoCustomerTurns.has(index) ? people.demoCustomer : pickCustomer(faker, people.customers),
      priority: pickPriority(faker),
      agent,
      transferTo: transfers ? pickTransferTarget(faker, people.agents, agent) : null,
      reopens: !transfers && chance(faker, REOPEN_RATE),
    };
  });
}

/**
 * Spreads the live sessions over the online agents, leaving each of them one free slot
 * so that auto-assignment has somewhere to send the next chat.
 */
function planActiveSessions(faker: Faker, now: number, people: SeededPeople): SessionPlan[] {
  const online = people.agents.filter((agent) => agent.availability === "online");
  const load = new Map<string, number>();
  const plans: SessionPlan[] = [];
  for (let turn = 0; plans.length < ACTIVE_SESSION_COUNT && turn < ACTIVE_SESSION_COUNT * online.length; turn++) {
    const agent = online[turn % online.length];
    if (!agent || (load.get(agent.id) ?? 0) >= agent.maxConcurrentChats - 1) continue;
    load.set(agent.id, (load.get(agent.id) ?? 0) + 1);
    plans.push({
      // Provisional: the session builder moves it so that the chat is mid-conversation at `now`.
      createdAt: now - 30 * MINUTE_MS,
      outcome: "active",
      topic: pickTopic(faker, agent.teamSlug),
      // The demo customer's live chat lands with the first online agent, so both sides can be tried.
      customer: plans.length === 0 ? people.demoCustomer : pickCustomer(faker, people.customers),
      priority: pickPriority(faker),
      agent,
      transferTo: null,
      reopens: false,
    });
  }
  return plans.sort((a, b) => a.createdAt - b.createdAt);
}

function planWaitingSessions(faker: Faker, now: number, people: SeededPeople): SessionPlan[] {
  return Array.from({ length: WAITING_SESSION_COUNT }, (): SessionPlan => ({
    createdAt: now - faker.number.int({ min: 30 * SECOND_MS, max: 9 * MINUTE_MS }),
    outcome: "waiting",
    topic: pickTopic(faker),
    customer: pickCustomer(faker, people.customers),
    priority: pickPriority(faker),
    agent: null,
    transferTo: null,
    reopens: false,
  })).sort((a, b) => a.createdAt - b.createdAt);
}

function pickTopic(faker: Faker, team?: SeededAgent["teamSlug"]): TopicTemplates {
  const candidates = team ? TOPICS.filter((topic) => topic.team === team) : TOPICS;
  return faker.helpers.weightedArrayElement(candidates.map((topic) => ({ value: topic, weight: topic.weight })));
}

/** A few customers come back often, most only once or twice, as in any real shop. */
function pickCustomer(faker: Faker, customers: readonly SeededPerson[]): SeededPerson {
  const index = Math.floor(customers.length * faker.number.float({ min: 0, max: 1 }) ** 1.3);
  return customers[Math.min(index, customers.length - 1)] ?? faker.helpers.arrayElement(customers);
}

function pickAgent(faker: Faker, teamAgents: readonly SeededAgent[]): SeededAgent {
  return faker.helpers.arrayElement(teamAgents);
}

/** Half of the transfers stay in the team (end of shift), half go to the other team. */
function pickTransferTarget(faker: Faker, agents: readonly SeededAgent[], from: SeededAgent): SeededAgent {
  const sameTeam = chance(faker, 0.5);
  const candidates = agents.filter(
    (agent) => agent.id !== from.id && (agent.teamSlug === from.teamSlug) === sameTeam,
  );
  return faker.helpers.arrayElement(candidates.length > 0 ? candidates : agents.filter((agent) => agent.id !== from.id));
}

function pickPriority(faker: Faker): SessionPlan["priority"] {
  return faker.helpers.weightedArrayElement([
    { value: "normal" as const, weight: 75 },
    { value: "high" as const, weight: 12 },
    { value: "low" as const, weight: 8 },
    { value: "urgent" as const, weight: 5 },
  ]);
}
