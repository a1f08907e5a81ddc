import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_PREFIX = "pk_";

export interface GeneratedApiKey {
  /** The whole key, shown to the admin once and never stored. */
  key: string;
  /** The visible, stored part that identifies the key: `pk_` and 10 hex characters. */
  prefix: string;
  secretHash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = `${KEY_PREFIX}${randomBytes(5).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The prefix of a well-formed key, or null for anything that cannot be a Parley key. */
export function parseApiKeyPrefix(key: string): string | null {
  const match = /^(pk_[0-9a-f]{10})_[A-Za-z0-9_-]{43}$/.exec(key);
  return match ? match[1]! : null;
}

export function apiKeyMatches(key: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKey(key), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
