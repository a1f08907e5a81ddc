import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { appUrl, desktop, launchBrowserForFile, openPage, saveScreenshot } from "./support/browser";
import { DEMO_ADMIN, DEMO_CUSTOMER, submitSignIn, waitForPath } from "./support/sign-in";

const browser = launchBrowserForFile();

async function signInAsAdmin() {
  const opened = await openPage(browser(), appUrl("/admin"), desktop);
  await waitForPath(opened.page, "/sign-in");
  await submitSignIn(opened.page, DEMO_ADMIN.email);
  await waitForPath(opened.page, "/admin");
  return opened;
}

async function openSettings(page: Page, tab: string, pathname: string) {
  await page.getByRole("navigation", { name: "Admin settings" }).getByRole("link", { name: tab }).click();
  await waitForPath(page, pathname);
}

describe("admin settings", () => {
  it("creates and revokes an API key, and finds both in the audit log", async () => {
    const { page, problems } = await signInAsAdmin();
    await openSettings(page, "API keys", "/admin/api-keys");

    const name = `Reporting export ${Date.now()}`;
    await page.getByLabel("Name").fill(name);
    await page.getByLabel(/Read reports/).check();
    await page.getByRole("button", { name: "Create key" }).click();
    // The secret is shown once, in full.
    await expect.poll(() => page.getByTestId("new-api-key").textContent(), { timeout: 15_000 }).toMatch(/Copy the key now/);
    const row = page.getByTestId("api-key-row").filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain("dashboard:read");
    await saveScreenshot(page, "admin-api-keys.png");

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain("Revoked");

    await openSettings(page, "Audit log", "/admin/audit-log");
    await page.getByTestId("audit-row").first().waitFor({ timeout: 15_000 });
    await page.getByLabel("Action").fill("api_key.");
    await expect
      .poll(async () => (await page.getByTestId("audit-row").allTextContents()).slice(0, 2), { timeout: 15_000 })
      .toEqual([expect.stringContaining("api_key.revoked"), expect.stringContaining("api_key.created")]);
    await page.getByLabel("Person").selectOption({ label: DEMO_ADMIN.name });
    await expect
      .poll(async () => (await page.getByTestId("audit-row").allTextContents()).every((text) => text.includes(DEMO_ADMIN.name)))
      .toBe(true);
    await saveScreenshot(page, "admin-audit-log.png");

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("changes a staff member's capacity, adds a shared canned response, and manages a person's role", async () => {
    const { page, problems } = await signInAsAdmin();
    await openSettings(page, "Teams & capacity", "/admin/teams");
    await page.getByTestId("team-card").first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("team-card").count()).toBeGreaterThanOrEqual(2);

    // The admin's own capacity: lowered by one, saved, then put back, so the desk is as it was.
    const capacity = page.getByLabel(`${DEMO_ADMIN.name}'s capacity`);
    const original = Number(await capacity.inputValue());
    const save = page.getByRole("button", { name: `Save ${DEMO_ADMIN.name}'s teams and capacity` });
    await capacity.fill(String(original > 0 ? original - 1 : original + 1));
    await save.click();
    const staffRow = page.getByTestId("staff-row").filter({ has: capacity });
    await expect.poll(() => staffRow.getByRole("status").textContent(), { timeout: 15_000 }).toBe("Saved");
    await page.reload();
    expect(Number(await page.getByLabel(`${DEMO_ADMIN.name}'s capacity`).inputValue())).not.toBe(original);
    await page.getByLabel(`${DEMO_ADMIN.name}'s capacity`).fill(String(original));
    await page.getByRole("button", { name: `Save ${DEMO_ADMIN.name}'s teams and capacity` }).click();
    await expect.poll(() => page.getByTestId("staff-row").filter({ hasText: DEMO_ADMIN.name }).getByRole("status").textContent()).toBe("Saved");
    await saveScreenshot(page, "admin-teams.png");

    await openSettings(page, "Canned responses", "/admin/canned-responses");
    const shortcut = `e2e-${Date.now().toString(36)}`;
    await page.getByLabel("Shortcut").fill(shortcut);
    await page.getByLabel("Title").fill("Opening hours");
    await page.getByLabel("Reply").fill("We answer every day from 8:00 to 20:00.");
    await page.getByRole("button", { name: "Add response" }).click();
    const response = page.getByTestId("canned-row").filter({ hasText: `/${shortcut}` });
    await response.waitFor({ timeout: 15_000 });
    expect(await response.textContent()).toContain("Whole desk");
    await saveScreenshot(page, "admin-canned-responses.png");

    // A customer made an agent, and back: the table says so each time. Not the demo customer,
    // whom other tests sign in as.
    await openSettings(page, "People", "/admin");
    await page.getByLabel("Role").selectOption("customer");
    const rows = page.getByTestId("user-row");
    await expect
      .poll(async () => (await rows.allTextContents()).every((text) => text.includes("Customer")), { timeout: 15_000 })
      .toBe(true);
    const someCustomer = rows.filter({ hasNotText: DEMO_CUSTOMER.email }).first();
    const customerName = (await someCustomer.locator("p").first().textContent())!;
    await rows.filter({ hasText: customerName }).getByRole("button", { name: `Manage ${customerName}` }).click();
    const dialog = page.getByRole("dialog", { name: `Manage ${customerName}` });
    await dialog.getByLabel("Role").selectOption("agent");
    await dialog.getByRole("button", { name: "Change role" }).click();
    await dialog.waitFor({ state: "detached", timeout: 15_000 });
    await page.getByLabel("Role").selectOption("agent");
    const promoted = page.getByTestId("user-row").filter({ hasText: customerName });
    await promoted.waitFor({ timeout: 15_000 });
    await promoted.getByRole("button", { name: `Manage ${customerName}` }).click();
    await dialog.getByLabel("Role").selectOption("customer");
    await dialog.getByRole("button", { name: "Change role" }).click();
    await dialog.waitFor({ state: "detached", timeout: 15_000 });
    await expect.poll(() => promoted.count(), { timeout: 15_000 }).toBe(0);

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
