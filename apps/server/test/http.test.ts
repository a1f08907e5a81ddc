import { describe, expect, inject, it } from "vitest";

import { httpClient } from "./support/clients";

const serverUrl = inject("serverUrl");

describe("HTTP endpoints", () => {
  it("answers liveness at /health", async () => {
    const response = await fetch(`${serverUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("reports the database and Redis with latencies at /health/detailed", async () => {
    const response = await fetch(`${serverUrl}/health/detailed`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      checks: { database: { status: string; driver: string; latencyMs: number }; redis: { status: string; latencyMs?: number } };
    };
    expect(body.status).toBe("ok");
    expect(body.checks.database).toMatchObject({
      status: "up",
      driver: process.env.DATABASE_URL ? "postgres" : "pglite",
    });
    expect(body.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
    if (process.env.REDIS_URL) {
      expect(body.checks.redis.status).toBe("up");
      expect(body.checks.redis.latencyMs).toBeGreaterThanOrEqual(0);
    } else {
      expect(body.checks.redis.status).toBe("not_configured");
    }
  });

  it("serves a tRPC query over HTTP", async () => {
    const status = await httpClient(serverUrl).system.status.query();
    expect(status.name).toBe("Parley");
    expect(status.database).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
    expect(status.serverTime).toBeInstanceOf(Date);
    expect(status.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it("serves the same procedure as REST under /api/v1", async () => {
    const response = await fetch(`${serverUrl}/api/v1/system/status`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { name: string; serverTime: string };
    expect(body.name).toBe("Parley");
    expect(Number.isNaN(Date.parse(body.serverTime))).toBe(false);
  });

  it("refuses bad input with a 400 and a reason, never a 500", async () => {
    const response = await fetch(`${serverUrl}/trpc/system.status?input=${encodeURIComponent("{not json")}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(body.error.json.data.code).toBe("BAD_REQUEST");
    expect(body.error.json.message).toMatch(/JSON/);
    expect(body.error.json.data).not.toHaveProperty("stack");

    const unknownProcedure = await fetch(`${serverUrl}/trpc/system.nothing`);
    expect(unknownProcedure.status).toBe(404);
  });

  it("answers unknown paths with a JSON 404", async () => {
    const response = await fetch(`${serverUrl}/no/such/page`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only the web app's origin call with credentials", async () => {
    const fromWeb = await fetch(`${serverUrl}/trpc/system.status`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "GET" },
    });
    expect(fromWeb.status).toBe(204);
    expect(fromWeb.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(fromWeb.headers.get("access-control-allow-credentials")).toBe("true");

    const elsewhere = await fetch(`${serverUrl}/trpc/system.status`, { headers: { origin: "https://evil.example" } });
    expect(elsewhere.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("renders the API reference at /docs from installed files only", async () => {
    const page = await fetch(`${serverUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("Parley API reference");
    // No CDN: every script and stylesheet is served by this server.
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
    for (const asset of ["swagger-ui.css", "swagger-ui-bundle.js", "init.js"]) {
      const response = await fetch(`${serverUrl}/docs/${asset}`);
      expect(response.status, asset).toBe(200);
    }
    expect((await fetch(`${serverUrl}/docs/../package.json`)).status).toBe(404);
  });
});
