/**
 * Whom the browser's calls speak for. Signed-in people are recognised by the session
 * cookie, which the browser sends by itself; an anonymous website visitor carries a
 * signed visitor token, which apps/server reads from `Authorization: Visitor …` on HTTP
 * and from `connectionParams.visitorToken` on the WebSocket (browsers cannot set headers
 * on a socket). When both arrive, the server goes by the token.
 */
export type ApiIdentity = { kind: "session" } | { kind: "visitor"; token: string };

export const SESSION_IDENTITY: ApiIdentity = { kind: "session" };

/** Headers for plain `fetch` calls to apps/server (uploads, attachments) on `identity`'s behalf. */
export function authorizationHeaders(identity: ApiIdentity): Record<string, string> {
  return identity.kind === "visitor" ? { authorization: `Visitor ${identity.token}` } : {};
}

/** What the WebSocket sends first, before any subscription. */
export function connectionParamsFor(identity: ApiIdentity): Record<string, string> | null {
  return identity.kind === "visitor" ? { visitorToken: identity.token } : null;
}
