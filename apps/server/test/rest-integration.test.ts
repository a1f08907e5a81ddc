import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { createTestIdentities, sessionCookieFor, type TestIdentities } from "../../../packages/api/test/support/identities";
import { httpClient } from "./support/clients";
import { startInProcessServer } from "./support/in-process-server";

/** What a third party does: plain REST with an API key, nothing Parley-specific on its side. */
describe("REST integration with an API key", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let server: Awaited<ReturnType<typeof startInProcessServer>>;
  let key: string;

  const rest = async (method: string, path: string, body?: unknown, apiKey = key) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    server = await startInProcessServer(database);
    const admin = httpClient(server.url, { cookie: await sessionCookieFor(people.ids.admin) });
    ({ key } = await admin.apiKeys.create.mutate({
      name: "Shop",
      scopes: ["sessions:read", "sessions:write", "messages:write"],
    }));
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it("starts a session for a customer, messages in it, posts an order update and reads it all back", async () => {
    const created = await rest("POST", "/sessions", {
      customer: { email: "Buyer@Example.test", name: "Bea Buyer" },
      subject: "Order ORD-1042 has not arrived",
      teamId: people.teamIds.support,
      externalRef: "ORD-1042",
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ kind: "support", status: "waiting", externalRef: "ORD-1042" });
    const sessionId = created.body.id as string;

    // The same customer again is matched by email, whatever its case.
    const again = await rest("POST", "/sessions", {
      customer: { email: "buyer@example.test", name: "Bea" },
      subject: "Another question",
    });
    expect(again.body.customerId).toBe(created.body.customerId);

    const sent = await rest("POST", `/conversations/${sessionId}/messages`, { body: "We are on it.", clientId: "shop-msg-0001" });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ seq: 1, senderId: null, body: "We are on it." });
    const repeated = await rest("POST", `/conversations/${sessionId}/messages`, { body: "We are on it.", clientId: "shop-msg-0001" });
    expect(repeated.body.id).toBe(sent.body.id);

    const update = await rest("POST", "/updates", {
      externalRef: "ORD-1042",
      type: "delivery_update",
      body: "Order ORD-1042 is out for delivery",
      data: { status: "out_for_delivery", trackingUrl: "https://carrier.example/t/1042" },
    });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ type: "delivery_update", seq: 2, data: { status: "out_for_delivery" } });

    const history = await rest("GET", `/conversations/${sessionId}/messages?limit=10`);
    expect(history.status).toBe(200);
    expect((history.body.items as Array<{ body: string }>).map((message) => message.body)).toEqual([
      "We are on it.",
      "Order ORD-1042 is out for delivery",
    ]);

    const listed = await rest("GET", "/sessions?status=waiting");
    expect((listed.body.items as Array<{ id: string }>).map((session) => session.id)).toContain(sessionId);
  });

  it("refuses what the key's scopes do not cover, and bad input, with clear 4xx errors", async () => {
    const admin = httpClient(server.url, { cookie: await sessionCookieFor(people.ids.admin) });
    const readOnly = (await admin.apiKeys.create.mutate({ name: "Reports", scopes: ["sessions:read"] })).key;

    const refused = await rest("POST", "/sessions", { customer: { email: "x@example.test", name: "X" }, subject: "Hi" }, readOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/sessions:write/);

    const invalid = await rest("POST", "/sessions", { customer: { email: "not-an-email", name: "" }, subject: "" });
    expect(invalid.status).toBe(400);

    const unknownRef = await rest("POST", "/updates", { externalRef: "ORD-0000", type: "order_update", body: "Shipped" });
    expect(unknownRef.status).toBe(404);
    expect(unknownRef.body.message).toMatch(/ORD-0000/);

    const staffEmail = await rest("POST", "/sessions", { customer: { email: people.emails.agent, name: "Agent" }, subject: "Hi" });
    expect(staffEmail.status).toBe(400);
  });

  it("describes all of it in the OpenAPI document", async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths["/sessions"] ?? {})).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(document.paths["/conversations/{conversationId}/messages"] ?? {})).toEqual(
      expect.arrayContaining(["get", "post"]),
    );
    expect(Object.keys(document.paths["/updates"] ?? {})).toEqual(["post"]);
  });
});
