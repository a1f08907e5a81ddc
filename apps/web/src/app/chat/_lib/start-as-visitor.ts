import type { AppRouter } from "@parley/api";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";

import type { ApiEndpoints } from "~/env";
import { authorizationHeaders } from "~/trpc/api-identity";
import type { StoredVisitor } from "./visitor-token-store";

/**
 * An anonymous visitor's first message to support: a visitor identity is made (unless an
 * earlier attempt made one already), then the session is started on the visitor's
 * behalf. The caller keeps the visitor only once the session exists, so the chat opens
 * on it straight away.
 */
export async function startAsVisitor(
  endpoints: ApiEndpoints,
  client: TRPCClient<AppRouter>,
  input: { name: string; subject: string },
  madeEarlier: StoredVisitor | null,
): Promise<StoredVisitor> {
  const visitor = madeEarlier ?? (await client.auth.createVisitor.mutate({ name: input.name || undefined }));
  const stored = { visitorId: visitor.visitorId, token: visitor.token };
  const asVisitor = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: endpoints.trpcHttp,
        transformer: superjson,
        headers: authorizationHeaders({ kind: "visitor", token: stored.token }),
      }),
    ],
  });
  try {
    await asVisitor.conversations.startSession.mutate({ subject: input.subject });
  } catch (error) {
    // Tried again as the same visitor, rather than making another.
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { visitor: stored });
  }
  return stored;
}
