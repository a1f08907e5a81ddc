import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

/** Screenshots land here, at the repository root, for people and CI to look at. */
export const artifactsDir = fileURLToPath(new URL("../../../../test-artifacts", import.meta.url));

/** Debian's Chromium, headless, kept off the network it cannot reach anyway. */
function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * One browser for the test file that calls this, launched before its tests and closed
 * after them (launching one per test would cost seconds each). Returns the way to reach
 * it, valid from the file's first `beforeAll` on.
 */
export function launchBrowserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not launched yet: use it from a test or a later beforeAll");
    return browser;
  };
}

/** The address of `path` on the web app under test. */
export function appUrl(path: string): string {
  return new URL(path, inject("webUrl")).toString();
}

/** The screens the tests look through: a laptop, a wide monitor, and a phone in dark mode. */
export const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, colorScheme: "light" };
export const wideDesktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 }, colorScheme: "light" };
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  colorScheme: "dark",
};

/**
 * A client address of its own for each browser context, sent as `X-Forwarded-For` (the
 * servers trust it from loopback, as from a proxy in front of them). Each context is then
 * a person on their own network: per-address limits (sign-ins a minute, new visitors an
 * hour) count them apart, as they would real people, instead of the whole suite sharing
 * the budget of 127.0.0.1.
 */
let contextCount = 0;
function ownAddress(): string {
  contextCount++;
  return `10.${process.pid % 250}.${Math.floor(contextCount / 250) % 250}.${(contextCount % 250) + 1}`;
}

/**
 * Opens `url` in a fresh context and records what a screenshot would not show: uncaught
 * exceptions and errors logged to the console (a failed hydration, a refused socket).
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
  /** Runs on the new context before the page opens: init scripts, permissions. */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    ...options,
    extraHTTPHeaders: { "x-forwarded-for": ownAddress(), ...options.extraHTTPHeaders },
  });
  await prepare?.(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, name), fullPage: true });
}
