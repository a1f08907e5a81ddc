import type { Browser } from "playwright-core";

import { callApi } from "./api";
import { openPage } from "./browser";
import { DEMO_ADMIN, DEMO_AGENTS, submitSignIn, waitForPath } from "./sign-in";

/**
 * Makes `agentEmail` the one agent automatic assignment picks: room for many sessions
 * for them, none for their colleagues. The demo workspace has several online agents, and
 * a test that watches one agent receive a new chat must know which one will.
 */
export async function routeNewChatsTo(browser: Browser, webUrl: string, apiUrl: string, agentEmail: string) {
  const { page } = await openPage(browser, new URL("/sign-in", webUrl).toString());
  await submitSignIn(page, DEMO_ADMIN.email);
  await waitForPath(page, "/admin");
  const context = page.context();
  const agents = await callApi<{ items: Array<{ id: string; email: string | null }> }>(
    context,
    apiUrl,
    "users.list",
    { role: "agent", limit: 100 },
    "query",
  );
  for (const agent of agents.items) {
    if (!DEMO_AGENTS.some((demo) => demo.email === agent.email)) continue;
    const maxConcurrentChats = agent.email === agentEmail ? 50 : 0;
    await callApi(context, apiUrl, "users.setCapacity", { userId: agent.id, maxConcurrentChats }, "mutation");
  }
  await context.close();
}
