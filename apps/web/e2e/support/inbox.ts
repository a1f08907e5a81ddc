import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { expect } from "vitest";

import { openPage } from "./browser";
import { submitSignIn, waitForPath } from "./sign-in";

/** Signs in as `email` and opens the inbox, which puts the agent online. */
export async function openInboxAs(
  browser: Browser,
  webUrl: string,
  email: string,
  options: BrowserContextOptions,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser, new URL("/sign-in", webUrl).toString(), options, prepare);
  await submitSignIn(opened.page, email);
  await waitForPath(opened.page, "/inbox");
  await expect.poll(() => opened.page.getByTestId("availability").inputValue(), { timeout: 15_000 }).toBe("online");
  return opened;
}

/** Switches the agent's availability and waits until the server has this very change. */
export async function setAvailability(page: Page, availability: "online" | "away" | "offline"): Promise<void> {
  // The inbox sets availability on opening too: wait for this change, not that one.
  const saved = page.waitForResponse(
    (response) =>
      response.url().includes("desk.setAvailability") &&
      response.ok() &&
      (response.request().postData() ?? "").includes(`"${availability}"`),
  );
  await page.getByTestId("availability").selectOption(availability);
  await saved;
}

/** Opens one of the inbox's lists. */
export async function openList(page: Page, name: "Waiting" | "Mine" | "Team" | "Closed"): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

/** A row of the open list, by its subject. */
export function inboxItem(page: Page, subject: string) {
  return page.getByTestId("inbox-item").filter({ hasText: subject });
}
