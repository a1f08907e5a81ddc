import { jwtVerify, SignJWT } from "jose";

const AUDIENCE = "parley:visitor";
/** A returning visitor resumes their conversations for this long. */
const LIFETIME = "180d";

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A signed, long-lived token that names one anonymous visitor. */
export function signVisitorToken(visitorId: string, secret: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(visitorId)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(LIFETIME)
    .sign(keyFrom(secret));
}

/** The visitor's id, or null for a token that is forged, altered or expired. */
export async function verifyVisitorToken(token: string, secret: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), { audience: AUDIENCE, algorithms: ["HS256"] });
    return payload.sub ?? null;
  } catch {
    return null;
  }
}
