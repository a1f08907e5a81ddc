import { createHash } from "node:crypto";

import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, type Database } from "../client";
import { migrateDb } from "../migrate";
import { createTestDatabase } from "../testing";
import {
  buildDemoWorkspace,
  DEMO_LOGINS,
  DEMO_PASSWORD_HASH,
  type DemoWorkspaceSummary,
  isDatabaseEmpty,
  seedDemoWorkspace,
} from "./index";

/** A fixed present, so every run seeds the same workspace. */
const NOW = new Date("2026-03-12T15:30:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const SEED_TIMEOUT_MS = 120_000;

interface SeedTarget {
  name: string;
  open(): Promise<{ db: Database; close(): Promise<void> }>;
}

const targets: SeedTarget[] = [
  {
    name: "embedded PGlite",
    async open() {
      const handle = createDb({ dataDir: "memory" });
      await migrateDb(handle);
      return handle;
    },
  },
];
const serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  targets.push({
    name: "PostgreSQL",
    async open() {
      // A database of its own on the server, dropped afterwards.
      const database = await createTestDatabase(serverUrl);
      return { db: database.db, close: () => database.dispose() };
    },
  });
}

/** postgres.js returns rows as an array, PGlite as `{ rows }`. */
async function query<T>(db: Database, statement: SQL): Promise<T[]> {
  const result: unknown = await db.execute(statement);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function single<T>(db: Database, statement: SQL): Promise<T> {
  const [row] = await query<T>(db, statement);
  if (!row) throw new Error("The query returned no row");
  return row;
}

describe("the demo workspace plan", () => {
  it("is the same for the same moment, and different for another seed", () => {
    const first = buildDemoWorkspace({ now: NOW, scale: 0.1 });
    const second = buildDemoWorkspace({ now: NOW, scale: 0.1 });
    expect(second).toEqual(first);
    expect(buildDemoWorkspace({ now: NOW, scale: 0.1, seed: 7 }).rows.messages).not.toEqual(first.rows.messages);
  });

  it("never dates anything after the present", () => {
    const { rows } = buildDemoWorkspace({ now: NOW, scale: 0.2 });
    const latest = Math.max(
      ...rows.messages.map((row) => row.createdAt?.getTime() ?? 0),
      ...rows.sessionEvents.map((row) => row.occurredAt?.getTime() ?? 0),
      ...rows.csatResponses.map((row) => row.createdAt?.getTime() ?? 0),
    );
    expect(latest).toBeLessThanOrEqual(NOW.getTime());
  });
});

describe.each(targets)("seedDemoWorkspace on $name", (target) => {
  let db: Database;
  let close: () => Promise<void>;
  let summary: DemoWorkspaceSummary;
  let seedSeconds: number;

  beforeAll(async () => {
    ({ db, close } = await target.open());
    expect(await isDatabaseEmpty(db)).toBe(true);
    const started = performance.now();
    summary = await seedDemoWorkspace(db, { now: NOW });
    seedSeconds = (performance.now() - started) / 1000;
  }, SEED_TIMEOUT_MS);
  afterAll(() => close?.());

  it("finishes well under a minute", () => {
    expect(seedSeconds).toBeLessThan(60);
  });

  it("creates the staff, the teams and the customers, with the demo logins", async () => {
    const roles = await query<{ role: string; count: number }>(
      db,
      sql`select role, count(*)::int as count from users group by role`,
    );
    expect(Object.fromEntries(roles.map((row) => [row.role, row.count]))).toEqual({ admin: 1, agent: 6, customer: 200 });

    const teams = await query<{ name: string; agents: number }>(
      db,
      sql`select t.name, count(*)::int as agents
          from teams t join team_members m on m.team_id = t.id join users u on u.id = m.user_id and u.role = 'agent'
          group by t.name order by t.name`,
    );
    expect(teams).toEqual([
      { name: "Billing & Accounts", agents: 3 },
      { name: "Orders & Delivery", agents: 3 },
    ]);

    const agents = await query<{ max_concurrent_chats: number; availability: string }>(
      db,
      sql`select max_concurrent_chats, availability from users where role = 'agent'`,
    );
    for (const agent of agents) expect(agent.max_concurrent_chats).toBeGreaterThanOrEqual(3);
    for (const agent of agents) expect(agent.max_concurrent_chats).toBeLessThanOrEqual(5);
    expect(agents.filter((agent) => agent.availability === "online").length).toBeGreaterThan(0);

    const logins = await query<{ email: string; role: string; password_hash: string }>(
      db,
      sql`select email, role, password_hash from users where email like '%@parley.dev'`,
    );
    expect(logins.map((login) => `${login.email} ${login.role}`).sort()).toEqual(
      DEMO_LOGINS.map((login) => `${login.email} ${login.role}`).sort(),
    );
    for (const login of logins) expect(login.password_hash).toBe(DEMO_PASSWORD_HASH);
  });

  it("spreads about 2,000 support sessions over the last 30 days, busier on weekdays", async () => {
    const sessions = await single<{ total: number; earliest: Date | string; latest: Date | string; weekdays: number }>(
      db,
      sql`select count(*)::int as total, min(created_at) as earliest, max(created_at) as latest,
                 count(*) filter (where extract(isodow from created_at at time zone 'UTC') < 6)::int as weekdays
          from conversations where kind = 'support'`,
    );
    expect(sessions.total).toBeGreaterThanOrEqual(1_900);
    expect(sessions.total).toBeLessThanOrEqual(2_100);
    expect(sessions.total).toBe(summary.supportSessions);
    expect(new Date(sessions.earliest).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 30 * DAY_MS);
    expect(new Date(sessions.latest).getTime()).toBeLessThanOrEqual(NOW.getTime());
    // 5 of 7 days are weekdays; busier weekdays push their share well past 5/7.
    expect(sessions.weekdays / sessions.total).toBeGreaterThan(0.8);
  });

  it("leaves most sessions closed, some active and a few waiting for an agent", async () => {
    const statuses = await query<{ status: string; count: number; with_agent: number; agent_participants: number }>(
      db,
      sql`select c.status, count(*)::int as count, count(c.assigned_agent_id)::int as with_agent,
                 count(*) filter (where exists (
                   select 1 from participants p where p.conversation_id = c.id and p.role = 'agent' and p.left_at is null
                 ))::int as agent_participants
          from conversations c where c.kind = 'support' group by c.status`,
    );
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, row]));
    expect(byStatus.closed?.count).toBeGreaterThan(1_800);
    expect(byStatus.active?.count).toBeGreaterThan(0);
    expect(byStatus.waiting?.count).toBeGreaterThan(0);
    expect(byStatus.waiting?.with_agent).toBe(0);
    expect(byStatus.waiting?.agent_participants).toBe(0);
    expect(byStatus.active?.agent_participants).toBe(byStatus.active?.count);
    expect(byStatus.closed?.agent_participants).toBe(byStatus.closed?.count);

    const timelines = await single<{ broken: number }>(
      db,
      sql`select count(*)::int as broken from conversations
          where kind = 'support' and (
            customer_id is null or team_id is null or queued_at is null or queued_at < created_at
            or (status = 'closed' and (closed_at is null or assigned_at is null or first_response_at is null
                                       or not (created_at <= assigned_at and assigned_at <= first_response_at
                                               and first_response_at <= closed_at)))
            or (status = 'active' and (assigned_at is null or closed_at is not null))
            or (status = 'waiting' and (assigned_at is not null or closed_at is not null)))`,
    );
    expect(timelines.broken).toBe(0);
  });

  it("numbers every conversation's messages 1..last_seq without gaps", async () => {
    const mismatched = await single<{ count: number }>(
      db,
      sql`select count(*)::int as count
          from conversations c
          left join (
            select conversation_id, count(*) as n, count(distinct seq) as distinct_seqs, min(seq) as lo, max(seq) as hi,
                   max(created_at) as latest
            from messages group by conversation_id
          ) m on m.conversation_id = c.id
          where coalesce(m.n, 0) <> c.last_seq
             or m.distinct_seqs <> m.n or m.lo <> 1 or m.hi <> c.last_seq
             or c.last_message_at is distinct from m.latest`,
    );
    expect(mismatched.count).toBe(0);

    // No message has been edited or deleted yet, so each one's change number is its seq.
    const changeNumbers = await single<{ off: number }>(
      db,
      sql`select (select count(*) from messages where event_seq <> seq)::int
                 + (select count(*) from conversations where last_event_seq <> last_seq)::int as off`,
    );
    expect(changeNumbers.off).toBe(0);

    const threadLengths = await single<{ shortest: number; longest: number }>(
      db,
      sql`select min(last_seq)::int as shortest, max(last_seq)::int as longest
          from conversations where kind = 'support' and status = 'closed'`,
    );
    expect(threadLengths.shortest).toBeGreaterThanOrEqual(4);
    expect(threadLengths.longest).toBeLessThanOrEqual(14);

    const watermarks = await single<{ beyond: number }>(
      db,
      sql`select count(*)::int as beyond from participants p join conversations c on c.id = p.conversation_id
          where p.last_delivered_seq > c.last_seq or p.last_read_seq > p.last_delivered_seq`,
    );
    expect(watermarks.beyond).toBe(0);
  });

  it("writes internal notes, notices and structured order updates among the texts", async () => {
    const kinds = await query<{ type: string; internal: boolean; with_data: number; count: number }>(
      db,
      sql`select type, internal, count(data)::int as with_data, count(*)::int as count from messages group by type, internal`,
    );
    const count = (type: string, internal = false) =>
      kinds.find((row) => row.type === type && row.internal === internal)?.count ?? 0;
    expect(count("text", true)).toBeGreaterThan(0);
    expect(count("system")).toBeGreaterThan(0);
    expect(count("order_update") + count("delivery_update")).toBeGreaterThan(0);
    for (const row of kinds.filter((kind) => kind.type.endsWith("_update"))) expect(row.with_data).toBe(row.count);
    expect(kinds.reduce((sum, row) => sum + row.count, 0)).toBe(summary.messages);
  });

  it("rates about 60% of closed sessions, mostly 4 and 5", async () => {
    const csat = await single<{ total: number; positive: number; commented: number; closed: number; misplaced: number }>(
      db,
      sql`select count(*)::int as total,
                 count(*) filter (where r.rating >= 4)::int as positive,
                 count(r.comment)::int as commented,
                 (select count(*)::int from conversations where kind = 'support' and status = 'closed') as closed,
                 count(*) filter (where c.status <> 'closed' or r.created_at < c.closed_at
                                  or r.agent_id is distinct from c.assigned_agent_id)::int as misplaced
          from csat_responses r join conversations c on c.id = r.conversation_id`,
    );
    expect(csat.total / csat.closed).toBeGreaterThan(0.5);
    expect(csat.total / csat.closed).toBeLessThan(0.7);
    expect(csat.positive / csat.total).toBeGreaterThan(0.65);
    expect(csat.commented).toBeGreaterThan(0);
    expect(csat.misplaced).toBe(0);
  });

  it("records each session's steps in session_events with their durations", async () => {
    const events = await query<{ type: string; count: number; missing_duration: number; negative: number }>(
      db,
      sql`select type, count(*)::int as count,
                 count(*) filter (where case type
                   when 'assigned' then wait_seconds is null
                   when 'first_response' then first_response_seconds is null
                   when 'closed' then handle_seconds is null or resolution_seconds is null
                   when 'reopened' then closed_seconds is null
                   else false end)::int as missing_duration,
                 count(*) filter (where wait_seconds < 0 or first_response_seconds < 0 or handle_seconds < 0
                                  or resolution_seconds < handle_seconds or closed_seconds < 0)::int as negative
          from session_events group by type`,
    );
    const byType = Object.fromEntries(events.map((row) => [row.type, row]));
    expect(byType.created?.count).toBe(summary.supportSessions);
    expect(byType.assigned?.count).toBe(summary.supportSessions - summary.waitingSessions);
    expect(byType.closed?.count).toBeGreaterThanOrEqual(summary.closedSessions);
    expect(byType.transferred?.count).toBeGreaterThan(0);
    expect(byType.reopened?.count).toBeGreaterThan(0);
    expect(byType.first_response?.count).toBeGreaterThan(0);
    for (const row of events) {
      expect(row.missing_duration, row.type).toBe(0);
      expect(row.negative, row.type).toBe(0);
    }

    const waits = await single<{ shortest: number; longest: number }>(
      db,
      sql`select min(wait_seconds)::int as shortest, max(wait_seconds)::int as longest
          from session_events where type = 'assigned'`,
    );
    expect(waits.shortest).toBeGreaterThanOrEqual(5);
    expect(waits.longest).toBeLessThanOrEqual(600);
  });

  it("opens group rooms with an owner and members, and direct conversations between agents", async () => {
    const rooms = await query<{ kind: string; status: string; members: number; owners: number; last_seq: number }>(
      db,
      sql`select c.kind, c.status, c.last_seq, count(*)::int as members,
                 count(*) filter (where p.role = 'owner')::int as owners
          from conversations c join participants p on p.conversation_id = c.id
          where c.kind in ('group', 'direct') group by c.id`,
    );
    const groups = rooms.filter((room) => room.kind === "group");
    const directs = rooms.filter((room) => room.kind === "direct");
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(directs.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) {
      expect(group.status).toBe("open");
      expect(group.members).toBeGreaterThanOrEqual(3);
      expect(group.members).toBeLessThanOrEqual(8);
      expect(group.owners).toBe(1);
      expect(group.last_seq).toBeGreaterThan(0);
    }
    for (const direct of directs) expect(direct.members).toBe(2);
  });

  it("stores exactly the rows the plan computed", async () => {
    const { rows, summary: planned } = buildDemoWorkspace({ now: NOW });
    expect(summary).toEqual(planned);
    // Lower-case uuid text sorts the way PostgreSQL orders uuids.
    const inStoredOrder = [...rows.messages].sort((a, b) =>
      a.conversationId === b.conversationId ? a.seq - b.seq : a.conversationId < b.conversationId ? -1 : 1,
    );
    const expectedDigest = createHash("md5")
      .update(inStoredOrder.map((row) => row.body).join("|"))
      .digest("hex");
    const stored = await single<{ digest: string }>(
      db,
      sql`select md5(string_agg(body, '|' order by conversation_id, seq)) as digest from messages`,
    );
    expect(stored.digest).toBe(expectedDigest);
  });

  it("refuses to seed a database that already has accounts", async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
    await expect(seedDemoWorkspace(db, { now: NOW, scale: 0.05 })).rejects.toThrow(/empty database/);
  });
});
