import type { BrowserContext } from "playwright-core";

/**
 * Calls a tRPC procedure of the test server as the person signed in to `context`, with
 * their session cookie, for what a test sets up rather than tests (capacities, a canned
 * response). Plain JSON on the wire: these inputs and outputs hold no dates.
 */
export async function callApi<T>(
  context: BrowserContext,
  apiUrl: string,
  path: string,
  input: unknown,
  kind: "query" | "mutation",
): Promise<T> {
  const cookie = (await context.cookies(apiUrl)).map(({ name, value }) => `${name}=${value}`).join("; ");
  const encoded = JSON.stringify({ json: input });
  const url = kind === "query" ? `${apiUrl}/trpc/${path}?input=${encodeURIComponent(encoded)}` : `${apiUrl}/trpc/${path}`;
  const response = await fetch(url, {
    method: kind === "query" ? "GET" : "POST",
    headers: { cookie, "content-type": "application/json" },
    body: kind === "mutation" ? encoded : undefined,
  });
  const answer = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
  if (!answer.result) throw new Error(`${path} failed (${response.status}): ${answer.error?.json.message}`);
  return answer.result.data.json;
}
