import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { asc, auditLog, cannedResponses, conversations, eq, teams, users } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { listCannedResponses } from "../src/services/canned-responses/list-canned-responses";
import { createCannedResponse } from "../src/services/canned-responses/manage-canned-responses";
import { renderCannedResponse } from "../src/services/canned-responses/render-placeholders";
import { searchCannedResponses } from "../src/services/canned-responses/search-canned-responses";
import { createTestApi } from "./support/context";
import { createTestIdentities, type PrincipalName, type TestIdentities } from "./support/identities";
import { codeOf } from "./support/error-code";

type Caller = Awaited<ReturnType<ReturnType<typeof createTestApi>["callerFor"]>>;
type Listed = { items: Array<{ shortcut: string }> } | Array<{ shortcut: string }>;

describe("canned responses", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let api: ReturnType<typeof createTestApi>;
  let agent: Caller, otherTeamAgent: Caller, admin: Caller;
  /** Ids of the fixtures below, by shortcut. */
  const ids: Record<string, string> = {};

  const allRows = () => database.db.select().from(cannedResponses).orderBy(asc(cannedResponses.id));
  const auditTrailOf = async (targetId: string) =>
    (await database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(asc(auditLog.id))).map(
      (row) => row.action,
    );
  const FIXTURES = ["greeting", "escalate", "invoice", "my-sign-off", "bo-sign-off", "admin-note"];
  const fixturesIn = (listed: Listed) =>
    ("items" in listed ? listed.items : listed)
      .map((item) => item.shortcut)
      .filter((shortcut) => FIXTURES.includes(shortcut))
      .sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    api = createTestApi(database.db);
    agent = await api.callerFor(await people.headersFor("agent"));
    otherTeamAgent = await api.callerFor(await people.headersFor("otherTeamAgent"));
    admin = await api.callerFor(await people.headersFor("admin"));

    const made = await Promise.all([
      admin.cannedResponses.create({
        scope: "global",
        shortcut: "greeting",
        title: "Greeting",
        body: "Hi {{customer.name}}, I'm {{agent.name}}. How can I help?",
        category: "General",
      }),
      admin.cannedResponses.create({
        scope: "team",
        teamId: people.teamIds.support,
        shortcut: "escalate",
        title: "Escalation",
        body: "I am passing this to a specialist.",
        category: "Support",
      }),
      admin.cannedResponses.create({
        scope: "team",
        teamId: people.teamIds.billing,
        shortcut: "invoice",
        title: "Invoice copy",
        body: "A copy of your invoice is on its way.",
        category: "Billing",
      }),
      agent.cannedResponses.create({ scope: "personal", shortcut: "my-sign-off", title: "Sign-off", body: "Cheers, Ada" }),
      otherTeamAgent.cannedResponses.create({ scope: "personal", shortcut: "bo-sign-off", title: "Sign-off", body: "Best, Bo" }),
      admin.cannedResponses.create({ scope: "personal", shortcut: "admin-note", title: "Admin's own", body: "Thanks!" }),
    ]);
    for (const response of made) ids[response.shortcut] = response.id;
  });
  afterAll(async () => {
    await api?.unreadRecounter.flush();
    await database?.dispose();
  });

  describe("who sees which", () => {
    it("an agent sees the desk's, their team's and their own, not another team's or another agent's", async () => {
      const listed = await agent.cannedResponses.list();
      expect(fixturesIn(listed)).toEqual(["escalate", "greeting", "my-sign-off"]);
      expect(fixturesIn(await otherTeamAgent.cannedResponses.list())).toEqual(["bo-sign-off", "greeting", "invoice"]);
      const editable = Object.fromEntries(listed.items.map((item) => [item.shortcut, item.canEdit]));
      expect(editable).toMatchObject({ greeting: false, escalate: false, "my-sign-off": true });
    });

    it("an admin sees every team's, but not agents' personal ones", async () => {
      const listed = await admin.cannedResponses.list();
      expect(fixturesIn(listed)).toEqual(["admin-note", "escalate", "greeting", "invoice"]);
      expect(listed.items.every((item) => item.canEdit)).toBe(true);
      expect(listed.items.find((item) => item.shortcut === "invoice")).toMatchObject({
        scope: "team",
        teamId: people.teamIds.billing,
        teamName: expect.stringMatching(/^Billing/),
        ownerId: null,
      });
    });

    it("filters by category (in any letter case), by team served and by scope", async () => {
      expect(fixturesIn(await agent.cannedResponses.list({ category: "SUPPORT" }))).toEqual(["escalate"]);
      // For a billing session: the desk's, billing's and the viewer's own.
      expect(fixturesIn(await admin.cannedResponses.list({ teamId: people.teamIds.billing }))).toEqual([
        "admin-note",
        "greeting",
        "invoice",
      ]);
      expect(fixturesIn(await admin.cannedResponses.list({ scope: "team", teamId: people.teamIds.billing }))).toEqual(["invoice"]);
      // Naming another team does not open it up.
      expect(fixturesIn(await agent.cannedResponses.list({ teamId: people.teamIds.billing }))).toEqual(["greeting", "my-sign-off"]);
      expect(fixturesIn(await agent.cannedResponses.list({ scope: "personal" }))).toEqual(["my-sign-off"]);
    });

    it("pages, with the total", async () => {
      const all = await admin.cannedResponses.list();
      const page = await admin.cannedResponses.list({ offset: 1, limit: 2 });
      expect(page.total).toBe(all.total);
      expect(page.items.map((item) => item.id)).toEqual(all.items.slice(1, 3).map((item) => item.id));
    });
  });

  describe("who changes which", () => {
    it("agents may not add shared responses", async () => {
      const before = await allRows();
      const content = { shortcut: "sneaky", title: "Sneaky", body: "Not allowed" };
      expect(await codeOf(agent.cannedResponses.create({ scope: "global", ...content }))).toBe("FORBIDDEN");
      expect(await codeOf(agent.cannedResponses.create({ scope: "team", teamId: people.teamIds.support, ...content }))).toBe(
        "FORBIDDEN",
      );
      expect(await allRows()).toEqual(before);
    });

    it("agents may not change or delete shared responses, even their own team's", async () => {
      const before = await allRows();
      for (const shortcut of ["greeting", "escalate"]) {
        expect(await codeOf(agent.cannedResponses.update({ id: ids[shortcut]!, body: "Changed" }))).toBe("FORBIDDEN");
        expect(await codeOf(agent.cannedResponses.delete({ id: ids[shortcut]! }))).toBe("FORBIDDEN");
      }
      expect(await allRows()).toEqual(before);
    });

    it("nobody reaches what they may not see: another team's, another person's personal ones", async () => {
      const before = await allRows();
      const hidden: Array<[Caller, string]> = [
        [agent, "invoice"],
        [agent, "bo-sign-off"],
        [agent, "admin-note"],
        [admin, "my-sign-off"],
      ];
      for (const [caller, shortcut] of hidden) {
        expect(await codeOf(caller.cannedResponses.update({ id: ids[shortcut]!, title: "Mine now" }))).toBe("NOT_FOUND");
        expect(await codeOf(caller.cannedResponses.delete({ id: ids[shortcut]! }))).toBe("NOT_FOUND");
        expect(await codeOf(caller.cannedResponses.render({ id: ids[shortcut]! }))).toBe("NOT_FOUND");
      }
      expect(await allRows()).toEqual(before);
    });

    it("customers, visitors, API keys and anonymous callers have no access at all", async () => {
      const before = await allRows();
      const refused: Array<[PrincipalName, string]> = [
        ["customer", "FORBIDDEN"],
        ["visitor", "FORBIDDEN"],
        ["apiKeyWithScope", "FORBIDDEN"],
        ["anonymous", "UNAUTHORIZED"],
      ];
      for (const [principal, code] of refused) {
        const caller = await api.callerFor(await people.headersFor(principal));
        expect(await codeOf(caller.cannedResponses.list()), principal).toBe(code);
        expect(await codeOf(caller.cannedResponses.search({ query: "/gr" })), principal).toBe(code);
        expect(await codeOf(caller.cannedResponses.render({ id: ids.greeting! })), principal).toBe(code);
        expect(
          await codeOf(caller.cannedResponses.create({ scope: "personal", shortcut: "mine", title: "Mine", body: "Mine" })),
          principal,
        ).toBe(code);
        expect(await codeOf(caller.cannedResponses.update({ id: ids.greeting!, body: "Changed" })), principal).toBe(code);
        expect(await codeOf(caller.cannedResponses.delete({ id: ids.greeting! })), principal).toBe(code);
      }
      expect(await allRows()).toEqual(before);
    });

    it("the services refuse customers too, called without the router", async () => {
      const customer = { kind: "user" as const, id: people.ids.customer, role: "customer" as const, isVisitor: false };
      const request = { headers: new Headers(), ip: null, transport: "http" as const };
      expect(await codeOf(listCannedResponses(database.db, customer, { offset: 0, limit: 10 }))).toBe("FORBIDDEN");
      expect(await codeOf(searchCannedResponses(database.db, customer, { query: "/gr", limit: 5 }))).toBe("FORBIDDEN");
      expect(
        await codeOf(
          createCannedResponse(database.db, request, customer, { scope: "personal", shortcut: "mine", title: "Mine", body: "Mine" }),
        ),
      ).toBe("FORBIDDEN");
    });

    it("an agent writes, changes and deletes their own, with no audit trail", async () => {
      const created = await agent.cannedResponses.create({
        scope: "personal",
        shortcut: "/Follow-Up",
        title: "  Follow-up  ",
        body: "Just checking in.",
        category: "Personal",
      });
      expect(created).toMatchObject({ scope: "personal", ownerId: people.ids.agent, teamId: null, shortcut: "follow-up", title: "Follow-up" });
      expect(created.canEdit).toBe(true);

      const updated = await agent.cannedResponses.update({ id: created.id, body: "Just checking in again.", category: "" });
      expect(updated).toMatchObject({ shortcut: "follow-up", title: "Follow-up", body: "Just checking in again.", category: null });
      expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());

      await agent.cannedResponses.delete({ id: created.id });
      expect(await database.db.select().from(cannedResponses).where(eq(cannedResponses.id, created.id))).toEqual([]);
      expect(await auditTrailOf(created.id)).toEqual([]);
    });

    it("an admin manages shared responses, and every change is audited", async () => {
      const created = await admin.cannedResponses.create({
        scope: "team",
        teamId: people.teamIds.support,
        shortcut: "outage",
        title: "Known outage",
        body: "We are aware of the problem.",
      });
      await admin.cannedResponses.update({ id: created.id, shortcut: "outage-now", title: "Known outage (live)" });
      await admin.cannedResponses.delete({ id: created.id });
      expect(await auditTrailOf(created.id)).toEqual(["canned_response.created", "canned_response.updated", "canned_response.deleted"]);

      const [updatedEntry, deletedEntry] = (await database.db.select().from(auditLog).where(eq(auditLog.targetId, created.id)).orderBy(asc(auditLog.id))).slice(1);
      expect(updatedEntry).toMatchObject({
        actorId: people.ids.admin,
        targetType: "canned_response",
        details: { fields: ["shortcut", "title"], shortcut: { from: "outage", to: "outage-now" } },
      });
      expect(deletedEntry!.details).toMatchObject({ scope: "team", teamId: people.teamIds.support, shortcut: "outage-now" });
      // The desk-wide fixtures made in setup were audited too.
      expect(await auditTrailOf(ids.greeting!)).toEqual(["canned_response.created"]);
      expect(await auditTrailOf(ids["admin-note"]!)).toEqual([]);
    });

    it("an admin cannot add a response for a team that does not exist", async () => {
      const before = await allRows();
      const missingTeam = "00000000-0000-4000-8000-000000000000";
      expect(
        await codeOf(admin.cannedResponses.create({ scope: "team", teamId: missingTeam, shortcut: "ghost", title: "Ghost", body: "Boo" })),
      ).toBe("NOT_FOUND");
      expect(await allRows()).toEqual(before);
    });

    it("an unknown response is NOT_FOUND", async () => {
      const unknown = "00000000-0000-4000-8000-000000000001";
      expect(await codeOf(admin.cannedResponses.update({ id: unknown, title: "Nothing" }))).toBe("NOT_FOUND");
      expect(await codeOf(admin.cannedResponses.delete({ id: unknown }))).toBe("NOT_FOUND");
    });
  });

  describe("shortcuts", () => {
    it("are stored without the slash, in lower case", async () => {
      const created = await agent.cannedResponses.create({ scope: "personal", shortcut: " /Thanks-2 ", title: "Thanks", body: "Thank you!" });
      expect(created.shortcut).toBe("thanks-2");
    });

    it("refuse anything but 1 to 32 letters, digits and dashes", async () => {
      const before = await allRows();
      for (const shortcut of ["", "/", "re fund", "-refund", "refund!", "rück", "a".repeat(33), "//refund"]) {
        const code = await codeOf(agent.cannedResponses.create({ scope: "personal", shortcut, title: "Bad", body: "Bad" }));
        expect(code, JSON.stringify(shortcut)).toBe("BAD_REQUEST");
      }
      expect(await allRows()).toEqual(before);
      const longest = await agent.cannedResponses.create({ scope: "personal", shortcut: "a".repeat(32), title: "Long", body: "Long" });
      expect(longest.shortcut).toHaveLength(32);
    });

    it("refuse a body over 5,000 characters, an empty body and an empty title", async () => {
      const before = await allRows();
      const content = { scope: "personal" as const, shortcut: "too-long", title: "Too long" };
      expect(await codeOf(agent.cannedResponses.create({ ...content, body: "x".repeat(5_001) }))).toBe("BAD_REQUEST");
      expect(await codeOf(agent.cannedResponses.create({ ...content, body: "   " }))).toBe("BAD_REQUEST");
      expect(await codeOf(agent.cannedResponses.create({ ...content, title: "", body: "Fine" }))).toBe("BAD_REQUEST");
      expect(await allRows()).toEqual(before);
      await agent.cannedResponses.create({ ...content, body: "x".repeat(5_000) });
    });

    it("are unique per desk, per team and per person, and may repeat across them", async () => {
      const content = { shortcut: "/dup", title: "Duplicate", body: "Same shortcut" };
      await admin.cannedResponses.create({ scope: "global", ...content });
      await admin.cannedResponses.create({ scope: "team", teamId: people.teamIds.support, ...content });
      await admin.cannedResponses.create({ scope: "team", teamId: people.teamIds.billing, ...content });
      await agent.cannedResponses.create({ scope: "personal", ...content });
      await otherTeamAgent.cannedResponses.create({ scope: "personal", ...content });

      const before = await allRows();
      const again = await Promise.all([
        codeOf(admin.cannedResponses.create({ scope: "global", ...content })),
        codeOf(admin.cannedResponses.create({ scope: "team", teamId: people.teamIds.support, ...content })),
        codeOf(agent.cannedResponses.create({ scope: "personal", ...content })),
      ]);
      expect(again).toEqual(["CONFLICT", "CONFLICT", "CONFLICT"]);
      expect(await allRows()).toEqual(before);
      const error = await agent.cannedResponses.create({ scope: "personal", ...content }).catch((caught: unknown) => caught);
      expect((error as TRPCError).message).toContain("/dup");
    });

    it("refuse renaming onto a taken one, and leave the response as it was", async () => {
      const other = await agent.cannedResponses.create({ scope: "personal", shortcut: "not-dup", title: "Other", body: "Other" });
      const before = await allRows();
      expect(await codeOf(agent.cannedResponses.update({ id: other.id, shortcut: "dup", title: "Renamed" }))).toBe("CONFLICT");
      expect(await allRows()).toEqual(before);
      // The same shortcut is free in another scope owner's set.
      const moved = await otherTeamAgent.cannedResponses.create({ scope: "personal", shortcut: "not-dup", title: "Bo's", body: "Bo's" });
      expect(moved.shortcut).toBe("not-dup");
    });

    it("two people saving the same shortcut at once: one wins, the other gets CONFLICT", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => admin.cannedResponses.create({ scope: "global", shortcut: "race", title: "Race", body: "Race" })),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      for (const result of results.filter((result) => result.status === "rejected")) {
        expect((result.reason as TRPCError).code).toBe("CONFLICT");
      }
    });
  });

  describe("search", () => {
    beforeAll(async () => {
      const made = await Promise.all([
        admin.cannedResponses.create({ scope: "global", shortcut: "return", title: "Return policy", body: "Send items back within 30 days." }),
        admin.cannedResponses.create({ scope: "global", shortcut: "returns-label", title: "Printing a label", body: "Print it at home." }),
        admin.cannedResponses.create({ scope: "team", teamId: people.teamIds.support, shortcut: "ret", title: "Keep them", body: "Offer a discount." }),
        admin.cannedResponses.create({ scope: "global", shortcut: "how-to-ship", title: "Shipping back", body: "Use the prepaid label to return the parcel." }),
        admin.cannedResponses.create({ scope: "global", shortcut: "secret-menu", title: "Menu", body: "Off the menu." }),
        admin.cannedResponses.create({ scope: "global", shortcut: "window", title: "Free returns window", body: "Thirty days." }),
        admin.cannedResponses.create({ scope: "global", shortcut: "discount", title: "50% off next order", body: "Use the code." }),
        admin.cannedResponses.create({ scope: "team", teamId: people.teamIds.billing, shortcut: "retail", title: "Retail", body: "Shops." }),
        agent.cannedResponses.create({ scope: "personal", shortcut: "return", title: "My return wording", body: "Happy to help." }),
        otherTeamAgent.cannedResponses.create({ scope: "personal", shortcut: "retro", title: "Retro", body: "Old." }),
      ]);
      expect(made).toHaveLength(10);
    });

    const found = (results: Array<{ shortcut: string; scope: string }>) => results.map((item) => `${item.scope}:${item.shortcut}`);

    it("puts the exact shortcut first, then shortcut completions, then title and body matches", async () => {
      expect(found(await agent.cannedResponses.search({ query: "/ret" }))).toEqual([
        "team:ret",
        // The same shortcut in two scopes: the agent's own comes before the desk's.
        "personal:return",
        "global:return",
        "global:returns-label",
        // A title match, then a shortcut that merely contains the letters, then a body match.
        "global:window",
        "global:secret-menu",
        "global:how-to-ship",
      ]);
    });

    it("shows each person only what they may use", async () => {
      expect(found(await otherTeamAgent.cannedResponses.search({ query: "/ret" }))).toEqual([
        "personal:retro",
        "team:retail",
        "global:return",
        "global:returns-label",
        "global:window",
        "global:secret-menu",
        "global:how-to-ship",
      ]);
      // For a billing session, the agent's support team responses stay out.
      expect(found(await agent.cannedResponses.search({ query: "/ret", teamId: people.teamIds.billing }))).not.toContain("team:ret");
    });

    it("finds responses by every word typed, in title or body, taking % literally", async () => {
      expect(found(await agent.cannedResponses.search({ query: "prepaid parcel" }))).toEqual(["global:how-to-ship"]);
      expect(found(await agent.cannedResponses.search({ query: "PRINTING label" }))).toEqual(["global:returns-label"]);
      expect(found(await agent.cannedResponses.search({ query: "50%" }))).toEqual(["global:discount"]);
      expect(found(await agent.cannedResponses.search({ query: "%" }))).toEqual(["global:discount"]);
      expect(await agent.cannedResponses.search({ query: "nothing like this" })).toEqual([]);
    });

    it("returns at most 20, the shortest completions first; a lone slash lists shortcuts from the top", async () => {
      for (let n = 1; n <= 25; n++) {
        await agent.cannedResponses.create({ scope: "personal", shortcut: `zz-${n}`, title: `Numbered ${n}`, body: "Numbered" });
      }
      const results = await agent.cannedResponses.search({ query: "/zz" });
      expect(results.map((item) => item.shortcut)).toEqual([
        ...Array.from({ length: 9 }, (_, i) => `zz-${i + 1}`),
        ...Array.from({ length: 11 }, (_, i) => `zz-${i + 10}`),
      ]);
      const everything = await agent.cannedResponses.search({ query: "/" });
      expect(everything).toHaveLength(20);
      const lengths = everything.map((item) => item.shortcut.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    });
  });

  describe("placeholders", () => {
    const values = {
      "customer.name": "Carla",
      "customer.email": "carla@example.test",
      "agent.name": "Ada",
      "agent.email": "ada@example.test",
      "session.subject": "Parcel never arrived",
      "session.externalRef": "ORD-1042",
    };

    it("fills every known placeholder", () => {
      const body =
        "{{customer.name}} <{{customer.email}}>, {{agent.name}} <{{agent.email}}> here about {{session.subject}} ({{session.externalRef}}).";
      expect(renderCannedResponse(body, values)).toBe(
        "Carla <carla@example.test>, Ada <ada@example.test> here about Parcel never arrived (ORD-1042).",
      );
      expect(renderCannedResponse("Hi {{ customer.name }}!", values)).toBe("Hi Carla!");
    });

    it("leaves unknown placeholders as written and empties known ones without a value", () => {
      expect(renderCannedResponse("{{order.total}} {{customer.phone}} {{Customer.Name}} {{customer.name", values)).toBe(
        "{{order.total}} {{customer.phone}} {{Customer.Name}} {{customer.name",
      );
      expect(renderCannedResponse("Hi {{customer.name}}, ref [{{session.externalRef}}]", { "customer.name": null })).toBe("Hi , ref []");
    });

    it("inserts values as plain text, never filling them in turn", () => {
      const sly = { ...values, "customer.name": "{{agent.name}}", "session.subject": "$& $1 $$ $`" };
      expect(renderCannedResponse("Hi {{customer.name}}, {{agent.name}} here: {{session.subject}}", sly)).toBe(
        "Hi {{agent.name}}, Ada here: $& $1 $$ $`",
      );
    });
  });

  describe("render", () => {
    let supportSession: string, billingSession: string, slySession: string, anonymousSession: string;
    let template: string;

    beforeAll(async () => {
      const [sly] = await database.db.insert(users).values({ name: "{{agent.name}}", role: "customer" }).returning();
      const sessions = await database.db
        .insert(conversations)
        .values([
          { kind: "support", status: "active", customerId: people.ids.customer, teamId: people.teamIds.support, subject: "Parcel never arrived", externalRef: "ORD-1042" },
          { kind: "support", status: "active", customerId: people.ids.otherCustomer, teamId: people.teamIds.billing, subject: "Double charge" },
          { kind: "support", status: "waiting", customerId: sly!.id, teamId: people.teamIds.support, subject: "Hello" },
          { kind: "support", status: "waiting", customerId: null, teamId: people.teamIds.support, subject: null },
        ])
        .returning({ id: conversations.id });
      [supportSession, billingSession, slySession, anonymousSession] = sessions.map((session) => session.id) as [string, string, string, string];
      template = (
        await admin.cannedResponses.create({
          scope: "global",
          shortcut: "render-all",
          title: "Every placeholder",
          body: "{{customer.name}}|{{customer.email}}|{{agent.name}}|{{agent.email}}|{{session.subject}}|{{session.externalRef}}|{{order.total}}",
        })
      ).id;
    });

    it("fills the customer, the session and the agent from a conversation the agent may see", async () => {
      const rendered = await agent.cannedResponses.render({ id: template, conversationId: supportSession });
      expect(rendered).toEqual({
        id: template,
        shortcut: "render-all",
        text: `Carla Customer|${people.emails.customer}|Ada Agent|${people.emails.agent}|Parcel never arrived|ORD-1042|{{order.total}}`,
      });
    });

    it("fills only the agent without a conversation, and empties what a session lacks", async () => {
      expect((await agent.cannedResponses.render({ id: template })).text).toBe(`||Ada Agent|${people.emails.agent}|||{{order.total}}`);
      expect((await agent.cannedResponses.render({ id: template, conversationId: anonymousSession })).text).toBe(
        `||Ada Agent|${people.emails.agent}|||{{order.total}}`,
      );
    });

    it("does not fill placeholders found in a customer's name", async () => {
      const rendered = await agent.cannedResponses.render({ id: ids.greeting!, conversationId: slySession });
      expect(rendered.text).toBe("Hi {{agent.name}}, I'm Ada Agent. How can I help?");
    });

    it("refuses a conversation the agent may not see, and an unknown one", async () => {
      expect(await codeOf(agent.cannedResponses.render({ id: template, conversationId: billingSession }))).toBe("FORBIDDEN");
      expect(await codeOf(agent.cannedResponses.render({ id: template, conversationId: "00000000-0000-4000-8000-000000000002" }))).toBe(
        "NOT_FOUND",
      );
      // Admins see every conversation.
      expect((await admin.cannedResponses.render({ id: template, conversationId: billingSession })).text).toContain("Double charge");
    });

    it("renders a team's response only for its members", async () => {
      expect((await agent.cannedResponses.render({ id: ids.escalate! })).text).toBe("I am passing this to a specialist.");
      expect(await codeOf(otherTeamAgent.cannedResponses.render({ id: ids.escalate! }))).toBe("NOT_FOUND");
    });
  });

  it("a team's responses go with the team", async () => {
    const [team] = await database.db.insert(teams).values({ name: "Short-lived", slug: "short-lived" }).returning();
    const response = await admin.cannedResponses.create({ scope: "team", teamId: team!.id, shortcut: "bye", title: "Bye", body: "Bye" });
    await database.db.delete(teams).where(eq(teams.id, team!.id));
    expect(await database.db.select().from(cannedResponses).where(eq(cannedResponses.id, response.id))).toEqual([]);
  });
});
