import type { Route } from "next";

/** Any origin will do: only the path of a callback URL is ever used. */
const PLACEHOLDER_ORIGIN = "http://parley.invalid";

/**
 * The page to return to after signing in, from a `callbackUrl` query parameter: a path
 * on this site, or null. Anything that leaves the site (`https://elsewhere`, `//elsewhere`,
 * `/\elsewhere`) is dropped, so a crafted sign-in link cannot send people away.
 */
export function safeCallbackPath(value: unknown): Route | null {
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}` as Route;
}

/** The sign-in page, told where to return afterwards. */
export function signInPath(callbackPath?: string | null): Route {
  return (callbackPath ? `/sign-in?${new URLSearchParams({ callbackUrl: callbackPath })}` : "/sign-in") as Route;
}
