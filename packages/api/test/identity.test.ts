import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { apiKeys, auditLog, conversations, eq, users } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { signVisitorToken } from "../src/auth/visitor-token";
import { createRateLimits } from "../src/rate-limit";
import { signInWithPassword } from "../src/services/identity/accounts";
import { createTestApi } from "./support/context";
import { createTestIdentities, sessionCookieFor, TEST_AUTH_SECRET, TEST_PASSWORD, type TestIdentities } from "./support/identities";
import { codeOf } from "./support/error-code";

const request = (ip = "10.0.0.1") => ({ headers: new Headers({ "user-agent": "vitest" }), ip, transport: "http" as const });

describe("identity and access", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let api: ReturnType<typeof createTestApi>;

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    api = createTestApi(database.db);
  });
  afterAll(async () => {
    await api?.unreadRecounter.flush();
    await database?.dispose();
  });

  describe("sign-in", () => {
    it("accepts the right password, in any letter case of the email", async () => {
      const caller = await api.callerFor(new Headers());
      const account = await caller.auth.signIn({ email: people.emails.agent.toUpperCase(), password: TEST_PASSWORD });
      expect(account).toMatchObject({ id: people.ids.agent, role: "agent" });
    });

    it("refuses a wrong password and an unknown email alike, and audits both", async () => {
      const caller = await api.callerFor(new Headers());
      expect(await codeOf(caller.auth.signIn({ email: people.emails.customer, password: "wrong password" }))).toBe("UNAUTHORIZED");
      expect(await codeOf(caller.auth.signIn({ email: "nobody@example.test", password: "wrong password" }))).toBe("UNAUTHORIZED");
      const failures = await database.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed"));
      expect(failures.map((row) => row.details?.reason)).toEqual(expect.arrayContaining(["wrong_password", "unknown_email"]));
      expect(failures.every((row) => row.ip === "127.0.0.1")).toBe(true);
    });

    it("is rate-limited per account with a retry time", async () => {
      const deps = { db: database.db, rateLimits: createRateLimits(null, "test-signin") };
      const attempt = () => signInWithPassword(deps, request(`10.1.0.${Math.floor(Math.random() * 250)}`), { email: people.emails.admin, password: "nope" });
      for (let i = 0; i < 10; i++) expect(await codeOf(attempt())).toBe("UNAUTHORIZED");
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("TOO_MANY_REQUESTS");
      expect((error as TRPCError).message).toMatch(/Try again in \d+ seconds/);
    });

    it("signs up customers only, and refuses a taken email", async () => {
      const caller = await api.callerFor(new Headers());
      const account = await caller.auth.signUp({ email: "new.person@example.test", password: "a long enough password", name: "New Person" });
      expect(account.role).toBe("customer");
      expect(await codeOf(caller.auth.signUp({ email: "NEW.person@example.test", password: "a long enough password", name: "Twin" }))).toBe("CONFLICT");
      expect(await codeOf(caller.auth.signUp({ email: "short@example.test", password: "short", name: "Short" }))).toBe("BAD_REQUEST");
    });
  });

  describe("sessions from the web app", () => {
    it("reads the Auth.js cookie and refuses a tampered or expired one", async () => {
      const valid = await sessionCookieFor(people.ids.customer);
      expect((await (await api.callerFor(new Headers({ cookie: valid }))).auth.me())?.id).toBe(people.ids.customer);

      const tampered = valid.slice(0, -4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
      expect(await (await api.callerFor(new Headers({ cookie: tampered }))).auth.me()).toBeNull();

      const otherSecret = await sessionCookieFor(people.ids.customer, "another-secret-another-secret-another-secret");
      expect(await (await api.callerFor(new Headers({ cookie: otherSecret }))).auth.me()).toBeNull();

      const expired = await sessionCookieFor(people.ids.customer, TEST_AUTH_SECRET, -60);
      expect(await (await api.callerFor(new Headers({ cookie: expired }))).auth.me()).toBeNull();
    });
  });

  describe("visitors", () => {
    it("get a token that resumes them, and only them", async () => {
      const anonymous = await api.callerFor(new Headers());
      const { visitorId, token } = await anonymous.auth.createVisitor({ name: "Web visitor" });
      const asVisitor = await api.callerFor(new Headers({ authorization: `Visitor ${token}` }));
      expect(await asVisitor.auth.me()).toMatchObject({ id: visitorId, role: "customer", isVisitor: true });

      // Over WebSocket the token comes in the connection params instead.
      const overSocket = await api.callerFor(new Headers(), { transport: "ws", connectionParams: { visitorToken: token } });
      expect((await overSocket.auth.me())?.id).toBe(visitorId);

      const forged = await api.callerFor(new Headers({ authorization: `Visitor ${token.slice(0, -2)}xx` }));
      expect(await forged.auth.me()).toBeNull();
    });

    it("cannot pass a staff account off as a visitor", async () => {
      const token = await signVisitorToken(people.ids.admin, TEST_AUTH_SECRET);
      const caller = await api.callerFor(new Headers({ authorization: `Visitor ${token}` }));
      expect(await caller.auth.me()).toBeNull();
    });
  });

  describe("API keys", () => {
    it("show the secret once, store only a hash, and stop working the moment they are revoked", async () => {
      const admin = await api.callerFor(await people.headersFor("admin"));
      const created = await admin.apiKeys.create({ name: "Order system", scopes: ["sessions:read"] });
      expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);

      const [stored] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
      // The secret is all that follows the prefix: it may hold "_" itself (base64url).
      const secret = created.key.slice(`${created.prefix}_`.length);
      expect(secret).toHaveLength(43);
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect((await admin.apiKeys.list()).find((key) => key.id === created.id)).not.toHaveProperty("key");

      const asKey = () => api.callerFor(new Headers({ authorization: `Bearer ${created.key}` }));
      await expect((await asKey()).sessions.list({})).resolves.toHaveProperty("items");
      const [used] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
      expect(used!.lastUsedAt).toBeInstanceOf(Date);

      await admin.apiKeys.revoke({ id: created.id });
      expect(await codeOf((await asKey()).sessions.list({}))).toBe("UNAUTHORIZED");
      const actions = (await database.db.select().from(auditLog).where(eq(auditLog.targetId, created.id))).map((row) => row.action);
      expect(actions).toEqual(["api_key.created", "api_key.revoked"]);
    });

    it("refuses a key that is malformed or made up", async () => {
      for (const key of ["nonsense", "pk_0123456789_" + "A".repeat(43)]) {
        const caller = await api.callerFor(new Headers({ authorization: `Bearer ${key}` }));
        expect(await codeOf(caller.sessions.list({}))).toBe("UNAUTHORIZED");
      }
    });
  });

  describe("who sees which sessions", () => {
    beforeAll(async () => {
      await database.db.insert(conversations).values([
        { kind: "support", status: "waiting", customerId: people.ids.customer, teamId: people.teamIds.support, subject: "mine, support team" },
        { kind: "support", status: "active", customerId: people.ids.otherCustomer, teamId: people.teamIds.billing, subject: "other's, billing team" },
      ]);
    });

    const subjects = (page: { items: Array<{ subject: string | null }> }) => page.items.map((item) => item.subject).sort();

    it("a customer sees only their own", async () => {
      const caller = await api.callerFor(await people.headersFor("customer"));
      expect(subjects(await caller.sessions.mine({}))).toEqual(["mine, support team"]);
      const other = await api.callerFor(await people.headersFor("otherCustomer"));
      expect(subjects(await other.sessions.mine({}))).toEqual(["other's, billing team"]);
    });

    it("an agent sees their teams' sessions, not another team's", async () => {
      expect(subjects(await (await api.callerFor(await people.headersFor("agent"))).sessions.list({}))).toEqual(["mine, support team"]);
      expect(subjects(await (await api.callerFor(await people.headersFor("otherTeamAgent"))).sessions.list({}))).toEqual([
        "other's, billing team",
      ]);
    });

    it("admins and scoped API keys see all", async () => {
      for (const principal of ["admin", "apiKeyWithScope"] as const) {
        const caller = await api.callerFor(await people.headersFor(principal, "sessions:read"));
        expect(subjects(await caller.sessions.list({}))).toEqual(["mine, support team", "other's, billing team"]);
      }
    });
  });

  describe("user administration", () => {
    it("changes roles and capacity, with an audit trail", async () => {
      const admin = await api.callerFor(await people.headersFor("admin"));
      await admin.users.setRole({ userId: people.ids.otherCustomer, role: "agent" });
      await admin.users.setCapacity({ userId: people.ids.otherCustomer, maxConcurrentChats: 7 });
      await admin.users.setTeams({ userId: people.ids.otherCustomer, teamIds: [people.teamIds.billing] });
      const listed = await admin.users.list({ search: "Otto" });
      expect(listed.items[0]).toMatchObject({ role: "agent", maxConcurrentChats: 7, teams: [{ id: people.teamIds.billing }] });
      const trail = await database.db.select().from(auditLog).where(eq(auditLog.targetId, people.ids.otherCustomer));
      expect(trail.map((row) => row.action)).toEqual(["user.role_changed", "user.capacity_changed", "user.teams_changed"]);
      expect(await codeOf(admin.users.setRole({ userId: people.ids.admin, role: "customer" }))).toBe("BAD_REQUEST");
      await admin.users.setRole({ userId: people.ids.otherCustomer, role: "customer" });
      await admin.users.setTeams({ userId: people.ids.otherCustomer, teamIds: [] });
    });

    it("disabling an account stops its requests at once and closes its sockets", async () => {
      const closed: number[] = [];
      const socket = { close: (code: number) => closed.push(code) };
      api.sockets.add(socket, "test-connection");
      api.sockets.bindUser(socket, people.ids.customer);

      const customerHeaders = await people.headersFor("customer");
      expect((await (await api.callerFor(customerHeaders)).auth.me())?.id).toBe(people.ids.customer);

      const admin = await api.callerFor(await people.headersFor("admin"));
      await admin.users.setDisabled({ userId: people.ids.customer, disabled: true });
      expect(closed).toEqual([1008]);
      expect(await codeOf((await api.callerFor(customerHeaders)).sessions.mine({}))).toBe("UNAUTHORIZED");
      const [row] = await database.db.select().from(users).where(eq(users.id, people.ids.customer));
      expect(row!.disabledAt).toBeInstanceOf(Date);

      await admin.users.setDisabled({ userId: people.ids.customer, disabled: false });
      expect((await (await api.callerFor(customerHeaders)).auth.me())?.id).toBe(people.ids.customer);
    });

    it("pages through the audit log with filters", async () => {
      const admin = await api.callerFor(await people.headersFor("admin"));
      const first = await admin.auditLog.list({ limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();
      const second = await admin.auditLog.list({ limit: 2, cursor: first.nextCursor! });
      expect(second.items[0]!.id).toBeLessThan(first.items[1]!.id);
      const disabled = await admin.auditLog.list({ action: "user.disabled" });
      expect(disabled.items.map((item) => item.targetId)).toEqual([people.ids.customer]);
    });
  });
});
