import { encode } from "@auth/core/jwt";
import { teamMembers, teams, users, type Database } from "@parley/db";

import { signVisitorToken } from "../../src/auth/visitor-token";
import { API_KEY_SCOPES, type ApiKeyScope } from "../../src/auth/scopes";
import { createApiKey } from "../../src/services/api-keys";
import { hashPassword } from "../../src/auth/password";

export const TEST_AUTH_SECRET = "test-secret-for-parley-tests-only-0123456789";
export const TEST_PASSWORD = "correct horse battery";

export type PrincipalName =
  | "anonymous"
  | "visitor"
  | "customer"
  | "otherCustomer"
  | "agent"
  | "otherTeamAgent"
  | "admin"
  | "apiKeyWithScope"
  | "apiKeyWithoutScope";

export interface TestIdentities {
  ids: Record<"visitor" | "customer" | "otherCustomer" | "agent" | "otherTeamAgent" | "admin", string>;
  teamIds: { support: string; billing: string };
  emails: Record<"customer" | "agent" | "admin", string>;
  /** Request headers that authenticate as each principal; the API key ones depend on the scope. */
  headersFor(principal: PrincipalName, scope?: ApiKeyScope): Promise<Headers>;
}

/** An Auth.js session cookie for `userId`, exactly as the web app issues it. */
export async function sessionCookieFor(userId: string, secret = TEST_AUTH_SECRET, maxAge = 3600): Promise<string> {
  const name = "authjs.session-token";
  const token = await encode({ token: { sub: userId }, secret, salt: name, maxAge });
  return `${name}=${token}`;
}

/** People of every kind in two teams, and a way to call as each of them. */
export async function createTestIdentities(db: Database, tag = Math.random().toString(36).slice(2, 8)): Promise<TestIdentities> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const [support, billing] = await db
    .insert(teams)
    .values([
      { name: `Support ${tag}`, slug: `support-${tag}` },
      { name: `Billing ${tag}`, slug: `billing-${tag}` },
    ])
    .returning();
  const person = (name: string, role: "customer" | "agent" | "admin", extra: Partial<typeof users.$inferInsert> = {}) => ({
    name,
    role,
    email: `${name.toLowerCase().replace(/ /g, ".")}.${tag}@example.test`,
    passwordHash,
    ...extra,
  });
  const rows = await db
    .insert(users)
    .values([
      { name: "Visitor", role: "customer" as const, isVisitor: true },
      person("Carla Customer", "customer"),
      person("Otto Other", "customer"),
      person("Ada Agent", "agent"),
      person("Bo Billing", "agent"),
      person("Ann Admin", "admin"),
    ])
    .returning();
  const [visitor, customer, otherCustomer, agent, otherTeamAgent, admin] = rows as [typeof rows[number], ...typeof rows];
  await db.insert(teamMembers).values([
    { teamId: support!.id, userId: agent!.id },
    { teamId: billing!.id, userId: otherTeamAgent!.id },
  ]);

  const adminViewer = { kind: "user" as const, id: admin!.id, role: "admin" as const, isVisitor: false };
  const noRequest = { headers: new Headers(), ip: "127.0.0.1", transport: "http" as const };
  const keys = new Map<string, string>();
  const keyFor = async (scopes: ApiKeyScope[]) => {
    const id = scopes.join(",");
    if (!keys.has(id)) keys.set(id, (await createApiKey(db, noRequest, adminViewer, { name: `test ${id}`, scopes })).key);
    return keys.get(id)!;
  };

  const ids = {
    visitor: visitor.id,
    customer: customer!.id,
    otherCustomer: otherCustomer!.id,
    agent: agent!.id,
    otherTeamAgent: otherTeamAgent!.id,
    admin: admin!.id,
  };

  return {
    ids,
    teamIds: { support: support!.id, billing: billing!.id },
    emails: { customer: customer!.email!, agent: agent!.email!, admin: admin!.email! },
    async headersFor(principal, scope) {
      switch (principal) {
        case "anonymous":
          return new Headers();
        case "visitor":
          return new Headers({ authorization: `Visitor ${await signVisitorToken(ids.visitor, TEST_AUTH_SECRET)}` });
        case "apiKeyWithScope":
          return new Headers({ authorization: `Bearer ${await keyFor(scope ? [scope] : [...API_KEY_SCOPES])}` });
        case "apiKeyWithoutScope":
          return new Headers({
            authorization: `Bearer ${await keyFor(API_KEY_SCOPES.filter((candidate) => candidate !== scope))}`,
          });
        default:
          return new Headers({ cookie: await sessionCookieFor(ids[principal]) });
      }
    },
  };
}
