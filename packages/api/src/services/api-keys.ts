import { TRPCError } from "@trpc/server";
import { apiKeys, desc, eq, type Database } from "@parley/db";

import { generateApiKey } from "../auth/api-key-secret";
import type { ApiKeyScope } from "../auth/scopes";
import type { RequestInfo, Viewer } from "../context";
import { recordAudit } from "./audit-log";

const publicColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** Creates a key; the returned `key` is the only time its secret exists outside the caller. */
export async function createApiKey(
  db: Database,
  request: RequestInfo,
  actor: Viewer,
  input: { name: string; scopes: ApiKeyScope[] },
) {
  const generated = generateApiKey();
  const [created] = await db
    .insert(apiKeys)
    .values({
      name: input.name.trim(),
      prefix: generated.prefix,
      secretHash: generated.secretHash,
      scopes: [...new Set(input.scopes)],
      createdById: actor.id,
    })
    .returning(publicColumns);
  await recordAudit(db, request, {
    action: "api_key.created",
    actor,
    targetType: "api_key",
    targetId: created!.id,
    details: { name: created!.name, prefix: created!.prefix, scopes: created!.scopes },
  });
  return { ...created!, scopes: created!.scopes as ApiKeyScope[], key: generated.key };
}

export async function listApiKeys(db: Database) {
  const rows = await db.select(publicColumns).from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map((row) => ({ ...row, scopes: row.scopes as ApiKeyScope[] }));
}

export async function revokeApiKey(db: Database, request: RequestInfo, actor: Viewer, keyId: string) {
  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.id, keyId));
  if (!key) throw new TRPCError({ code: "NOT_FOUND", message: "No such API key." });
  if (key.revokedAt) return;
  await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
  await recordAudit(db, request, {
    action: "api_key.revoked",
    actor,
    targetType: "api_key",
    targetId: keyId,
    details: { prefix: key.prefix },
  });
}
