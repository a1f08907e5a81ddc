import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { agentStatusChanges, asc, conversations, eq, sql, type Database } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { rowsOf } from "../src/lib/query-rows";
import { MemoryBus } from "../src/realtime/memory-bus";
import { MemoryPresenceStore } from "../src/realtime/presence-store";
import { setAvailability } from "../src/services/desk/availability";
import { PresenceTracker } from "../src/services/presence/presence-tracker";
import { readAgentPerformance } from "../src/services/reports/agent-performance";
import { readAgentTrend } from "../src/services/reports/agent-trend";
import { readConversationMetrics } from "../src/services/reports/conversation-metrics";
import { readCsatByAgent } from "../src/services/reports/csat-by-agent";
import { readCsatComments } from "../src/services/reports/csat-comments";
import { readCsatSummary } from "../src/services/reports/csat-summary";
import { readCsatTrend } from "../src/services/reports/csat-trend";
import { streamRows } from "../src/services/reports/export/row-stream";
import { readHeatmap } from "../src/services/reports/heatmap";
import { decodeCursor } from "../src/services/reports/keyset";
import { readLiveOperations } from "../src/services/reports/live-operations";
import { readMessagesTalliedUntil, tallyMessages } from "../src/services/reports/message-tallies";
import { readOverview } from "../src/services/reports/overview";
import { rangeOf } from "../src/services/reports/report-range";
import { supportMessages, within } from "../src/services/reports/report-sql";
import { sessionListQuery, type SessionListRow } from "../src/services/reports/session-list";
import { readVolume } from "../src/services/reports/volume";
import { archiveOldMessages } from "../src/services/retention/archive-messages";
import { loadReportDataset, type ReportDataset } from "./support/report-dataset";
import { testUnreadRecounter } from "./support/context";

const PARIS = rangeOf({ from: "2026-03-02", to: "2026-03-04", timeZone: "Europe/Paris" });
const UTC = rangeOf({ from: "2026-03-02", to: "2026-03-04", timeZone: "UTC" });
const LATER = new Date("2026-03-10T00:00:00Z");

const duration = (median: number | null, average: number | null, count: number) => ({ median, average, count });

/** An agent's figures over a stretch in which they handled nothing and were never online. */
const NOTHING_HANDLED = {
  sessionsHandled: 0,
  medianFirstResponseSeconds: null,
  averageHandleSeconds: null,
  csatResponses: 0,
  csatScore: null,
  timeOnlineSeconds: 0,
};

describe("reports on a scripted desk", () => {
  let database: TestDatabase;
  let db: Database;
  let data: ReportDataset;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    data = await loadReportDataset(db);
  });
  afterAll(() => database?.dispose());

  /** How a report names one of the dataset's agents: "cat" was created as "Cat <tag>". */
  const agent = (name: keyof ReportDataset["agents"]) => ({
    agentId: data.agents[name],
    agentName: expect.stringMatching(new RegExp(`^${name[0]!.toUpperCase()}${name.slice(1)} `)),
  });

  it("reads the period as whole days of the admin's time zone", () => {
    expect(PARIS.start.toISOString()).toBe("2026-03-01T23:00:00.000Z");
    expect(PARIS.end.toISOString()).toBe("2026-03-04T23:00:00.000Z");
    expect(UTC.end.toISOString()).toBe("2026-03-05T00:00:00.000Z");
  });

  describe("conversation metrics", () => {
    it("counts, rates, medians and averages of the whole desk", async () => {
      expect(await readConversationMetrics(db, PARIS, {})).toEqual({
        opened: 6,
        closed: 6,
        reopened: 1,
        resolved: 4,
        resolutionRate: 4 / 6,
        waitTime: duration(90, 180, 6),
        firstResponseTime: duration(270, 340, 6),
        handleTime: duration(2370, 2730, 6),
        resolutionTime: duration(3600, 5900, 6),
        messagesIn: 10,
        messagesOut: 7,
      });
    });

    it("narrows to a team", async () => {
      expect(await readConversationMetrics(db, PARIS, { teamId: data.teams.orders })).toEqual({
        opened: 3,
        closed: 3,
        reopened: 0,
        resolved: 2,
        resolutionRate: 2 / 3,
        waitTime: duration(120, 120, 2),
        firstResponseTime: duration(210, 210, 2),
        handleTime: duration(3420, 3500, 3),
        resolutionTime: duration(3600, 3600, 3),
        messagesIn: 6,
        messagesOut: 3,
      });
    });

    it("narrows to an agent: their steps, and the sessions they have", async () => {
      expect(await readConversationMetrics(db, PARIS, { agentId: data.agents.cat })).toEqual({
        opened: 3,
        closed: 3,
        reopened: 1,
        resolved: 2,
        resolutionRate: 2 / 3,
        waitTime: duration(90, 210, 4),
        firstResponseTime: duration(270, 405, 4),
        handleTime: duration(1740, 1960, 3),
        resolutionTime: duration(3600, 8200, 3),
        messagesIn: 4,
        messagesOut: 4,
      });
    });

    it("is empty, not wrong, for a period with nothing in it", async () => {
      const quiet = await readConversationMetrics(db, rangeOf({ from: "2025-01-01", to: "2025-01-31", timeZone: "UTC" }), {});
      expect(quiet).toEqual({
        opened: 0,
        closed: 0,
        reopened: 0,
        resolved: 0,
        resolutionRate: null,
        waitTime: duration(null, null, 0),
        firstResponseTime: duration(null, null, 0),
        handleTime: duration(null, null, 0),
        resolutionTime: duration(null, null, 0),
        messagesIn: 0,
        messagesOut: 0,
      });
    });
  });

  it("compares the overview's KPIs with the period before", async () => {
    const overview = await readOverview(db, PARIS, {});
    expect(overview.previousPeriod).toEqual({ start: new Date("2026-02-26T23:00:00Z"), end: new Date("2026-03-01T23:00:00Z") });
    expect(overview.kpis.conversationsOpened).toEqual({ current: 6, previous: 1, difference: 5, changeRatio: 5 });
    expect(overview.kpis.conversationsClosed).toEqual({ current: 6, previous: 0, difference: 6, changeRatio: null });
    expect(overview.kpis.resolutionRate).toEqual({ current: 4 / 6, previous: 0, difference: 4 / 6, changeRatio: null });
    expect(overview.kpis.medianWaitSeconds).toEqual({ current: 90, previous: 60, difference: 30, changeRatio: 0.5 });
    expect(overview.kpis.averageFirstResponseSeconds).toEqual({ current: 340, previous: 120, difference: 220, changeRatio: 220 / 120 });
    expect(overview.kpis.medianHandleSeconds).toEqual({ current: 2370, previous: null, difference: null, changeRatio: null });
    expect(overview.kpis.messagesIn).toEqual({ current: 10, previous: 1, difference: 9, changeRatio: 9 });
    expect(overview.kpis.messagesOut).toEqual({ current: 7, previous: 1, difference: 6, changeRatio: 6 });
    expect(overview.kpis.csatScore).toEqual({ current: 0.5, previous: null, difference: null, changeRatio: null });
    expect(overview.kpis.csatResponses).toEqual({ current: 4, previous: 0, difference: 4, changeRatio: null });
  });

  describe("volume", () => {
    it("buckets by the admin's days: 23:30 UTC on Monday is Tuesday in Paris", async () => {
      expect(await readVolume(db, PARIS, {}, "day")).toEqual([
        { bucket: "2026-03-02", startsAt: new Date("2026-03-01T23:00:00Z"), sessionsOpened: 1, sessionsClosed: 2, messagesIn: 3, messagesOut: 2 },
        { bucket: "2026-03-03", startsAt: new Date("2026-03-02T23:00:00Z"), sessionsOpened: 3, sessionsClosed: 4, messagesIn: 5, messagesOut: 4 },
        { bucket: "2026-03-04", startsAt: new Date("2026-03-03T23:00:00Z"), sessionsOpened: 2, sessionsClosed: 0, messagesIn: 2, messagesOut: 1 },
      ]);
      expect(await readVolume(db, UTC, {}, "day")).toEqual([
        { bucket: "2026-03-02", startsAt: new Date("2026-03-02T00:00:00Z"), sessionsOpened: 2, sessionsClosed: 2, messagesIn: 4, messagesOut: 3 },
        { bucket: "2026-03-03", startsAt: new Date("2026-03-03T00:00:00Z"), sessionsOpened: 2, sessionsClosed: 4, messagesIn: 3, messagesOut: 3 },
        { bucket: "2026-03-04", startsAt: new Date("2026-03-04T00:00:00Z"), sessionsOpened: 2, sessionsClosed: 0, messagesIn: 2, messagesOut: 1 },
      ]);
    });

    it("sums weeks from Monday and months from the 1st", async () => {
      expect(await readVolume(db, PARIS, {}, "week")).toEqual([
        { bucket: "2026-03-02", startsAt: new Date("2026-03-01T23:00:00Z"), sessionsOpened: 6, sessionsClosed: 6, messagesIn: 10, messagesOut: 7 },
      ]);
      expect(await readVolume(db, PARIS, {}, "month")).toEqual([
        { bucket: "2026-03-01", startsAt: new Date("2026-02-28T23:00:00Z"), sessionsOpened: 6, sessionsClosed: 6, messagesIn: 10, messagesOut: 7 },
      ]);
    });

    it("keeps local days whole across a daylight-saving change", async () => {
      const spring = rangeOf({ from: "2026-03-28", to: "2026-03-30", timeZone: "Europe/Paris" });
      const days = await readVolume(db, spring, {}, "day");
      expect(days.map((day) => [day.bucket, day.startsAt.toISOString()])).toEqual([
        ["2026-03-28", "2026-03-27T23:00:00.000Z"],
        ["2026-03-29", "2026-03-28T23:00:00.000Z"],
        ["2026-03-30", "2026-03-29T22:00:00.000Z"],
      ]);
    });
  });

  it("buckets as if each row were placed on its own, in zones a quarter or half hour off UTC", async () => {
    // Eucla (+8:45): 15:05 UTC is 23:50, 15:30 UTC is 00:15 the next day.
    for (const timeZone of ["Australia/Eucla", "Asia/Kathmandu", "Asia/Kolkata", "America/St_Johns"]) {
      const range = rangeOf({ from: "2026-03-01", to: "2026-03-05", timeZone });
      const local = (column: string) => sql.raw(`(${column} at time zone '${timeZone}')`);
      const steps = await rowsOf<{ bucket: string; opened: number; closed: number }>(
        db,
        sql`select to_char(${local("e.occurred_at")}, 'YYYY-MM-DD') as bucket,
            count(*) filter (where e.type = 'created')::int as opened, count(*) filter (where e.type = 'closed')::int as closed
          from session_events e where e.type in ('created', 'closed') and ${within(sql`e.occurred_at`, range)} group by 1`,
      );
      const written = await rowsOf<{ bucket: string; total: number }>(
        db,
        sql`select to_char(${local("m.created_at")}, 'YYYY-MM-DD') as bucket, count(*)::int as total
          from ${supportMessages(within(sql`m.created_at`, range), {})} group by 1`,
      );
      const volume = await readVolume(db, range, {}, "day");
      for (const day of volume) {
        const step = steps.find((row) => row.bucket === day.bucket);
        expect([day.bucket, day.sessionsOpened, day.sessionsClosed, day.messagesIn + day.messagesOut]).toEqual([
          day.bucket,
          step?.opened ?? 0,
          step?.closed ?? 0,
          written.find((row) => row.bucket === day.bucket)?.total ?? 0,
        ]);
      }
      expect(volume.reduce((sum, day) => sum + day.sessionsOpened, 0)).toBeGreaterThan(0);

      const opened = await rowsOf<{ day_of_week: number; hour: number; opened: number }>(
        db,
        sql`select extract(isodow from ${local("e.occurred_at")})::int as day_of_week, extract(hour from ${local("e.occurred_at")})::int as hour,
            count(*)::int as opened
          from session_events e where e.type = 'created' and ${within(sql`e.occurred_at`, range)} group by 1, 2`,
      );
      const heatmap = await readHeatmap(db, range, {});
      expect(heatmap.cells.filter((cell) => cell.sessionsOpened > 0)).toEqual(
        opened
          .map((row) => ({ dayOfWeek: row.day_of_week, hour: row.hour, sessionsOpened: row.opened }))
          .sort((a, b) => a.dayOfWeek - b.dayOfWeek || a.hour - b.hour),
      );
    }
  });

  it("maps when sessions open by local weekday and hour, and names the busiest hours", async () => {
    const heatmap = await readHeatmap(db, PARIS, {});
    expect(heatmap.cells).toHaveLength(168);
    expect(heatmap.cells.filter((cell) => cell.sessionsOpened > 0)).toEqual([
      { dayOfWeek: 1, hour: 9, sessionsOpened: 1 },
      { dayOfWeek: 2, hour: 0, sessionsOpened: 1 },
      { dayOfWeek: 2, hour: 11, sessionsOpened: 1 },
      { dayOfWeek: 2, hour: 13, sessionsOpened: 1 },
      { dayOfWeek: 3, hour: 9, sessionsOpened: 1 },
      { dayOfWeek: 3, hour: 23, sessionsOpened: 1 },
    ]);
    expect(heatmap.busiestHours).toEqual([
      { hour: 9, sessionsOpened: 2 },
      { hour: 0, sessionsOpened: 1 },
      { hour: 11, sessionsOpened: 1 },
    ]);
  });

  describe("CSAT", () => {
    it("scores 4s and 5s over all ratings, with the distribution and the response rate", async () => {
      expect(await readCsatSummary(db, PARIS, {})).toEqual({
        responses: 4,
        satisfied: 2,
        score: 0.5,
        averageRating: 3.5,
        distribution: [
          { rating: 1, count: 0 },
          { rating: 2, count: 1 },
          { rating: 3, count: 1 },
          { rating: 4, count: 1 },
          { rating: 5, count: 1 },
        ],
        asked: 5,
        answered: 4,
        responseRate: 0.8,
      });
      const orders = await readCsatSummary(db, PARIS, { teamId: data.teams.orders });
      expect([orders.responses, orders.score, orders.averageRating, orders.asked, orders.responseRate]).toEqual([3, 2 / 3, 4, 3, 1]);
      const cat = await readCsatSummary(db, PARIS, { agentId: data.agents.cat });
      expect([cat.responses, cat.score, cat.averageRating, cat.asked, cat.answered, cat.responseRate]).toEqual([1, 0, 2, 2, 1, 0.5]);
    });

    it("trends by day", async () => {
      expect(await readCsatTrend(db, PARIS, {}, "day")).toEqual([
        { bucket: "2026-03-02", startsAt: new Date("2026-03-01T23:00:00Z"), responses: 2, score: 0.5, averageRating: 4 },
        { bucket: "2026-03-03", startsAt: new Date("2026-03-02T23:00:00Z"), responses: 2, score: 0.5, averageRating: 3 },
        { bucket: "2026-03-04", startsAt: new Date("2026-03-03T23:00:00Z"), responses: 0, score: null, averageRating: null },
      ]);
    });

    it("scores each agent, best first", async () => {
      expect(await readCsatByAgent(db, PARIS, {})).toEqual([
        { ...agent("bob"), responses: 1, score: 1, averageRating: 4 },
        { ...agent("ann"), responses: 2, score: 0.5, averageRating: 4 },
        { ...agent("cat"), responses: 1, score: 0, averageRating: 2 },
      ]);
    });

    it("lists the latest comments a page at a time", async () => {
      const first = await readCsatComments(db, PARIS, {}, { limit: 2, after: null });
      expect(first.items.map((item) => [item.sessionId, item.rating, item.comment])).toEqual([
        [data.sessions.S3, 2, "Took too long"],
        [data.sessions.S1, 5, "Great help"],
      ]);
      expect(first.items[0]!.createdAt).toEqual(new Date("2026-03-03T15:40:00Z"));
      expect(first.nextCursor).not.toBeNull();
      const second = await readCsatComments(db, PARIS, {}, { limit: 2, after: decodeCursor(first.nextCursor!) });
      expect(second.items.map((item) => [item.sessionId, item.rating, item.comment])).toEqual([[data.sessions.S6, 3, "OK"]]);
      expect(second.nextCursor).toBeNull();
    });
  });

  describe("agents", () => {
    it("ranks agents by sessions handled, with response and handle times, CSAT and time online", async () => {
      expect(await readAgentPerformance(db, PARIS, {}, LATER)).toEqual([
        {
          ...agent("cat"),
          sessionsHandled: 3,
          medianFirstResponseSeconds: 270,
          averageHandleSeconds: 1960,
          csatResponses: 1,
          csatScore: 0,
          timeOnlineSeconds: 3 * 3600,
        },
        {
          ...agent("ann"),
          sessionsHandled: 2,
          medianFirstResponseSeconds: 120,
          averageHandleSeconds: 3540,
          csatResponses: 2,
          csatScore: 0.5,
          timeOnlineSeconds: 17 * 3600,
        },
        {
          ...agent("bob"),
          sessionsHandled: 1,
          medianFirstResponseSeconds: 300,
          averageHandleSeconds: 3420,
          csatResponses: 1,
          csatScore: 1,
          timeOnlineSeconds: 6 * 3600,
        },
        { ...agent("dan"), ...NOTHING_HANDLED },
      ]);
    });

    it("lists a team's agents, and counts time online only up to now", async () => {
      const billing = await readAgentPerformance(db, PARIS, { teamId: data.teams.billing }, new Date("2026-03-04T21:30:00Z"));
      expect(billing.map((row) => [row.agentId, row.sessionsHandled, row.timeOnlineSeconds])).toEqual([
        [data.agents.cat, 3, 1.5 * 3600],
        [data.agents.dan, 0, 0],
      ]);
    });

    it("trends one agent by day", async () => {
      const trend = await readAgentTrend(db, PARIS, { agentId: data.agents.cat }, "day", LATER);
      expect(trend.map(({ startsAt: _startsAt, ...bucket }) => bucket)).toEqual([
        { bucket: "2026-03-02", ...NOTHING_HANDLED },
        {
          bucket: "2026-03-03",
          sessionsHandled: 3,
          medianFirstResponseSeconds: 300,
          averageHandleSeconds: 1960,
          csatResponses: 1,
          csatScore: 0,
          timeOnlineSeconds: 0,
        },
        {
          bucket: "2026-03-04",
          sessionsHandled: 0,
          medianFirstResponseSeconds: 240,
          averageHandleSeconds: null,
          csatResponses: 0,
          csatScore: null,
          timeOnlineSeconds: 3 * 3600,
        },
      ]);
      const annByDay = await readAgentTrend(db, PARIS, { agentId: data.agents.ann }, "day", LATER);
      expect(annByDay.map((bucket) => bucket.timeOnlineSeconds)).toEqual([17 * 3600, 0, 0]);
    });
  });

  it("shows the desk live: queue, active sessions, agents online, longest wait, messages in the last minute", async () => {
    const now = new Date("2026-03-04T22:30:30Z");
    expect(await readLiveOperations(db, {}, now)).toEqual({
      at: now,
      waiting: 1,
      active: 1,
      agentsOnline: 1,
      longestWaitSeconds: 30,
      messagesPerMinute: 1,
    });
    expect(await readLiveOperations(db, { teamId: data.teams.orders }, now)).toMatchObject({
      waiting: 1,
      active: 0,
      agentsOnline: 0,
      messagesPerMinute: 1,
    });
    expect(await readLiveOperations(db, { agentId: data.agents.cat }, now)).toMatchObject({
      active: 1,
      agentsOnline: 1,
      messagesPerMinute: 0,
    });
  });

  it("streams the session list in order, a batch at a time, without repeats or gaps", async () => {
    const rows: SessionListRow[] = [];
    const query = (after: Parameters<typeof sessionListQuery>[2], limit: number | null) => sessionListQuery(PARIS, {}, after, limit);
    for await (const row of streamRows<SessionListRow>(db, query, (row) => ({ createdAt: row.key_created_at, id: row.id }), 2)) {
      rows.push(row);
    }
    const expected = await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.kind, "support"))
      .orderBy(asc(conversations.createdAt));
    const inPeriod = [data.sessions.S1, data.sessions.S2, data.sessions.S3, data.sessions.S8, data.sessions.S4, data.sessions.S5];
    expect(rows.map((row) => row.id)).toEqual(inPeriod);
    expect(expected.map((row) => row.id).filter((id) => inPeriod.includes(id))).toEqual(inPeriod);
    expect(rows[2]).toMatchObject({
      status: "closed",
      created_at: "2026-03-03 11:00:00",
      wait_seconds: 600,
      first_response_seconds: 900,
      handle_seconds: 1740,
      resolution_seconds: 19800,
      csat_rating: 2,
      csat_comment: "Took too long",
    });
  });

  it("counts messages the same from the tallies as from the messages, wherever the mark and the period's edges fall", async () => {
    const ranges = [
      PARIS,
      UTC,
      rangeOf({ from: "2026-03-02T08:05Z", to: "2026-03-03T00:10Z", timeZone: "UTC" }),
      rangeOf({ from: "2026-03-01", to: "2026-03-05", timeZone: "Australia/Eucla" }),
    ];
    const filterSets = [{}, { teamId: data.teams.orders }, { agentId: data.agents.cat }];
    const figures = () =>
      Promise.all(
        ranges.flatMap((range) =>
          filterSets.flatMap((filters) => [readVolume(db, range, filters, "day"), readConversationMetrics(db, range, filters)]),
        ),
      );
    const fromMessages = await figures();
    expect(await readMessagesTalliedUntil(db)).toBeNull();

    // A mark in the middle of the desk's days (00:12 less the settling time, to the quarter),
    // reached by two servers at once: each quarter is still counted once.
    const midDesk = new Date("2026-03-03T00:12:00Z");
    const runs = await Promise.all([tallyMessages(db, midDesk), tallyMessages(db, midDesk)]);
    expect(runs.map((run) => run.talliedUntil.toISOString())).toEqual(["2026-03-03T00:00:00.000Z", "2026-03-03T00:00:00.000Z"]);
    expect(runs[0]!.rows + runs[1]!.rows).toBeGreaterThan(0);
    expect(await figures()).toEqual(fromMessages);

    const done = await tallyMessages(db, LATER);
    expect(done.talliedUntil.toISOString()).toBe("2026-03-09T23:45:00.000Z");
    expect(await figures()).toEqual(fromMessages);
    const [tallied] = await rowsOf<{ messages: number }>(db, sql`select sum(messages_in + messages_out)::int as messages from message_tallies`);
    const [written] = await rowsOf<{ messages: number }>(
      db,
      sql`select count(*)::int as messages from ${supportMessages(sql`m.created_at < ${LATER.toISOString()}::timestamptz`, {})}`,
    );
    expect(tallied!.messages).toBe(written!.messages);

    // The reports do read the tallies: a changed tally shows, and only where tallies answer.
    await db.execute(sql`update message_tallies set messages_in = messages_in + 100 where quarter = '2026-03-02T08:00:00Z'`);
    expect((await readConversationMetrics(db, PARIS, {})).messagesIn).toBe(110);
    expect((await readConversationMetrics(db, PARIS, { agentId: data.agents.cat })).messagesIn).toBe(4);
    await db.execute(sql`update message_tallies set messages_in = messages_in - 100 where quarter = '2026-03-02T08:00:00Z'`);
  });

  // Last: it moves the desk's messages to the archive.
  it("still counts messages once retention has archived them", async () => {
    const agentFilter = { agentId: data.agents.cat };
    const before = await Promise.all([
      readVolume(db, PARIS, {}, "day"),
      readConversationMetrics(db, PARIS, {}),
      readConversationMetrics(db, PARIS, agentFilter),
    ]);
    const run = await archiveOldMessages(db, { olderThan: LATER });
    expect(run.archived).toBeGreaterThan(0);
    const [remaining] = await rowsOf<{ left: number }>(db, sql`select count(*)::int as left from messages where created_at < ${LATER.toISOString()}::timestamptz`);
    expect(remaining?.left).toBe(0);
    expect(
      await Promise.all([readVolume(db, PARIS, {}, "day"), readConversationMetrics(db, PARIS, {}), readConversationMetrics(db, PARIS, agentFilter)]),
    ).toEqual(before);
  });
});

describe("time online is recorded as agents come and go", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.dispose());

  it("records the desk switch and the connection, both in each row, and nothing for customers", async () => {
    const { db } = database;
    const data = await loadReportDataset(db, "live");
    const bus = new MemoryBus();
    const presence = new PresenceTracker({ db, bus, store: new MemoryPresenceStore() });
    const deskDeps = { db, bus, presence, unreadRecounter: testUnreadRecounter(db, bus) };
    const history = async (userId: string) =>
      (
        await db
          .select({ availability: agentStatusChanges.availability, presence: agentStatusChanges.presence })
          .from(agentStatusChanges)
          .where(eq(agentStatusChanges.userId, userId))
          .orderBy(asc(agentStatusChanges.changedAt), asc(agentStatusChanges.id))
      ).map((row) => `${row.availability}/${row.presence}`);

    await presence.connected(data.agents.dan, "socket-1");
    await setAvailability(deskDeps, data.agents.dan, "online", new Date());
    await setAvailability(deskDeps, data.agents.dan, "online", new Date());
    await presence.setState(data.agents.dan, "socket-1", "away");
    await presence.disconnected(data.agents.dan, "socket-1");
    expect(await history(data.agents.dan)).toEqual(["offline/online", "online/online", "online/away", "online/offline"]);

    const [customer] = await db.select({ id: conversations.customerId }).from(conversations).limit(1);
    await presence.connected(customer!.id!, "socket-2");
    expect(await history(customer!.id!)).toEqual([]);
  });
});
