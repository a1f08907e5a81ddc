import { decode } from "@auth/core/jwt";

/** Auth.js's session cookie names: the secure one is used on HTTPS. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionClaims {
  userId: string;
}

/**
 * Reads the Auth.js session from a Cookie header: the same JWE the web app issues,
 * decrypted with the shared secret (the cookie name is the key-derivation salt).
 * Auth.js splits large tokens into `name.0`, `name.1`... chunks, which are joined first.
 */
export async function readSessionCookie(cookieHeader: string | null, secret: string): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookies.get(name) ?? joinChunks(cookies, name);
    if (!token) continue;
    try {
      const claims = await decode({ token, secret, salt: name });
      if (claims && typeof claims.sub === "string") return { userId: claims.sub };
    } catch {
      // tampered, expired or encrypted with another secret: not a session
    }
    return null;
  }
  return null;
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

function joinChunks(cookies: Map<string, string>, name: string): string | null {
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`)!);
  return chunks.length ? chunks.join("") : null;
}
