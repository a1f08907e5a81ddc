import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { conversations, type Database } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { channels } from "../src/realtime/bus";
import { MemoryBus } from "../src/realtime/memory-bus";
import type { LiveOperations } from "../src/services/reports/live-operations";
import { resolveReportRange } from "../src/services/reports/report-range";
import { watchLiveOperations } from "../src/services/reports/watch-live-operations";
import { createTestApi } from "./support/context";
import { codeOf } from "./support/error-code";
import { createTestIdentities, type TestIdentities } from "./support/identities";
import { loadReportDataset, type ReportDataset } from "./support/report-dataset";

const MARCH = { from: "2026-03-02", to: "2026-03-04", timeZone: "Europe/Paris" };

describe("report procedures", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let data: ReportDataset;
  let api: ReturnType<typeof createTestApi>;
  const callerAs = async (principal: Parameters<TestIdentities["headersFor"]>[0], scope?: "dashboard:read") =>
    api.callerFor(await people.headersFor(principal, scope));

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    data = await loadReportDataset(database.db);
    api = createTestApi(database.db);
  });
  afterAll(async () => {
    await api?.unreadRecounter.flush();
    await database?.dispose();
  });

  it("answers admins and API keys with dashboard:read, and no one else", async () => {
    const admin = await callerAs("admin");
    const overview = await admin.reports.overview(MARCH);
    expect(overview.kpis.conversationsOpened.current).toBe(6);
    const key = await callerAs("apiKeyWithScope", "dashboard:read");
    expect((await key.reports.csat(MARCH)).score).toBe(0.5);

    expect(await codeOf((await callerAs("agent")).reports.overview(MARCH))).toBe("FORBIDDEN");
    expect(await codeOf((await callerAs("customer")).reports.csat(MARCH))).toBe("FORBIDDEN");
    expect(await codeOf((await callerAs("apiKeyWithoutScope", "dashboard:read")).reports.agents(MARCH))).toBe("FORBIDDEN");
    expect(await codeOf((await callerAs("anonymous")).reports.volume(MARCH))).toBe("UNAUTHORIZED");
  });

  it("filters by team and agent through the procedures", async () => {
    const admin = await callerAs("admin");
    const options = await admin.reports.filters();
    expect(options.teams.map((team) => team.id)).toEqual(expect.arrayContaining([data.teams.orders, data.teams.billing]));
    expect(options.agents.find((agent) => agent.id === data.agents.cat)).toMatchObject({ role: "agent", disabled: false, teamIds: [data.teams.billing] });
    expect(options.agents.find((agent) => agent.id === data.adminId)).toMatchObject({ role: "admin", teamIds: [] });
    expect(options.agents.some((agent) => agent.id === people.ids.customer)).toBe(false);
    const volume = await admin.reports.volume({ ...MARCH, teamId: data.teams.orders, granularity: "week" });
    expect(volume).toEqual([
      { bucket: "2026-03-02", startsAt: new Date("2026-03-01T23:00:00Z"), sessionsOpened: 3, sessionsClosed: 3, messagesIn: 6, messagesOut: 3 },
    ]);
    const trend = await admin.reports.agentTrend({ ...MARCH, agentId: data.agents.cat, granularity: "week" });
    expect(trend.map((bucket) => [bucket.bucket, bucket.sessionsHandled, bucket.medianFirstResponseSeconds])).toEqual([["2026-03-02", 3, 270]]);
    const agents = await admin.reports.agents({ ...MARCH, teamId: data.teams.billing });
    expect(agents.map((agent) => agent.agentId)).toEqual([data.agents.cat, data.agents.dan]);
    const comments = await admin.reports.csatComments({ ...MARCH, agentId: data.agents.ann, limit: 1 });
    expect(comments.items.map((item) => item.comment)).toEqual(["Great help"]);
    const rest = await admin.reports.csatComments({ ...MARCH, agentId: data.agents.ann, limit: 1, cursor: comments.nextCursor! });
    expect(rest).toMatchObject({ items: [{ comment: "OK" }], nextCursor: null });
  });

  it("refuses unreadable or unreasonable periods with BAD_REQUEST", async () => {
    const admin = await callerAs("admin");
    const bad = [
      { ...MARCH, from: "2026-03-05" },
      { ...MARCH, from: "2025-01-01", to: "2026-03-01" },
      { ...MARCH, timeZone: "Mars/Olympus_Mons" },
      { ...MARCH, timeZone: "+01:00" },
      { ...MARCH, from: "2026-02-30" },
      { ...MARCH, to: "yesterday" },
      { ...MARCH, teamId: "not-a-uuid" },
    ];
    for (const input of bad) expect(await codeOf(admin.reports.overview(input)), JSON.stringify(input)).toBe("BAD_REQUEST");
    expect(await codeOf(admin.reports.volume({ ...MARCH, granularity: "fortnight" as never }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.reports.csatComments({ ...MARCH, cursor: "page-2" }))).toBe("BAD_REQUEST");
    // 400 days is the limit, 401 is over it.
    expect(await codeOf(admin.reports.heatmap({ from: "2025-01-01", to: "2026-02-04", timeZone: "UTC" }))).toBeNull();
    expect(await codeOf(admin.reports.heatmap({ from: "2025-01-01", to: "2026-02-05", timeZone: "UTC" }))).toBe("BAD_REQUEST");
  });

  it("reads dates, local times and moments with an offset", () => {
    const ny = "America/New_York";
    expect(resolveReportRange({ from: "2026-03-08", to: "2026-03-08", timeZone: ny })).toEqual({
      start: new Date("2026-03-08T05:00:00Z"),
      // The clocks went forward that night: the day is 23 hours long.
      end: new Date("2026-03-09T04:00:00Z"),
      timeZone: ny,
    });
    expect(resolveReportRange({ from: "2026-03-08T09:30", to: "2026-03-08T17:00:00Z", timeZone: ny })).toEqual({
      start: new Date("2026-03-08T13:30:00Z"),
      end: new Date("2026-03-08T17:00:00Z"),
      timeZone: ny,
    });
    expect(resolveReportRange({ from: "2026-03-01T10:00:00+02:00", to: "2026-03-01T10:00:00.250+0200", timeZone: "UTC" })).toEqual({
      start: new Date("2026-03-01T08:00:00Z"),
      end: new Date("2026-03-01T08:00:00.250Z"),
      timeZone: "UTC",
    });
  });

  it("gives admins the live panel over a subscription, and refuses agents", async () => {
    const admin = await callerAs("admin");
    const live = await admin.reports.liveOperations({ teamId: data.teams.billing });
    const first = await live[Symbol.asyncIterator]().next();
    expect(first.value).toMatchObject({ waiting: 0, active: 1 });
    await live[Symbol.asyncIterator]().return?.();
    expect(await codeOf((await callerAs("agent")).reports.liveOperations({}))).toBe("FORBIDDEN");
  });
});

describe("live operations subscription", () => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await loadReportDataset(db);
  });
  afterAll(() => database?.dispose());

  /** Collects snapshots with the moment each arrived, until aborted. */
  function collect(iterator: AsyncGenerator<LiveOperations>) {
    const seen: { at: number; snapshot: LiveOperations }[] = [];
    const done = (async () => {
      for await (const snapshot of iterator) seen.push({ at: Date.now(), snapshot });
    })();
    return { seen, done };
  }
  const until = async (predicate: () => boolean, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it("pushes a fresh snapshot when the queue changes, folding a burst into one per interval", async () => {
    const bus = new MemoryBus();
    const stop = new AbortController();
    const now = new Date("2026-03-04T22:30:30Z");
    const { seen, done } = collect(watchLiveOperations({ db, bus }, {}, stop.signal, { minIntervalMs: 400, refreshMs: 60_000 }, () => now));
    await until(() => seen.length === 1);
    expect(seen[0]!.snapshot.waiting).toBe(1);

    await db.insert(conversations).values({ kind: "support", status: "waiting", queuedAt: new Date("2026-03-04T22:20:30Z") });
    for (let i = 0; i < 10; i++) await bus.publish(channels.queue(), { type: "queued" });
    await until(() => seen.length === 2);
    expect(seen[1]!.snapshot).toMatchObject({ waiting: 2, longestWaitSeconds: 600 });
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(390);

    // The burst arrived together: one snapshot covers it, and nothing follows without a change.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(seen).toHaveLength(2);
    stop.abort();
    await done;
  });

  it("refreshes on its own every few seconds", async () => {
    const bus = new MemoryBus();
    const stop = new AbortController();
    const { seen, done } = collect(watchLiveOperations({ db, bus }, {}, stop.signal, { minIntervalMs: 50, refreshMs: 200 }));
    await until(() => seen.length >= 3);
    stop.abort();
    await done;
    const gaps = seen.slice(1).map((entry, index) => entry.at - seen[index]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(150);
  });
});
