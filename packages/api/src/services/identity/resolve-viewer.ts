import { apiKeys, eq, users, type Database } from "@parley/db";

import { apiKeyMatches, parseApiKeyPrefix } from "../../auth/api-key-secret";
import type { ApiKeyScope } from "../../auth/scopes";
import { readSessionCookie } from "../../auth/session-cookie";
import { verifyVisitorToken } from "../../auth/visitor-token";
import type { RequestInfo, ServerDependencies, Viewer } from "../../context";

/** `last_used_at` is written at most this often per key, not on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Works out who is calling from the credentials on the request, in order: an API key
 * (`Authorization: Bearer pk_...`), a visitor token (`Authorization: Visitor ...`, or
 * `visitorToken` in WebSocket connection params), then the web app's session cookie.
 * The account is read from the database every time, so a disabled account or a revoked
 * key stops working on the next call.
 */
export async function resolveViewer(
  deps: Pick<ServerDependencies, "db" | "authSecret">,
  request: RequestInfo,
): Promise<Viewer | null> {
  const [scheme, credential] = splitAuthorization(request.headers.get("authorization"));

  if (scheme === "bearer" && credential) return resolveApiKey(deps.db, credential);

  const visitorToken = scheme === "visitor" ? credential : request.connectionParams?.visitorToken;
  if (visitorToken) {
    const visitorId = await verifyVisitorToken(visitorToken, deps.authSecret);
    return visitorId ? loadUser(deps.db, visitorId, { visitorsOnly: true }) : null;
  }

  const session = await readSessionCookie(request.headers.get("cookie"), deps.authSecret);
  return session ? loadUser(deps.db, session.userId, { visitorsOnly: false }) : null;
}

function splitAuthorization(header: string | null): [string | null, string | null] {
  if (!header) return [null, null];
  const space = header.indexOf(" ");
  if (space < 0) return [null, null];
  return [header.slice(0, space).toLowerCase(), header.slice(space + 1).trim()];
}

async function loadUser(db: Database, id: string, options: { visitorsOnly: boolean }): Promise<Viewer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [user] = await db
    .select({ id: users.id, role: users.role, isVisitor: users.isVisitor, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id));
  if (!user || user.disabledAt) return null;
  if (options.visitorsOnly && !user.isVisitor) return null;
  return { kind: "user", id: user.id, role: user.role, isVisitor: user.isVisitor };
}

async function resolveApiKey(db: Database, key: string): Promise<Viewer | null> {
  const prefix = parseApiKeyPrefix(key);
  if (!prefix) return null;
  const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
  if (!stored || stored.revokedAt || !apiKeyMatches(key, stored.secretHash)) return null;

  const now = Date.now();
  if (!stored.lastUsedAt || now - stored.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, stored.id));
  }
  return { kind: "apiKey", id: stored.id, scopes: stored.scopes as ApiKeyScope[] };
}
