import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

// The people and keys the API's own tests use: one definition of every principal.
import {
  createTestIdentities,
  sessionCookieFor,
  TEST_PASSWORD,
  type TestIdentities,
} from "../../../packages/api/test/support/identities";
import { httpClient, socketClient } from "./support/clients";
import { startInProcessServer } from "./support/in-process-server";

type Server = Awaited<ReturnType<typeof startInProcessServer>>;

describe("the same identity over HTTP, WebSocket and REST", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let server: Server;

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    server = await startInProcessServer(database);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it("signs in over HTTP and the session cookie then works on HTTP and on the socket", async () => {
    const account = await httpClient(server.url).auth.signIn.mutate({ email: people.emails.agent, password: TEST_PASSWORD });
    const cookie = await sessionCookieFor(account.id);

    expect((await httpClient(server.url, { cookie }).auth.me.query())?.id).toBe(people.ids.agent);

    const socket = socketClient(server.url, { cookie });
    try {
      expect((await socket.client.auth.me.query())?.id).toBe(people.ids.agent);
    } finally {
      socket.close();
    }
  });

  it("refuses a tampered or expired cookie on both transports", async () => {
    const valid = await sessionCookieFor(people.ids.agent);
    const tampered = valid.slice(0, -3) + (valid.endsWith("abc") ? "xyz" : "abc");
    const expired = await sessionCookieFor(people.ids.agent, undefined, -60);
    for (const cookie of [tampered, expired]) {
      expect(await httpClient(server.url, { cookie }).auth.me.query()).toBeNull();
      const socket = socketClient(server.url, { cookie });
      try {
        expect(await socket.client.auth.me.query()).toBeNull();
        await expect(socket.client.users.teams.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
      } finally {
        socket.close();
      }
    }
  });

  it("resumes a visitor from the token in the socket's connection params", async () => {
    const { visitorId, token } = await httpClient(server.url).auth.createVisitor.mutate({});
    const socket = socketClient(server.url, { visitorToken: token });
    try {
      expect(await socket.client.auth.me.query()).toMatchObject({ id: visitorId, isVisitor: true });
    } finally {
      socket.close();
    }
  });

  it("closes a disabled user's socket at once", async () => {
    const socket = socketClient(server.url, { cookie: await sessionCookieFor(people.ids.otherCustomer) });
    try {
      expect((await socket.client.auth.me.query())?.id).toBe(people.ids.otherCustomer);
      const admin = httpClient(server.url, { cookie: await sessionCookieFor(people.ids.admin) });
      await admin.users.setDisabled.mutate({ userId: people.ids.otherCustomer, disabled: true });
      await expect.poll(() => socket.events.closeCodes).toContain(1008);
    } finally {
      socket.close();
    }
  });

  it("authenticates REST calls with an API key and enforces its scope", async () => {
    const admin = httpClient(server.url, { cookie: await sessionCookieFor(people.ids.admin) });
    const reader = await admin.apiKeys.create.mutate({ name: "Reader", scopes: ["sessions:read"] });
    const other = await admin.apiKeys.create.mutate({ name: "Dashboards", scopes: ["dashboard:read"] });
    const get = (key?: string) =>
      fetch(`${server.url}/api/v1/sessions`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

    expect((await get(reader.key)).status).toBe(200);
    expect((await get()).status).toBe(401);
    const wrongScope = await get(other.key);
    expect(wrongScope.status).toBe(403);
    expect(((await wrongScope.json()) as { message: string }).message).toMatch(/sessions:read/);

    await admin.apiKeys.revoke.mutate({ id: reader.id });
    expect((await get(reader.key)).status).toBe(401);
  });

  it("answers too many sign-in attempts with 429 and Retry-After", async () => {
    const attempt = () =>
      fetch(`${server.url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { email: people.emails.customer, password: "not the password" } }),
      });
    const statuses: number[] = [];
    let limited: Response | null = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const response = await attempt();
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("declares the API key scheme in the OpenAPI document", async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      components: { securitySchemes: Record<string, { scheme: string }> };
      paths: Record<string, { get?: { security?: unknown[] } }>;
    };
    expect(document.components.securitySchemes.apiKey?.scheme).toBe("bearer");
    expect(document.paths["/sessions"]?.get?.security).toEqual([{ apiKey: [] }]);
  });
});
