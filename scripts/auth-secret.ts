import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { EMBEDDED_DATA_DIR } from "@parley/db";

/**
 * Server and web app must share one secret: the server reads the web app's session
 * cookies with it. Taken from AUTH_SECRET when set; otherwise made once and kept with the
 * embedded data (never committed), so that sign-ins survive a restart.
 */
export function localAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(path.dirname(EMBEDDED_DATA_DIR), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
