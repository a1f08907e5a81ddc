import {
  agentStatusChanges,
  conversations,
  csatResponses,
  messages,
  sessionEvents,
  teamMembers,
  teams,
  users,
  type Database,
} from "@parley/db";

/**
 * A small desk whose every report figure is worked out by hand in reports.test.ts. All
 * times are UTC; the tests read them in Europe/Paris (UTC+1 in March 2026), where
 * 23:30Z is already the next day, and in UTC.
 *
 * Sessions (team, agent): what happens
 *   S1 (orders, ann)  Mon 2 Mar 08:00 opened, wait 60, first reply 120, closed 08:30 (handle 1740, resolution 1800), rated 5 "Great help"
 *   S2 (orders, bob)  Mon 2 Mar 23:30 opened (Tue 00:30 in Paris), wait 180, reply 300, closed Tue 00:30 (3420 / 3600), rated 4
 *   S3 (billing, cat) Tue 3 Mar 10:00 opened, wait 600, reply 900, closed 11:00 (3000 / 3600), reopened 15:00,
 *                     reassigned 15:01 (wait 60), reply 15:05 (300), closed 15:30 (1740 / 19800), rated 2 "Took too long"
 *   S8 (billing, cat) Tue 3 Mar 12:00 opened, wait 60, reply 180, closed 12:20 (1140 / 1200), not rated
 *   S4 (billing, cat) Wed 4 Mar 08:00 opened, wait 120, reply 240, still active
 *   S5 (orders)       Wed 4 Mar 22:30 opened (23:30 in Paris), still waiting
 *   S6 (orders, ann)  Sun 1 Mar 22:30 opened (23:30 in Paris: the period before), wait 60, reply 120,
 *                     closed Mon 00:00 (5340 / 5400), rated 3 "OK" at 00:10
 *   S7 (orders, ann)  Thu 5 Mar 00:00 opened (after the period), closed 00:10, rated 1 "Bad"
 */
export interface ReportDataset {
  teams: { orders: string; billing: string };
  agents: { ann: string; bob: string; cat: string; dan: string };
  adminId: string;
  sessions: Record<"S1" | "S2" | "S3" | "S4" | "S5" | "S6" | "S7" | "S8", string>;
}

type AgentName = keyof ReportDataset["agents"];
type SessionName = keyof ReportDataset["sessions"];

interface ScriptedStep {
  type: "created" | "assigned" | "first_response" | "closed" | "reopened";
  at: string;
  agent?: AgentName;
  waitSeconds?: number;
  firstResponseSeconds?: number;
  handleSeconds?: number;
  resolutionSeconds?: number;
  closedSeconds?: number;
}

interface ScriptedMessage {
  at: string;
  /** "customer", an agent, or null for a system notice / order update. */
  from: "customer" | AgentName | null;
  type?: "text" | "system" | "order_update";
  internal?: boolean;
}

interface ScriptedSession {
  name: SessionName;
  team: "orders" | "billing";
  customer: number;
  status: "waiting" | "active" | "closed";
  agent: AgentName | null;
  steps: ScriptedStep[];
  messages: ScriptedMessage[];
  rating?: { value: number; at: string; comment?: string };
}

const SESSIONS: ScriptedSession[] = [
  {
    name: "S1",
    team: "orders",
    customer: 0,
    status: "closed",
    agent: "ann",
    steps: [
      { type: "created", at: "2026-03-02T08:00:00Z" },
      { type: "assigned", at: "2026-03-02T08:01:00Z", agent: "ann", waitSeconds: 60 },
      { type: "first_response", at: "2026-03-02T08:02:00Z", agent: "ann", firstResponseSeconds: 120 },
      { type: "closed", at: "2026-03-02T08:30:00Z", agent: "ann", handleSeconds: 1740, resolutionSeconds: 1800 },
    ],
    messages: [
      { at: "2026-03-02T08:00:00Z", from: "customer" },
      { at: "2026-03-02T08:01:00Z", from: null, type: "system" },
      { at: "2026-03-02T08:02:00Z", from: "ann" },
      { at: "2026-03-02T08:05:00Z", from: null, type: "order_update" },
      { at: "2026-03-02T08:10:00Z", from: "customer" },
      { at: "2026-03-02T08:15:00Z", from: "ann", internal: true },
      { at: "2026-03-02T08:20:00Z", from: "ann" },
    ],
    rating: { value: 5, at: "2026-03-02T08:40:00Z", comment: "Great help" },
  },
  {
    name: "S2",
    team: "orders",
    customer: 1,
    status: "closed",
    agent: "bob",
    steps: [
      { type: "created", at: "2026-03-02T23:30:00Z" },
      { type: "assigned", at: "2026-03-02T23:33:00Z", agent: "bob", waitSeconds: 180 },
      { type: "first_response", at: "2026-03-02T23:35:00Z", agent: "bob", firstResponseSeconds: 300 },
      { type: "closed", at: "2026-03-03T00:30:00Z", agent: "bob", handleSeconds: 3420, resolutionSeconds: 3600 },
    ],
    messages: [
      { at: "2026-03-02T23:30:00Z", from: "customer" },
      { at: "2026-03-02T23:35:00Z", from: "bob" },
      { at: "2026-03-02T23:50:00Z", from: "customer" },
    ],
    rating: { value: 4, at: "2026-03-03T00:45:00Z" },
  },
  {
    name: "S3",
    team: "billing",
    customer: 2,
    status: "closed",
    agent: "cat",
    steps: [
      { type: "created", at: "2026-03-03T10:00:00Z" },
      { type: "assigned", at: "2026-03-03T10:10:00Z", agent: "cat", waitSeconds: 600 },
      { type: "first_response", at: "2026-03-03T10:15:00Z", agent: "cat", firstResponseSeconds: 900 },
      { type: "closed", at: "2026-03-03T11:00:00Z", agent: "cat", handleSeconds: 3000, resolutionSeconds: 3600 },
      { type: "reopened", at: "2026-03-03T15:00:00Z", closedSeconds: 14400 },
      { type: "assigned", at: "2026-03-03T15:01:00Z", agent: "cat", waitSeconds: 60 },
      { type: "first_response", at: "2026-03-03T15:05:00Z", agent: "cat", firstResponseSeconds: 300 },
      { type: "closed", at: "2026-03-03T15:30:00Z", agent: "cat", handleSeconds: 1740, resolutionSeconds: 19800 },
    ],
    messages: [
      { at: "2026-03-03T10:00:00Z", from: "customer" },
      { at: "2026-03-03T10:15:00Z", from: "cat" },
      { at: "2026-03-03T15:00:00Z", from: "customer" },
      { at: "2026-03-03T15:05:00Z", from: "cat" },
    ],
    rating: { value: 2, at: "2026-03-03T15:40:00Z", comment: "Took too long" },
  },
  {
    name: "S8",
    team: "billing",
    customer: 3,
    status: "closed",
    agent: "cat",
    steps: [
      { type: "created", at: "2026-03-03T12:00:00Z" },
      { type: "assigned", at: "2026-03-03T12:01:00Z", agent: "cat", waitSeconds: 60 },
      { type: "first_response", at: "2026-03-03T12:03:00Z", agent: "cat", firstResponseSeconds: 180 },
      { type: "closed", at: "2026-03-03T12:20:00Z", agent: "cat", handleSeconds: 1140, resolutionSeconds: 1200 },
    ],
    messages: [
      { at: "2026-03-03T12:00:00Z", from: "customer" },
      { at: "2026-03-03T12:03:00Z", from: "cat" },
    ],
  },
  {
    name: "S4",
    team: "billing",
    customer: 0,
    status: "active",
    agent: "cat",
    steps: [
      { type: "created", at: "2026-03-04T08:00:00Z" },
      { type: "assigned", at: "2026-03-04T08:02:00Z", agent: "cat", waitSeconds: 120 },
      { type: "first_response", at: "2026-03-04T08:04:00Z", agent: "cat", firstResponseSeconds: 240 },
    ],
    messages: [
      { at: "2026-03-04T08:00:00Z", from: "customer" },
      { at: "2026-03-04T08:04:00Z", from: "cat" },
    ],
  },
  {
    name: "S5",
    team: "orders",
    customer: 1,
    status: "waiting",
    agent: null,
    steps: [{ type: "created", at: "2026-03-04T22:30:00Z" }],
    messages: [{ at: "2026-03-04T22:30:00Z", from: "customer" }],
  },
  {
    name: "S6",
    team: "orders",
    customer: 2,
    status: "closed",
    agent: "ann",
    steps: [
      { type: "created", at: "2026-03-01T22:30:00Z" },
      { type: "assigned", at: "2026-03-01T22:31:00Z", agent: "ann", waitSeconds: 60 },
      { type: "first_response", at: "2026-03-01T22:32:00Z", agent: "ann", firstResponseSeconds: 120 },
      { type: "closed", at: "2026-03-02T00:00:00Z", agent: "ann", handleSeconds: 5340, resolutionSeconds: 5400 },
    ],
    messages: [
      { at: "2026-03-01T22:30:00Z", from: "customer" },
      { at: "2026-03-01T22:32:00Z", from: "ann" },
      { at: "2026-03-01T23:10:00Z", from: "customer" },
    ],
    rating: { value: 3, at: "2026-03-02T00:10:00Z", comment: "OK" },
  },
  {
    name: "S7",
    team: "orders",
    customer: 3,
    status: "closed",
    agent: "ann",
    steps: [
      { type: "created", at: "2026-03-05T00:00:00Z" },
      { type: "assigned", at: "2026-03-05T00:01:00Z", agent: "ann", waitSeconds: 60 },
      { type: "first_response", at: "2026-03-05T00:02:00Z", agent: "ann", firstResponseSeconds: 120 },
      { type: "closed", at: "2026-03-05T00:10:00Z", agent: "ann", handleSeconds: 540, resolutionSeconds: 600 },
    ],
    messages: [
      { at: "2026-03-05T00:00:00Z", from: "customer" },
      { at: "2026-03-05T00:02:00Z", from: "ann" },
    ],
    rating: { value: 1, at: "2026-03-05T00:20:00Z", comment: "Bad" },
  },
];

/**
 * When each agent was online (switch on online and Parley open):
 *   ann: online since Sun 20:00, away 12:00-13:00 on Monday, gone at 17:00: 13 h + 4 h in the period
 *   bob: online from Mon 22:00, connection lost 02:00 (switch still online), back 08:00, tab hidden 09:00,
 *        gone 10:00: 4 h + 2 h
 *   cat: online from Wed 20:00 to the end of the period (23:00Z): 3 h; leaves Thursday
 *   dan: never
 */
const STATUS_CHANGES: { agent: AgentName; at: string; availability: "online" | "away" | "offline"; presence: "online" | "away" | "offline" }[] = [
  { agent: "ann", at: "2026-03-01T20:00:00Z", availability: "online", presence: "online" },
  { agent: "ann", at: "2026-03-02T12:00:00Z", availability: "away", presence: "online" },
  { agent: "ann", at: "2026-03-02T13:00:00Z", availability: "online", presence: "online" },
  { agent: "ann", at: "2026-03-02T17:00:00Z", availability: "offline", presence: "offline" },
  { agent: "bob", at: "2026-03-02T22:00:00Z", availability: "online", presence: "online" },
  { agent: "bob", at: "2026-03-03T02:00:00Z", availability: "online", presence: "offline" },
  { agent: "bob", at: "2026-03-03T08:00:00Z", availability: "online", presence: "online" },
  { agent: "bob", at: "2026-03-03T09:00:00Z", availability: "online", presence: "away" },
  { agent: "bob", at: "2026-03-03T10:00:00Z", availability: "offline", presence: "offline" },
  { agent: "cat", at: "2026-03-04T20:00:00Z", availability: "online", presence: "online" },
  { agent: "cat", at: "2026-03-05T10:00:00Z", availability: "offline", presence: "offline" },
];

export async function loadReportDataset(db: Database, tag = Math.random().toString(36).slice(2, 8)): Promise<ReportDataset> {
  const [orders, billing] = await db
    .insert(teams)
    .values([
      { name: `Orders ${tag}`, slug: `orders-${tag}` },
      { name: `Billing ${tag}`, slug: `billing-${tag}` },
    ])
    .returning();
  const staff = await db
    .insert(users)
    .values(
      (["Ann", "Bob", "Cat", "Dan", "Ada Admin"] as const).map((name, index) => ({
        name: `${name} ${tag}`,
        email: `${name.toLowerCase().replace(" ", ".")}.${tag}@example.test`,
        role: index === 4 ? ("admin" as const) : ("agent" as const),
      })),
    )
    .returning();
  const agents = { ann: staff[0]!.id, bob: staff[1]!.id, cat: staff[2]!.id, dan: staff[3]!.id };
  await db.insert(teamMembers).values([
    { teamId: orders!.id, userId: agents.ann },
    { teamId: orders!.id, userId: agents.bob },
    { teamId: billing!.id, userId: agents.cat },
    { teamId: billing!.id, userId: agents.dan },
  ]);
  const customers = await db
    .insert(users)
    .values(Array.from({ length: 4 }, (_, i) => ({ name: `Customer ${i} ${tag}`, email: `customer${i}.${tag}@example.test` })))
    .returning();

  const sessions = {} as ReportDataset["sessions"];
  for (const script of SESSIONS) {
    const teamId = script.team === "orders" ? orders!.id : billing!.id;
    const customerId = customers[script.customer]!.id;
    const agentId = script.agent ? agents[script.agent] : null;
    const timeOf = (type: ScriptedStep["type"], which: "first" | "last" = "last") => {
      const matching = script.steps.filter((step) => step.type === type);
      const step = which === "first" ? matching[0] : matching.at(-1);
      return step ? new Date(step.at) : null;
    };
    const createdAt = timeOf("created")!;
    const [session] = await db
      .insert(conversations)
      .values({
        kind: "support",
        status: script.status,
        subject: `Question ${script.name}`,
        customerId,
        createdById: customerId,
        teamId,
        assignedAgentId: agentId,
        createdAt,
        queuedAt: timeOf("reopened") ?? createdAt,
        assignedAt: timeOf("assigned"),
        firstResponseAt: timeOf("first_response"),
        closedAt: script.status === "closed" ? timeOf("closed") : null,
        lastSeq: script.messages.length,
        lastEventSeq: script.messages.length,
        lastMessageAt: new Date(script.messages.at(-1)!.at),
      })
      .returning();
    sessions[script.name] = session!.id;

    await db.insert(sessionEvents).values(
      script.steps.map((step) => ({
        conversationId: session!.id,
        type: step.type,
        occurredAt: new Date(step.at),
        agentId: step.agent ? agents[step.agent] : null,
        teamId,
        waitSeconds: step.waitSeconds ?? null,
        firstResponseSeconds: step.firstResponseSeconds ?? null,
        handleSeconds: step.handleSeconds ?? null,
        resolutionSeconds: step.resolutionSeconds ?? null,
        closedSeconds: step.closedSeconds ?? null,
      })),
    );
    await db.insert(messages).values(
      script.messages.map((message, index) => ({
        conversationId: session!.id,
        seq: index + 1,
        eventSeq: index + 1,
        senderId: message.from === "customer" ? customerId : message.from ? agents[message.from] : null,
        type: message.type ?? "text",
        internal: message.internal ?? false,
        body: `message ${index + 1} of ${script.name}`,
        createdAt: new Date(message.at),
      })),
    );
    if (script.rating) {
      await db.insert(csatResponses).values({
        conversationId: session!.id,
        customerId,
        agentId,
        rating: script.rating.value,
        comment: script.rating.comment ?? null,
        createdAt: new Date(script.rating.at),
      });
    }
  }

  // A direct conversation between two agents in the period: not support, never counted.
  const [direct] = await db.insert(conversations).values({ kind: "direct", status: "open", lastSeq: 1 }).returning();
  await db.insert(messages).values({
    conversationId: direct!.id,
    seq: 1,
    eventSeq: 1,
    senderId: agents.ann,
    body: "lunch?",
    createdAt: new Date("2026-03-02T11:00:00Z"),
  });

  await db.insert(agentStatusChanges).values(
    STATUS_CHANGES.map((change) => ({
      userId: agents[change.agent],
      availability: change.availability,
      presence: change.presence,
      changedAt: new Date(change.at),
    })),
  );

  return { teams: { orders: orders!.id, billing: billing!.id }, agents, adminId: staff[4]!.id, sessions };
}
