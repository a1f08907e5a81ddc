import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import { appRouter } from "../src/root";
import type { AccessRule, ParleyMeta } from "../src/trpc";
import { createTestApi } from "./support/context";
import { createTestIdentities, type PrincipalName, type TestIdentities } from "./support/identities";

const PRINCIPALS: PrincipalName[] = [
  "anonymous",
  "visitor",
  "customer",
  "otherCustomer",
  "agent",
  "otherTeamAgent",
  "admin",
  "apiKeyWithScope",
  "apiKeyWithoutScope",
];

const ROLE_OF: Partial<Record<PrincipalName, "customer" | "agent" | "admin">> = {
  visitor: "customer",
  customer: "customer",
  otherCustomer: "customer",
  agent: "agent",
  otherTeamAgent: "agent",
  admin: "admin",
};

/** What the declared rule says about a principal: may it get past the access check? */
function admits(rule: AccessRule, principal: PrincipalName): boolean {
  if (rule.admits === "anyone") return true;
  if (principal === "apiKeyWithScope") return rule.apiKeyScope !== undefined;
  const role = ROLE_OF[principal];
  if (!role) return false; // anonymous, or a key without the scope
  return rule.admits === "signed-in" || rule.admits.includes(role);
}

// Every procedure of the router, with the rule its builder declared.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ParleyMeta; type: string } }>)
  .map(([path, procedure]) => ({ path, type: procedure._def.type, rule: procedure._def.meta?.access }))
  .sort((a, b) => a.path.localeCompare(b.path));

describe("authorization matrix", () => {
  let database: TestDatabase;
  let identities: TestIdentities;
  let api: ReturnType<typeof createTestApi>;

  beforeAll(async () => {
    database = await createTestDatabase();
    identities = await createTestIdentities(database.db);
    api = createTestApi(database.db);
  });
  afterAll(async () => {
    await api?.unreadRecounter.flush();
    await database?.dispose();
  });

  it("covers every procedure, and every procedure declares who it admits", () => {
    expect(procedures.length).toBeGreaterThan(10);
    const undeclared = procedures.filter((procedure) => !procedure.rule).map((procedure) => procedure.path);
    expect(undeclared, "procedures without an access rule").toEqual([]);
  });

  describe.each(procedures)("$path", ({ path, type, rule }) => {
    it.each(PRINCIPALS)("%s", async (principal) => {
      const headers = await identities.headersFor(principal, rule?.apiKeyScope);
      const caller = (await api.callerFor(headers)) as unknown as Record<string, unknown>;
      const call = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        input?: unknown,
      ) => Promise<unknown>;

      // No input: a refused caller is stopped by the access check before input is even read,
      // and an admitted one gets as far as input validation (or the result), never a refusal.
      let code: string | null = null;
      try {
        const result = await call(undefined);
        if (type === "subscription") await (result as AsyncIterator<unknown>)?.return?.();
      } catch (error) {
        code = error instanceof TRPCError ? error.code : "NON_TRPC_ERROR";
      }

      if (admits(rule!, principal)) {
        expect(["UNAUTHORIZED", "FORBIDDEN"], `${principal} should pass the check on ${path}`).not.toContain(code);
      } else {
        expect(code, `${principal} should be refused on ${path}`).toBe(principal === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
      }
    });
  });
});
