import { TRPCError } from "@trpc/server";
import { eq, sql, users, type Database } from "@parley/db";

import { hashPassword, verifyPassword } from "../../auth/password";
import { signVisitorToken } from "../../auth/visitor-token";
import type { RequestInfo, ServerDependencies, UserRole, Viewer } from "../../context";
import { recordAudit } from "../audit-log";

export interface AccountSummary {
  id: string;
  email: string | null;
  name: string;
  role: UserRole;
}

type Deps = Pick<ServerDependencies, "db" | "rateLimits">;

const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * Checks an email and password. Rate-limited per address and per account; every failure
 * is audited. Unknown emails, wrong passwords and disabled accounts get the same answer,
 * so a caller learns nothing about which addresses have accounts.
 */
export async function signInWithPassword(
  deps: Deps,
  request: RequestInfo,
  input: { email: string; password: string },
): Promise<AccountSummary> {
  const email = emailKey(input.email);
  await deps.rateLimits.consume("signInPerIp", request.ip ?? "unknown");
  await deps.rateLimits.consume("signInPerAccount", email);

  const [user] = await deps.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await recordAudit(deps.db, request, {
      action: "auth.sign_in_failed",
      actor: null,
      targetType: "user",
      targetId: user?.id,
      details: { email, reason: !user ? "unknown_email" : !passwordOk ? "wrong_password" : "disabled" },
    });
    throw new TRPCError({ code: "UNAUTHORIZED", message: "That email and password do not match an active account." });
  }

  await deps.rateLimits.reset("signInPerAccount", email);
  await deps.db.update(users).set({ lastSeenAt: new Date() }).where(eq(users.id, user.id));
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Opens a customer account. Staff accounts are made by admins, never by signing up. */
export async function signUpCustomer(
  deps: Deps,
  request: RequestInfo,
  input: { email: string; password: string; name: string },
): Promise<AccountSummary> {
  await deps.rateLimits.consume("signUpPerIp", request.ip ?? "unknown");
  const passwordHash = await hashPassword(input.password);
  const [user] = await deps.db
    .insert(users)
    .values({ email: input.email.trim(), name: input.name.trim(), role: "customer", passwordHash })
    .onConflictDoNothing()
    .returning();
  if (!user) throw new TRPCError({ code: "CONFLICT", message: "An account with that email already exists." });
  await recordAudit(deps.db, request, {
    action: "auth.signed_up",
    actor: { kind: "user", id: user.id, role: "customer", isVisitor: false },
    targetType: "user",
    targetId: user.id,
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * A new anonymous website visitor: a customer account with no email or password, and
 * the signed token their browser keeps to come back as the same visitor.
 */
export async function createVisitor(
  deps: Deps & Pick<ServerDependencies, "authSecret">,
  request: RequestInfo,
  input: { name?: string },
): Promise<{ visitorId: string; token: string }> {
  await deps.rateLimits.consume("visitorsPerIp", request.ip ?? "unknown");
  const [visitor] = await deps.db
    .insert(users)
    .values({ name: input.name?.trim() || "Visitor", role: "customer", isVisitor: true })
    .returning({ id: users.id });
  return { visitorId: visitor!.id, token: await signVisitorToken(visitor!.id, deps.authSecret) };
}

/** The caller as the apps show them: a person with name and email, or an API key with its scopes. */
export async function describeViewer(db: Database, viewer: Viewer | null) {
  if (!viewer || viewer.kind === "apiKey") return viewer;
  const [profile] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, viewer.id));
  return { ...viewer, name: profile?.name ?? "", email: profile?.email ?? null };
}
