import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { desktop, launchBrowserForFile, openPage, phone, saveScreenshot } from "./support/browser";

const browser = launchBrowserForFile();

/** The status card has answered: the database driver is on screen. */
async function waitForServerStatus(page: Page): Promise<void> {
  const database = page.getByTestId("status-database");
  await database.waitFor({ state: "visible", timeout: 30_000 });
  expect(await database.getAttribute("data-driver")).toMatch(/^(postgres|pglite)$/);
  expect(await database.textContent()).toMatch(/PostgreSQL|PGlite/);
}

async function waitForLiveConnection(page: Page): Promise<void> {
  await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor({ timeout: 30_000 });
}

describe("home page", () => {
  it("shows the server's status and its live heartbeat ticking", async () => {
    const { page, problems } = await openPage(browser(), inject("webUrl"), desktop);

    await waitForServerStatus(page);
    await waitForLiveConnection(page);

    const serverTime = page.getByTestId("pulse-server-time");
    const firstBeat = await serverTime.textContent();
    expect(firstBeat).toMatch(/\d{1,2}:\d{2}:\d{2}/);

    // The server beats once a second: a different time within a few seconds proves the subscription streams.
    await expect.poll(() => serverTime.textContent(), { timeout: 5_000, interval: 200 }).not.toBe(firstBeat);

    // This page's own socket is one of the connected clients.
    const clients = Number(await page.getByTestId("pulse-connected-clients").textContent());
    expect(clients).toBeGreaterThanOrEqual(1);

    await saveScreenshot(page, "home.png");

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("is usable at phone width in the dark theme", async () => {
    const { page, problems } = await openPage(browser(), inject("webUrl"), phone);

    await waitForServerStatus(page);
    await waitForLiveConnection(page);

    // Nothing wider than the screen: no sideways scrolling on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Every main area is reachable from the top bar.
    const mainNav = page.getByRole("navigation", { name: "Main" });
    for (const area of ["Inbox", "Chat", "Dashboard"]) {
      await expect.poll(() => mainNav.getByRole("link", { name: area }).isVisible()).toBe(true);
    }

    await saveScreenshot(page, "home-phone-dark.png");

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
