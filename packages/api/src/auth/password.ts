import { hash, verify } from "@node-rs/argon2";

/** Argon2id with the library's defaults (OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when no account matches makes "no such email" take as long as
// "wrong password", so response times do not reveal which addresses have accounts.
const UNKNOWN_ACCOUNT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$rVw2a8xqeMthXW9xb3nICw$ZCNqTGECZqwUt5yy94e4J+TQJQ8NAYvT3u6GQDev39o";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const matches = await verify(passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
    return passwordHash !== null && matches;
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}
