import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { conversations, eq } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { createTestIdentities, type PrincipalName, type TestIdentities } from "../../../packages/api/test/support/identities";
import { loadReportDataset, type ReportDataset } from "../../../packages/api/test/support/report-dataset";
import { startInProcessServer } from "./support/in-process-server";

type Server = Awaited<ReturnType<typeof startInProcessServer>>;

const MARCH = { from: "2026-03-02", to: "2026-03-04", timeZone: "Europe/Paris" };
/** More sessions than one database batch holds, so the export crosses batches. */
const JANUARY_SESSIONS = 1_234;

describe("report CSV export over HTTP", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let data: ReportDataset;
  let server: Server;

  const download = async (
    report: string,
    query: Record<string, string>,
    principal: PrincipalName = "admin",
    scope?: "dashboard:read",
    signal?: AbortSignal,
  ) => {
    const headers: Record<string, string> = {};
    (await people.headersFor(principal, scope)).forEach((value, name) => (headers[name] = value));
    return fetch(`${server.url}/reports/export/${report}.csv?${new URLSearchParams(query)}`, { headers, signal });
  };
  const table = async (response: Response) => parse(await response.text(), { columns: true }) as Record<string, string>[];

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    data = await loadReportDataset(database.db);
    await database.db.update(conversations).set({ subject: "=HYPERLINK(\"http://evil.example\")" }).where(eq(conversations.id, data.sessions.S1));
    const start = Date.parse("2026-01-05T00:00:00Z");
    await database.db.insert(conversations).values(
      Array.from({ length: JANUARY_SESSIONS }, (_, i) => ({
        kind: "support" as const,
        status: "closed" as const,
        subject: `January ${i}`,
        teamId: data.teams.orders,
        // Pairs share a moment, so that paging must break ties by id.
        createdAt: new Date(start + Math.floor(i / 2) * 60_000),
      })),
    );
    server = await startInProcessServer(database);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it("gives an admin the period's sessions, in order, with local times and timings", async () => {
    const response = await download("sessions", MARCH);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="parley-sessions-2026-03-02-to-2026-03-04.csv"');
    const rows = await table(response);
    expect(rows.map((row) => row.id)).toEqual([
      data.sessions.S1,
      data.sessions.S2,
      data.sessions.S3,
      data.sessions.S8,
      data.sessions.S4,
      data.sessions.S5,
    ]);
    expect(rows[0]).toMatchObject({
      status: "closed",
      // A spreadsheet would run this; the export keeps it text.
      subject: "'=HYPERLINK(\"http://evil.example\")",
      created_at: "2026-03-02 09:00:00",
      wait_seconds: "60",
      handle_seconds: "1740",
      csat_rating: "5",
      csat_comment: "Great help",
    });
    expect(rows[5]).toMatchObject({ status: "waiting", agent: "", closed_at: "", csat_rating: "" });
  });

  it("streams long lists across database batches without losing or repeating a row", async () => {
    const response = await download("sessions", { from: "2026-01-01", to: "2026-01-31", timeZone: "UTC", teamId: data.teams.orders });
    const rows = await table(response);
    expect(rows).toHaveLength(JANUARY_SESSIONS);
    expect(new Set(rows.map((row) => row.id)).size).toBe(JANUARY_SESSIONS);
    expect(rows.map((row) => row.created_at)).toEqual([...rows.map((row) => row.created_at)].sort());
  });

  it("exports every report as a table", async () => {
    const overview = await table(await download("overview", MARCH));
    expect(overview.find((row) => row.kpi === "conversationsOpened")).toEqual({
      kpi: "conversationsOpened",
      current: "6",
      previous: "1",
      difference: "5",
      change_ratio: "5",
    });
    expect(overview.find((row) => row.kpi === "medianHandleSeconds")).toMatchObject({ current: "2370", previous: "" });

    expect(await table(await download("volume", { ...MARCH, granularity: "day" }))).toEqual([
      { bucket: "2026-03-02", sessions_opened: "1", sessions_closed: "2", messages_in: "3", messages_out: "2" },
      { bucket: "2026-03-03", sessions_opened: "3", sessions_closed: "4", messages_in: "5", messages_out: "4" },
      { bucket: "2026-03-04", sessions_opened: "2", sessions_closed: "0", messages_in: "2", messages_out: "1" },
    ]);
    expect(await table(await download("heatmap", MARCH))).toHaveLength(168);
    const csat = await table(await download("csat", MARCH));
    expect(Object.fromEntries(csat.map((row) => [row.metric, row.value]))).toMatchObject({ score: "0.5", rated_2: "1", response_rate: "0.8" });
    expect((await table(await download("csat-trend", { ...MARCH, granularity: "week" }))).map((row) => row.responses)).toEqual(["4"]);
    expect((await table(await download("csat-agents", MARCH))).map((row) => row.agent_id)).toEqual([
      data.agents.bob,
      data.agents.ann,
      data.agents.cat,
    ]);
    expect((await table(await download("csat-comments", MARCH))).map((row) => row.comment)).toEqual(["Took too long", "Great help", "OK"]);
    const agents = await table(await download("agents", { ...MARCH, teamId: data.teams.billing }));
    expect(agents.map((row) => [row.agent_id, row.sessions_handled, row.median_first_response_seconds])).toEqual([
      [data.agents.cat, "3", "270"],
      [data.agents.dan, "0", ""],
    ]);
    const trend = await table(await download("agent-trend", { ...MARCH, agentId: data.agents.cat }));
    expect(trend.map((row) => row.sessions_handled)).toEqual(["0", "3", "0"]);
  });

  it("admits API keys with dashboard:read, and refuses everyone else as tRPC does", async () => {
    expect((await download("csat", MARCH, "apiKeyWithScope", "dashboard:read")).status).toBe(200);
    for (const [principal, status] of [
      ["agent", 403],
      ["customer", 403],
      ["apiKeyWithoutScope", 403],
      ["anonymous", 401],
    ] as const) {
      const response = await download("sessions", MARCH, principal, "dashboard:read");
      expect(response.status, principal).toBe(status);
      expect((await response.json()).code).toBe(status === 401 ? "UNAUTHORIZED" : "FORBIDDEN");
    }
  });

  it("says what is wrong with a bad request", async () => {
    const badDate = await download("sessions", { ...MARCH, from: "2026-13-01" });
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("from") });
    expect((await download("overview", { ...MARCH, to: "2026-03-01" })).status).toBe(400);
    expect((await download("agent-trend", MARCH)).status).toBe(400);
    expect((await download("payroll", MARCH)).status).toBe(404);
    const post = await fetch(`${server.url}/reports/export/sessions.csv`, { method: "POST" });
    expect(post.status).toBe(405);
  });

  it("serves the report procedures as REST too, in the OpenAPI document", async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const path of ["/reports/overview", "/reports/volume", "/reports/heatmap", "/reports/csat", "/reports/csat/trend",
      "/reports/csat/agents", "/reports/csat/comments", "/reports/agents", "/reports/agents/{agentId}/trend", "/reports/live", "/reports/filters"]) {
      expect(document.paths[path], path).toHaveProperty("get");
    }
    const headers: Record<string, string> = {};
    (await people.headersFor("apiKeyWithScope", "dashboard:read")).forEach((value, name) => (headers[name] = value));
    const csat = await fetch(`${server.url}/api/v1/reports/csat?${new URLSearchParams(MARCH)}`, { headers });
    expect(csat.status).toBe(200);
    expect(await csat.json()).toMatchObject({ responses: 4, score: 0.5, averageRating: 3.5, responseRate: 0.8 });
    const trend = await fetch(`${server.url}/api/v1/reports/agents/${data.agents.cat}/trend?${new URLSearchParams({ ...MARCH, granularity: "week" })}`, { headers });
    expect(await trend.json()).toMatchObject([{ bucket: "2026-03-02", sessionsHandled: 3 }]);
    const refused = await fetch(`${server.url}/api/v1/reports/csat?${new URLSearchParams({ ...MARCH, timeZone: "Nowhere/Atlantis" })}`, { headers });
    expect(refused.status).toBe(400);
  });

  it("shrugs off a reader that hangs up mid-file", async () => {
    const hangUp = new AbortController();
    const response = await download("sessions", { from: "2026-01-01", to: "2026-01-31", timeZone: "UTC" }, "admin", undefined, hangUp.signal);
    await response.body!.getReader().read();
    hangUp.abort();
    expect((await download("csat", MARCH)).status).toBe(200);
    expect(await table(await download("csat-comments", MARCH))).toHaveLength(3);
  });
});
