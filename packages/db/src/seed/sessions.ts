import type { Faker } from "@faker-js/faker";

import type { conversations, csatResponses, participants, sessionEvents } from "../schema";
import { workStyleOf } from "./agent-work-styles";
import { CSAT_RESPONSE_RATE, rateSession } from "./csat-ratings";
import {
  AGENT_GREETINGS,
  AGENT_REOPEN_REPLIES,
  CUSTOMER_FOLLOW_UPS_WHILE_WAITING,
  CUSTOMER_REOPENINGS,
  CUSTOMER_THANKS,
} from "./message-templates";
import { chance, HOUR_MS, MINUTE_MS, randomDelay, secondsBetween } from "./random";
import type { SessionPlan } from "./session-plans";
import { SessionScript } from "./session-script";
import { type MessageRow, ThreadWriter } from "./thread-writer";
import type { SeededAgent, SeededPeople, SeededTeam } from "./users";

type ConversationRow = typeof conversations.$inferInsert;
type ParticipantRow = typeof participants.$inferInsert;
type SessionEventRow = typeof sessionEvents.$inferInsert;
type CsatRow = typeof csatResponses.$inferInsert;

export interface SupportRows {
  conversations: ConversationRow[];
  participants: ParticipantRow[];
  messages: MessageRow[];
  sessionEvents: SessionEventRow[];
  csatResponses: CsatRow[];
}

/** A thread stays within 4 to 14 messages, extras (notes, notices, updates) included. */
const MAX_MESSAGES = 14;
const INTERNAL_NOTE_RATE = 0.15;
const JOIN_NOTICE_RATE = 0.25;
const ORDER_UPDATE_RATE = 0.35;
const AUTO_CLOSE_RATE = 0.08;
/** Queue waits: mostly short, a tail of long ones, as on any support desk. */
interface WaitBand {
  minSeconds: number;
  maxSeconds: number;
  weight: number;
}
const AUTO_ASSIGN_WAITS: readonly WaitBand[] = [
  { minSeconds: 5, maxSeconds: 60, weight: 55 },
  { minSeconds: 60, maxSeconds: 240, weight: 30 },
  { minSeconds: 240, maxSeconds: 480, weight: 15 },
];
const PICKED_FROM_QUEUE_WAITS: readonly WaitBand[] = [
  { minSeconds: 15, maxSeconds: 90, weight: 55 },
  { minSeconds: 90, maxSeconds: 300, weight: 30 },
  { minSeconds: 300, maxSeconds: 600, weight: 15 },
];
/** Sessions that go quiet are closed by the server after this long. */
const INACTIVITY_CLOSE_MS = 30 * MINUTE_MS;

export function buildSupportSessions(
  faker: Faker,
  now: number,
  people: SeededPeople,
  plans: readonly SessionPlan[],
): SupportRows {
  const rows: SupportRows = { conversations: [], participants: [], messages: [], sessionEvents: [], csatResponses: [] };
  for (const plan of plans) new SessionBuilder(faker, now, people, plan, rows).build();
  return rows;
}

/**
 * Plays one session forward in time: the customer writes, the queue assigns, the agent
 * replies, and so on, writing messages and reporting events as it goes. Live sessions
 * are played the same way and cut at `now`.
 */
class SessionBuilder {
  private readonly id: string;
  private readonly thread: ThreadWriter;
  private readonly events: SessionEventRow[] = [];
  private readonly script: SessionScript;
  private team: SeededTeam;
  /** Agents who handed the session on, with when they left. */
  private readonly formerAgents: { agent: SeededAgent; joinedAt: number; leftAt: number }[] = [];
  private clock: number;
  /** When the customer opened the session; live sessions are moved in time before they are written. */
  private createdAt: number;

  constructor(
    private readonly faker: Faker,
    private readonly now: number,
    private readonly people: SeededPeople,
    private readonly plan: SessionPlan,
    private readonly rows: SupportRows,
  ) {
    this.id = faker.string.uuid();
    this.thread = new ThreadWriter(this.id, () => faker.string.uuid());
    this.script = new SessionScript(faker, plan.topic, plan.createdAt, plan.customer, plan.agent);
    this.team = this.teamOf(plan.agent?.teamSlug ?? plan.topic.team);
    this.clock = plan.createdAt;
    this.createdAt = plan.createdAt;
  }

  build(): void {
    const { plan } = this;
    const customer = plan.customer;
    this.say(customer.id, this.script.line(plan.topic.openings));
    this.event({ type: "created", occurredAt: plan.createdAt, actorId: customer.id, agentId: null });

    if (!plan.agent) return this.finishWaiting();

    let agent = plan.agent;
    const pace = workStyleOf(agent.email).pace;
    // A live session was picked up quickly enough to be under way by now.
    const waitMs = plan.outcome === "active" ? randomDelay(this.faker, 5, 180) : this.queueWait();
    const assignedAt = plan.createdAt + waitMs;
    if (waitMs > 90_000 && chance(this.faker, 0.3)) {
      this.clock = plan.createdAt + waitMs / 2;
      this.say(customer.id, this.script.line(CUSTOMER_FOLLOW_UPS_WHILE_WAITING));
    }
    this.clock = assignedAt;
    this.event({
      type: "assigned",
      occurredAt: assignedAt,
      // Teams without auto-assignment have their agents pick sessions from the queue.
      actorId: this.team.autoAssign ? null : agent.id,
      agentId: agent.id,
      waitSeconds: secondsBetween(plan.createdAt, assignedAt),
    });
    if (chance(this.faker, JOIN_NOTICE_RATE)) this.notice(`${agent.name} joined the conversation`);

    const internalNote = chance(this.faker, INTERNAL_NOTE_RATE);
    const orderUpdate = this.script.canUpdateOrder && chance(this.faker, ORDER_UPDATE_RATE);
    const extras =
      this.thread.lastSeq - 1 +
      (internalNote ? 1 : 0) +
      (orderUpdate ? 1 : 0) +
      (plan.transferTo ? 1 : 0) +
      (plan.reopens ? 3 : 0);
    // Opening, greeting, resolution and thanks, plus customer/agent exchanges in between.
    const middle = this.faker.number.int({ min: plan.transferTo ? 2 : 0, max: Math.min(8, MAX_MESSAGES - 4 - extras) });

    this.advance(10, 90, pace);
    const firstResponseAt = this.clock;
    this.say(agent.id, this.script.line(AGENT_GREETINGS));
    this.event({
      type: "first_response",
      occurredAt: firstResponseAt,
      actorId: agent.id,
      agentId: agent.id,
      firstResponseSeconds: secondsBetween(plan.createdAt, firstResponseAt),
    });
    if (internalNote) {
      this.advance(10, 60, 1);
      this.say(agent.id, this.script.line(plan.topic.internalNotes), { internal: true });
    }

    const customerLines = this.script.linesInOrder(plan.topic.customerDetails, Math.ceil(middle / 2));
    const agentLines = this.script.linesInOrder(plan.topic.agentSteps, Math.floor(middle / 2));
    const transferAt = plan.transferTo ? 2 * Math.floor(middle / 4) : -1;
    // The order's status goes out after the agent's first step, or right after the greeting.
    let orderUpdatePending = orderUpdate;
    const postOrderUpdate = () => {
      if (!orderUpdatePending) return;
      orderUpdatePending = false;
      this.advance(5, 30, 1);
      this.thread.add({ at: this.clock, senderId: null, ...this.script.orderUpdate(this.clock) });
    };
    if (agentLines.length === 0) postOrderUpdate();
    for (let line = 0; line < middle; line++) {
      if (line === transferAt && plan.transferTo) agent = this.transfer(agent, plan.transferTo, assignedAt);
      if (line % 2 === 0) {
        this.advance(20, 180, 1);
        this.say(customer.id, customerLines[line / 2] ?? this.script.line(plan.topic.customerDetails));
      } else {
        this.advance(30, 240, workStyleOf(agent.email).pace);
        this.say(agent.id, agentLines[(line - 1) / 2] ?? this.script.line(plan.topic.agentSteps));
        postOrderUpdate();
      }
    }

    this.advance(30, 180, workStyleOf(agent.email).pace);
    this.say(agent.id, this.script.line(plan.topic.resolutions));
    this.advance(15, 120, 1);
    this.say(customer.id, this.script.line(CUSTOMER_THANKS));

    if (plan.outcome === "active") return this.finishActive(agent, assignedAt, firstResponseAt);

    let closedAt = this.close(agent, assignedAt);
    let queuedAt = plan.createdAt;
    if (plan.reopens) {
      const reopened = this.reopen(agent, assignedAt, closedAt);
      if (reopened) ({ queuedAt, closedAt } = reopened);
    }
    this.finishClosed(agent, { queuedAt, assignedAt, firstResponseAt, closedAt }, waitMs);
  }

  /** Waits are short when the team auto-assigns, longer when agents pick from the queue. */
  private queueWait(): number {
    const bands = this.team.autoAssign ? AUTO_ASSIGN_WAITS : PICKED_FROM_QUEUE_WAITS;
    const band = this.faker.helpers.weightedArrayElement(bands.map((value) => ({ value, weight: value.weight })));
    return randomDelay(this.faker, band.minSeconds, band.maxSeconds);
  }

  private transfer(from: SeededAgent, to: SeededAgent, assignedAt: number): SeededAgent {
    this.advance(30, 180, 1);
    this.formerAgents.push({ agent: from, joinedAt: assignedAt, leftAt: this.clock });
    const crossesTeams = from.teamSlug !== to.teamSlug;
    this.team = this.teamOf(to.teamSlug);
    this.notice(`${from.name} transferred the conversation to ${to.name}`);
    this.event({
      type: "transferred",
      occurredAt: this.clock,
      actorId: from.id,
      agentId: to.id,
      details: {
        fromAgentId: from.id,
        reason: crossesTeams ? `Needs ${this.team.name}` : "End of shift",
      },
    });
    this.script.handOverTo(to);
    return to;
  }

  /** Closes the session and returns when. Quiet sessions are closed by the server. */
  private close(agent: SeededAgent, assignedAt: number): number {
    const byServer = chance(this.faker, AUTO_CLOSE_RATE);
    this.clock += byServer ? INACTIVITY_CLOSE_MS : randomDelay(this.faker, 30, 600);
    const note = chance(this.faker, 0.5) ? this.script.line(this.plan.topic.resolutionNotes) : null;
    this.event({
      type: "closed",
      occurredAt: this.clock,
      actorId: byServer ? null : agent.id,
      agentId: agent.id,
      handleSeconds: secondsBetween(assignedAt, this.clock),
      resolutionSeconds: secondsBetween(this.plan.createdAt, this.clock),
      details: byServer ? { reason: "inactivity" } : note ? { resolutionNote: note } : null,
    });
    return this.clock;
  }

  /**
   * The customer comes back hours later; the same agent answers and closes again.
   * Skipped when that would run past the present.
   */
  private reopen(agent: SeededAgent, assignedAt: number, closedAt: number): { queuedAt: number; closedAt: number } | null {
    const reopenedAt = closedAt + this.faker.number.int({ min: 2 * HOUR_MS, max: 30 * HOUR_MS });
    if (reopenedAt + 2 * HOUR_MS > this.now) return null;
    this.clock = reopenedAt;
    this.say(this.plan.customer.id, this.script.line(CUSTOMER_REOPENINGS));
    this.event({
      type: "reopened",
      occurredAt: reopenedAt,
      actorId: this.plan.customer.id,
      agentId: agent.id,
      closedSeconds: secondsBetween(closedAt, reopenedAt),
    });
    this.advance(60, 900, workStyleOf(agent.email).pace);
    this.say(agent.id, this.script.line(AGENT_REOPEN_REPLIES));
    this.event({
      type: "first_response",
      occurredAt: this.clock,
      actorId: agent.id,
      agentId: agent.id,
      firstResponseSeconds: secondsBetween(reopenedAt, this.clock),
    });
    this.advance(20, 120, 1);
    this.say(this.plan.customer.id, this.script.line(CUSTOMER_THANKS));
    return { queuedAt: reopenedAt, closedAt: this.close(agent, assignedAt) };
  }

  private finishClosed(
    agent: SeededAgent,
    times: { queuedAt: number; assignedAt: number; firstResponseAt: number; closedAt: number },
    waitMs: number,
  ): void {
    const { plan } = this;
    const lastSeq = this.thread.lastSeq;
    const closedEvent = this.events.findLast((event) => event.type === "closed");
    const resolutionNote = closedEvent?.details?.resolutionNote;
    this.pushConversation({
      status: "closed",
      assignedAgentId: agent.id,
      queuedAt: new Date(times.queuedAt),
      assignedAt: new Date(times.assignedAt),
      firstResponseAt: new Date(times.firstResponseAt),
      closedAt: new Date(times.closedAt),
      resolutionNote: typeof resolutionNote === "string" ? resolutionNote : null,
      updatedAt: new Date(times.closedAt),
    });
    this.pushParticipant(plan.customer.id, "customer", plan.createdAt, lastSeq, lastSeq);
    this.pushParticipant(agent.id, "agent", this.joinedAtOf(agent, times.assignedAt), lastSeq, lastSeq);
    this.pushFormerAgents();

    if (!chance(this.faker, CSAT_RESPONSE_RATE)) return;
    const { rating, commentTemplate } = rateSession(this.faker, {
      agentBias: workStyleOf(agent.email).ratingBias,
      waitSeconds: waitMs / 1000,
      reopened: times.queuedAt !== plan.createdAt,
    });
    this.rows.csatResponses.push({
      id: this.faker.string.uuid(),
      conversationId: this.id,
      customerId: plan.customer.id,
      agentId: agent.id,
      rating,
      comment: commentTemplate ? this.script.fill(commentTemplate) : null,
      createdAt: new Date(times.closedAt + randomDelay(this.faker, 30, 1200)),
    });
  }

  /**
   * An ongoing chat, caught mid-conversation: the session is moved in time so that a
   * random point of its thread (after the greeting, before the goodbye) is moments ago,
   * and whatever comes after it has not happened yet.
   */
  private finishActive(agent: SeededAgent, assignedAt: number, firstResponseAt: number): void {
    const rows = this.thread.rows;
    const latest = rows[this.faker.number.int({ min: Math.min(2, rows.length), max: rows.length - 1 }) - 1];
    const shift = this.now - randomDelay(this.faker, 10, 240) - (latest?.createdAt?.getTime() ?? this.now);
    this.createdAt += shift;
    for (const row of rows) row.createdAt = new Date((row.createdAt?.getTime() ?? 0) + shift);
    for (const event of this.events) event.occurredAt = new Date((event.occurredAt?.getTime() ?? 0) + shift);
    this.cutAtNow();

    const lastSeq = this.thread.lastSeq;
    const customerWroteLast = rows.at(-1)?.senderId === this.plan.customer.id;
    // The agent may not have opened the customer's newest message yet.
    const agentRead = customerWroteLast && chance(this.faker, 0.5) ? lastSeq - 1 : lastSeq;
    const responded = firstResponseAt + shift <= this.now;
    this.pushConversation({
      status: "active",
      assignedAgentId: agent.id,
      queuedAt: new Date(this.createdAt),
      assignedAt: new Date(assignedAt + shift),
      firstResponseAt: responded ? new Date(firstResponseAt + shift) : null,
      closedAt: null,
      resolutionNote: null,
      updatedAt: this.thread.lastMessageAt ?? new Date(this.createdAt),
    });
    this.pushParticipant(this.plan.customer.id, "customer", this.createdAt, lastSeq, lastSeq);
    this.pushParticipant(agent.id, "agent", assignedAt + shift, lastSeq, agentRead);
  }

  /** Still in the queue: only the customer is in it, perhaps asking whether anyone is there. */
  private finishWaiting(): void {
    const followUpAt = this.plan.createdAt + randomDelay(this.faker, 40, 240);
    if (followUpAt <= this.now && chance(this.faker, 0.4)) {
      this.clock = followUpAt;
      this.say(this.plan.customer.id, this.script.line(CUSTOMER_FOLLOW_UPS_WHILE_WAITING));
    }
    const lastSeq = this.thread.lastSeq;
    this.pushConversation({
      status: "waiting",
      assignedAgentId: null,
      queuedAt: new Date(this.plan.createdAt),
      assignedAt: null,
      firstResponseAt: null,
      closedAt: null,
      resolutionNote: null,
      updatedAt: this.thread.lastMessageAt ?? new Date(this.plan.createdAt),
    });
    this.pushParticipant(this.plan.customer.id, "customer", this.plan.createdAt, lastSeq, lastSeq);
  }

  private cutAtNow(): void {
    const isFuture = (at: Date | undefined) => (at?.getTime() ?? 0) > this.now;
    // Both lists are in time order, so the future is a tail and seq stays gap-free.
    const firstFutureMessage = this.thread.rows.findIndex((row) => isFuture(row.createdAt));
    if (firstFutureMessage >= 0) this.thread.rows.splice(firstFutureMessage);
    const firstFutureEvent = this.events.findIndex((event) => isFuture(event.occurredAt));
    if (firstFutureEvent >= 0) this.events.splice(firstFutureEvent);
  }

  private pushConversation(
    state: Pick<
      ConversationRow,
      "status" | "assignedAgentId" | "queuedAt" | "assignedAt" | "firstResponseAt" | "closedAt" | "resolutionNote" | "updatedAt"
    >,
  ): void {
    const { plan } = this;
    this.rows.conversations.push({
      id: this.id,
      kind: "support",
      priority: plan.priority,
      subject: this.script.line(plan.topic.subjects),
      visibility: "private",
      customerId: plan.customer.id,
      teamId: this.team.id,
      createdById: plan.customer.id,
      externalRef: this.script.externalRefOrNull,
      lastSeq: this.thread.lastSeq,
      lastEventSeq: this.thread.lastSeq,
      lastMessageAt: this.thread.lastMessageAt,
      createdAt: new Date(this.createdAt),
      ...state,
    });
    this.rows.messages.push(...this.thread.rows);
    this.rows.sessionEvents.push(...this.events);
  }

  private pushParticipant(
    userId: string,
    role: "customer" | "agent",
    joinedAt: number,
    lastDeliveredSeq: number,
    lastReadSeq: number,
    leftAt: number | null = null,
  ): void {
    this.rows.participants.push({
      conversationId: this.id,
      userId,
      role,
      joinedAt: new Date(joinedAt),
      leftAt: leftAt === null ? null : new Date(leftAt),
      lastDeliveredSeq,
      lastReadSeq,
    });
  }

  /** Agents who handed over keep their place in the history, up to what they saw. */
  private pushFormerAgents(): void {
    for (const { agent, joinedAt, leftAt } of this.formerAgents) {
      const seenSeq = this.thread.seqAt(leftAt);
      this.pushParticipant(agent.id, "agent", joinedAt, seenSeq, seenSeq, leftAt);
    }
  }

  private joinedAtOf(agent: SeededAgent, assignedAt: number): number {
    const handedOver = this.formerAgents.at(-1);
    return handedOver && handedOver.agent.id !== agent.id ? handedOver.leftAt : assignedAt;
  }

  private event({
    occurredAt,
    ...event
  }: Omit<SessionEventRow, "conversationId" | "teamId" | "occurredAt"> & { occurredAt: number }): void {
    this.events.push({ conversationId: this.id, teamId: this.team.id, occurredAt: new Date(occurredAt), ...event });
  }

  private say(senderId: string, body: string, options: { internal?: boolean } = {}): void {
    this.thread.add({ at: this.clock, senderId, body, internal: options.internal });
  }

  private notice(body: string): void {
    this.thread.add({ at: this.clock, senderId: null, type: "system", body });
  }

  /** Moves the clock on by a human delay; `pace` stretches it for slower agents. */
  private advance(minSeconds: number, maxSeconds: number, pace: number): void {
    this.clock += Math.round(randomDelay(this.faker, minSeconds, maxSeconds) * pace);
  }

  private teamOf(slug: SeededTeam["slug"]): SeededTeam {
    const team = this.people.teams.find((candidate) => candidate.slug === slug);
    if (!team) throw new Error(`No demo team ${slug}`);
    return team;
  }
}
