import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { appUrl, desktop, launchBrowserForFile, openPage, phone, saveScreenshot } from "./support/browser";
import { DEMO_ADMIN, DEMO_AGENTS, DEMO_CUSTOMER, submitSignIn, waitForPath } from "./support/sign-in";

const browser = launchBrowserForFile();

async function open(path: string, options: BrowserContextOptions = desktop) {
  return openPage(browser(), appUrl(path), options);
}

async function openAccountMenu(page: Page) {
  await page.getByRole("button", { name: /^Account:/ }).click();
}

describe("signing in", () => {
  it("takes an admin to the admin area, whose users table lists the team from the server", async () => {
    const { page, problems } = await open("/sign-in");
    await page.getByRole("heading", { name: "Sign in to Parley" }).waitFor();
    await saveScreenshot(page, "sign-in.png");

    await submitSignIn(page, DEMO_ADMIN.email);
    await waitForPath(page, "/admin");

    await page.getByRole("heading", { name: "Welcome back, Sam" }).waitFor();
    expect(await page.getByTestId("signed-in-admin").textContent()).toContain(DEMO_ADMIN.email);

    // users.list is called from the browser with the session cookie; the server answers an admin.
    const rows = page.getByTestId("user-row");
    await rows.first().waitFor({ timeout: 30_000 });
    await saveScreenshot(page, "admin.png");

    await page.getByLabel("Role").selectOption("agent");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(DEMO_AGENTS.length);
    const agentRows = await rows.allTextContents();
    for (const agent of DEMO_AGENTS) {
      expect(agentRows.some((row) => row.includes(agent.name) && row.includes("Agent"))).toBe(true);
    }

    await page.getByLabel("Search people").fill("ada");
    await expect.poll(() => rows.allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining("Ada Okafor")]);
    await saveScreenshot(page, "admin-agents-search.png");

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("says clearly when the email and password do not match, and keeps the email", async () => {
    const { page, problems } = await open("/sign-in");

    // Nothing filled in: each field says what it needs, and focus goes to the first.
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const email = page.getByLabel("Email");
    await expect.poll(() => email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await email.getAttribute("aria-describedby"))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe("Enter your email address.");
    expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);

    await submitSignIn(page, DEMO_ADMIN.email, "not-the-password");
    const alert = page.getByTestId("form-problem");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("That email and password do not match an active account.");
    expect(await alert.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await email.inputValue()).toBe(DEMO_ADMIN.email);
    expect(new URL(page.url()).pathname).toBe("/sign-in");

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("sends an anonymous person to sign in first, then on to the page they asked for", async () => {
    const { page, problems } = await open("/admin");
    await waitForPath(page, "/sign-in");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/admin");

    await submitSignIn(page, DEMO_ADMIN.email);
    await waitForPath(page, "/admin");
    await page.getByRole("heading", { name: "Welcome back, Sam" }).waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("shows a customer the 403 page in the admin area", async () => {
    const { page } = await open("/sign-in");
    await submitSignIn(page, DEMO_CUSTOMER.email);
    await waitForPath(page, "/chat");

    const response = await page.goto(appUrl("/admin"));
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { name: "You do not have access to this area" }).waitFor();
    expect(await page.getByRole("main").textContent()).toContain(DEMO_CUSTOMER.name);
    await saveScreenshot(page, "forbidden.png");

    await page.context().close();
  });

  it("tells someone who keeps guessing how long to wait", async () => {
    const { page } = await open("/sign-in");
    const alert = page.getByTestId("form-problem");
    // apps/server allows ten failures per account in five minutes; an address of its own
    // keeps the other tests' accounts out of it.
    const email = `guesser-${Date.now()}@parley.dev`;
    // Each answer must be in before the next guess, or guesses would overtake each other.
    const answered = (attempt: number) => page.locator(`form[data-attempt="${attempt}"]`).waitFor();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await submitSignIn(page, email, `guess-${attempt}`);
      await answered(attempt);
      expect(await alert.textContent()).toContain("do not match");
    }
    await submitSignIn(page, email, "guess-11");
    await answered(11);
    await expect.poll(() => alert.textContent()).toMatch(/Too many attempts, try again in \d+ (seconds|minutes)\./);

    await page.context().close();
  });
});

describe("signing up", () => {
  it("opens a customer account, with clear errors on the way, and signs the customer in", async () => {
    const { page, problems } = await open("/sign-up", phone);

    await page.getByLabel("Name").fill("Robin Vega");
    await page.getByLabel("Email").fill(DEMO_CUSTOMER.email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    const password = page.getByLabel("Password");
    await expect.poll(() => password.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByText("Use at least 10 characters.").isVisible()).toBe(true);

    await password.fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("An account with that email already exists.").waitFor();
    const email = page.getByLabel("Email");
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);
    await saveScreenshot(page, "sign-up-phone-dark.png");

    await email.fill(`robin-${Date.now()}@example.com`);
    await password.fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await waitForPath(page, "/chat");

    await openAccountMenu(page);
    expect(await page.getByTestId("signed-in-name").textContent()).toBe("Robin Vega");

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe("signing out", () => {
  it("ends the session from the user menu, which shows who is signed in", async () => {
    const agent = DEMO_AGENTS[0]!;
    const { page, problems } = await open("/sign-in");
    await submitSignIn(page, agent.email);
    await waitForPath(page, "/inbox");

    await openAccountMenu(page);
    expect(await page.getByTestId("signed-in-name").textContent()).toBe(agent.name);
    expect(await page.getByTestId("account-panel").textContent()).toContain("Agent");
    await saveScreenshot(page, "user-menu.png");

    await page.getByRole("button", { name: "Sign out" }).click();
    await waitForPath(page, "/");
    await page.getByRole("link", { name: "Sign in" }).waitFor();

    // The session is gone: the inbox asks to sign in again.
    await page.goto(appUrl("/inbox"));
    await waitForPath(page, "/sign-in");

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
