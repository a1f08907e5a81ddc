import { readFile } from "node:fs/promises";

import type { BrowserContextOptions, Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { appUrl, desktop, launchBrowserForFile, openPage, phone, saveScreenshot } from "./support/browser";
import { DEMO_ADMIN, DEMO_AGENTS, submitSignIn, waitForPath } from "./support/sign-in";
// A relative import, as in ./support/sign-in: the demo workspace the test server was seeded with.
import { DEMO_TEAMS } from "../../../packages/db/src/seed/demo-users";

const BILLING = DEMO_TEAMS.find((team) => !team.autoAssign)!;

const browser = launchBrowserForFile();

/** Opens the dashboard as the demo admin: the dashboard sends anonymous people to sign in first. */
async function openDashboardAsAdmin(options: BrowserContextOptions = desktop) {
  const opened = await openPage(browser(), appUrl("/dashboard"), options);
  await waitForPath(opened.page, "/sign-in");
  await submitSignIn(opened.page, DEMO_ADMIN.email);
  await waitForPath(opened.page, "/dashboard");
  return opened;
}

/** How many of a canvas's pixels have been painted: Chart.js draws on a transparent canvas. */
function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext("2d");
    if (!context || element.width === 0 || element.height === 0) return 0;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let painted = 0;
    for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha]! > 0) painted++;
    return painted;
  });
}

/** Waits for every chart on the page to be drawn, and returns how many there are. */
async function expectChartsDrawn(page: Page, atLeast: number): Promise<number> {
  const canvases = page.locator("canvas");
  await expect.poll(() => canvases.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(atLeast);
  const count = await canvases.count();
  for (let index = 0; index < count; index++) {
    // Hundreds of pixels: axes, labels and the data itself, not a stray line.
    await expect.poll(() => paintedPixels(canvases.nth(index)), { timeout: 15_000 }).toBeGreaterThan(500);
  }
  return count;
}

const kpiValue = (page: Page, name: string) => page.getByTestId(`kpi-${name}`).getByTestId("kpi-value");

/** A visitor of the website, straight through the API: a new visitor and a support session in the queue. */
async function startVisitorSession(apiUrl: string, subject: string, teamId: string): Promise<void> {
  // A network of its own, so the per-address limit on new visitors counts this test apart.
  const address = `10.250.${process.pid % 250}.${Math.floor(Math.random() * 250) + 1}`;
  const call = async <T>(path: string, input: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${apiUrl}/trpc/${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": address,
        ...(token ? { authorization: `Visitor ${token}` } : {}),
      },
      body: JSON.stringify({ json: input }),
    });
    const answer = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
    if (!answer.result) throw new Error(`${path} failed (${response.status}): ${JSON.stringify(answer.error)}`);
    return answer.result.data.json;
  };
  const visitor = await call<{ token: string }>("auth.createVisitor", {});
  await call("conversations.startSession", { subject, teamId }, visitor.token);
}

describe("the admin dashboard", () => {
  it("draws the overview, follows the date range in the URL, and downloads the sessions as CSV", async () => {
    const { page, problems } = await openDashboardAsAdmin();
    await page.getByRole("heading", { name: "How support is going" }).waitFor();

    // The demo workspace has 30 days of conversations: the default period is the last 30 days.
    const opened = kpiValue(page, "conversationsOpened");
    await opened.waitFor({ timeout: 30_000 });
    const lastThirtyDays = Number((await opened.textContent())!.replace(/\D/g, ""));
    expect(lastThirtyDays).toBeGreaterThan(0);
    await expectChartsDrawn(page, 1);
    await expect.poll(() => page.getByTestId("live-waiting").textContent(), { timeout: 15_000 }).toMatch(/^\d+$/);
    await saveScreenshot(page, "dashboard-overview.png");

    // A shorter period: the URL says so, and the figures are those of the new period.
    await page.getByLabel("Date range").selectOption("7d");
    await page.waitForURL((address) => address.searchParams.has("from") && address.searchParams.has("to"));
    const from = new URL(page.url()).searchParams.get("from")!;
    const to = new URL(page.url()).searchParams.get("to")!;
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(6);
    await expect
      .poll(async () => Number((await opened.textContent())!.replace(/\D/g, "")), { timeout: 15_000 })
      .toBeLessThan(lastThirtyDays);

    // Back undoes a change of period, and Forward makes it again.
    await page.goBack();
    await page.waitForURL((address) => !address.searchParams.has("from"));
    await expect.poll(async () => Number((await opened.textContent())!.replace(/\D/g, "")), { timeout: 15_000 }).toBe(lastThirtyDays);
    await page.goForward();
    await page.waitForURL((address) => address.searchParams.get("from") === from);
    await expect.poll(async () => Number((await opened.textContent())!.replace(/\D/g, "")), { timeout: 15_000 }).toBeLessThan(lastThirtyDays);

    // A custom range, typed in: kept in the URL too.
    await page.getByLabel("Date range").selectOption("custom");
    await page.getByLabel("To", { exact: true }).fill(from);
    await page.waitForURL((address) => address.searchParams.get("to") === from);
    await expect.poll(async () => (await opened.textContent())!.replace(/\D/g, "")).not.toBe("");

    // The period's sessions, as the server streams them, under the admin's session cookie.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the sessions of the period as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.split(/\r?\n/)[0]).toMatch(/^id,status,priority,subject,/);

    const [kpis] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the key figures as CSV" }).click(),
    ]);
    const kpiLines = (await readFile((await kpis.path())!, "utf8")).split(/\r?\n/);
    expect(kpiLines[0]).toBe("kpi,current,previous,difference,change_ratio");
    expect(kpiLines.some((line) => line.startsWith("conversationsOpened,"))).toBe(true);

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("moves 'waiting now' as a visitor starts a session, without a reload", async () => {
    const { page, problems } = await openDashboardAsAdmin();
    // Billing sessions wait for an agent to pick them (no auto-assignment), so a new one stays in the queue.
    await page.getByLabel("Team").selectOption({ label: BILLING.name });
    await page.waitForURL((address) => address.searchParams.has("team"));
    const teamId = new URL(page.url()).searchParams.get("team")!;

    const waiting = page.getByTestId("live-waiting");
    await expect.poll(() => waiting.textContent(), { timeout: 30_000 }).toMatch(/^\d+$/);
    // The stream for the team's filter has replaced the first one once the page has settled.
    await page.waitForLoadState("networkidle");
    const before = Number(await waiting.textContent());
    // The page must stay the same page: a reload would lose this mark.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    await startVisitorSession(inject("apiUrl"), "Why was I charged twice?", teamId);

    await expect.poll(async () => Number(await waiting.textContent()), { timeout: 15_000 }).toBe(before + 1);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await saveScreenshot(page, "dashboard-live-waiting.png");
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("draws the volume, CSAT and agents pages and downloads their reports", async () => {
    const { page, problems } = await openDashboardAsAdmin();
    await kpiValue(page, "conversationsOpened").waitFor({ timeout: 30_000 });

    await page.getByRole("navigation", { name: "Dashboard pages" }).getByRole("link", { name: "Volume" }).click();
    await waitForPath(page, "/dashboard/volume");
    await expectChartsDrawn(page, 2);
    await page.getByRole("table", { name: /Sessions opened by day of the week/ }).waitFor();
    await saveScreenshot(page, "dashboard-volume.png");

    const [volumeCsv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download sessions by day of the week and hour as CSV" }).click(),
    ]);
    expect((await readFile((await volumeCsv.path())!, "utf8")).split(/\r?\n/)[0]).toBe("day_of_week,hour,sessions_opened");

    await page.getByRole("navigation", { name: "Dashboard pages" }).getByRole("link", { name: "CSAT" }).click();
    await waitForPath(page, "/dashboard/csat");
    await expect.poll(() => page.getByTestId("csat-score").textContent(), { timeout: 30_000 }).toMatch(/%/);
    await expectChartsDrawn(page, 3);
    await saveScreenshot(page, "dashboard-csat.png");

    // Week by week: the choice goes in the URL like the other filters.
    await page.getByLabel("Group by").selectOption("week");
    await page.waitForURL((address) => address.searchParams.get("by") === "week");
    await expectChartsDrawn(page, 3);

    await page.getByRole("navigation", { name: "Dashboard pages" }).getByRole("link", { name: "Agents" }).click();
    await waitForPath(page, "/dashboard/agents");
    // The period and grouping came along.
    expect(new URL(page.url()).searchParams.get("by")).toBe("week");
    const rows = page.getByTestId("agent-row");
    await rows.first().waitFor({ timeout: 30_000 });
    await expectChartsDrawn(page, 4);
    const firstAgent = (await rows.first().getByRole("button").textContent())!;
    await rows.first().getByRole("button").click();
    await page.getByRole("heading", { name: `${firstAgent}'s trend` }).waitFor();
    await expectChartsDrawn(page, 7);
    await saveScreenshot(page, "dashboard-agents.png");

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("is for admins only: an agent gets the 403 page", async () => {
    const { page } = await openPage(browser(), appUrl("/sign-in"), desktop);
    await submitSignIn(page, DEMO_AGENTS[0]!.email);
    await waitForPath(page, "/inbox");
    const response = await page.goto(appUrl("/dashboard"));
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { name: "You do not have access to this area" }).waitFor();
    await page.context().close();
  });

  it("fits a phone in the dark theme", async () => {
    const { page, problems } = await openDashboardAsAdmin(phone);
    await kpiValue(page, "conversationsOpened").waitFor({ timeout: 30_000 });
    await expectChartsDrawn(page, 1);
    // Nothing wider than the screen but the scrolling heatmap and tables.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, "dashboard-overview-phone-dark.png");

    await page.getByRole("navigation", { name: "Dashboard pages" }).getByRole("link", { name: "CSAT" }).click();
    await waitForPath(page, "/dashboard/csat");
    await expectChartsDrawn(page, 3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, "dashboard-csat-phone-dark.png");
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
