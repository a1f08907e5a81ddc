import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";

import { callApi } from "./support/api";
import { appUrl, launchBrowserForFile, openPage, phone, saveScreenshot, wideDesktop } from "./support/browser";
import { messagesWithText, sendMessage, startChat } from "./support/chat";
import { routeNewChatsTo } from "./support/desk-setup";
import { inboxItem, openInboxAs, openList, setAvailability } from "./support/inbox";

const ADA = "ada@parley.dev";

const browser = launchBrowserForFile();
beforeAll(async () => {
  await routeNewChatsTo(browser(), inject("webUrl"), inject("apiUrl"), ADA);
});

/** A visitor in a browser of their own starts a chat about `subject`. */
async function visitorStarts(subject: string): Promise<Page> {
  const { page } = await openPage(browser(), appUrl("/chat"), wideDesktop);
  await startChat(page, { name: `Visitor ${subject.slice(0, 12)}`, subject });
  await page.getByRole("heading", { name: subject }).waitFor();
  return page;
}

/** Which conversation the inbox has open, by the id in the address. */
const openConversationId = (page: Page) => new URL(page.url()).searchParams.get("c");

describe("the agent inbox", () => {
  it("keeps the lists live: a waiting customer with a ticking wait, taken, searched, moved on by keyboard, transferred", async () => {
    const agent = await openInboxAs(browser(), inject("webUrl"), ADA, wideDesktop);
    const page = agent.page;
    // Away: new chats wait in the queue rather than come to this agent.
    await setAvailability(page, "away");
    await openList(page, "Waiting");

    const subject = "Change my delivery address";
    const visitor = await visitorStarts(subject);
    const waiting = inboxItem(page, subject);
    await waiting.waitFor({ timeout: 15_000 });
    // The visitor sees where they stand in line.
    await expect.poll(() => visitor.getByTestId("queue-status").textContent()).toMatch(/You are (next|number \d+) in line\./);
    const waitedFirst = await waiting.getByTestId("wait-time").textContent();
    await expect.poll(() => waiting.getByTestId("wait-time").textContent(), { timeout: 5_000 }).not.toBe(waitedFirst);

    // Search and filters narrow the list.
    const search = page.getByLabel("Search conversations");
    await search.fill("delivery address");
    await expect.poll(() => page.getByTestId("inbox-item").count()).toBe(1);
    await search.fill("no such conversation anywhere");
    await page.getByText("No waiting customer matches").waitFor();
    await search.fill("");
    await page.getByLabel("Priority").selectOption("urgent");
    expect(await waiting.count()).toBe(0);
    await page.getByLabel("Priority").selectOption("");

    // Taken with a click: it moves to Mine and opens.
    await waiting.getByRole("button", { name: /^Take / }).click();
    await page.getByRole("heading", { name: subject, level: 2 }).waitFor();
    expect(await page.getByRole("tab", { name: /^Mine/ }).getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => visitor.getByTestId("queue-status").textContent(), { timeout: 15_000 }).toContain("Chatting with Ada Okafor");
    const takenId = openConversationId(page);

    // Alt+↓ and Alt+↑ go through the list without the mouse, even from the message box.
    await page.getByTestId("composer").locator("textarea").focus();
    const mine = await page.getByTestId("inbox-item").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-conversation-id")));
    expect(mine.length).toBeGreaterThan(1);
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => openConversationId(page)).toBe(mine[Math.min(mine.indexOf(takenId) + 1, mine.length - 1)]);
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => openConversationId(page)).toBe(mine[Math.max(mine.indexOf(takenId), 0)]);
    await inboxItem(page, subject).getByRole("button").first().click();

    // Alt+C asks to close; Escape thinks better of it. "?" lists the shortcuts.
    await page.keyboard.press("Alt+KeyC");
    const closeDialog = page.getByRole("dialog", { name: "Close conversation" });
    await closeDialog.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => closeDialog.count()).toBe(0);
    await page.locator("body").focus();
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await page.keyboard.press("Escape");

    // Transferred to a colleague with a reason: it leaves Mine, and the visitor is told.
    await page.getByTestId("customer-panel").getByRole("button", { name: "Transfer" }).click();
    const transfer = page.getByRole("dialog", { name: "Transfer conversation" });
    const target = transfer.getByLabel("Transfer to");
    const graceValue = await target.locator("option", { hasText: "Grace Kim" }).getAttribute("value");
    await target.selectOption(graceValue!);
    await transfer.getByLabel("Reason").fill("Grace handles address changes.");
    await transfer.getByRole("button", { name: "Transfer" }).click();
    await expect.poll(() => inboxItem(page, subject).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => messagesWithText(visitor, "Transferred to Grace Kim").count(), { timeout: 15_000 }).toBe(1);
    // The reason is the desk's: the visitor never sees it.
    expect(await messagesWithText(visitor, "address changes").count()).toBe(0);

    // Alt+N takes the next waiting customer this agent may serve.
    const next = "Invoice for my last order";
    await visitorStarts(next);
    await openList(page, "Waiting");
    await inboxItem(page, next).waitFor({ timeout: 15_000 });
    await page.keyboard.press("Alt+KeyN");
    await page.getByRole("heading", { name: next, level: 2 }).waitFor({ timeout: 15_000 });

    expect(agent.problems).toEqual([]);
    await setAvailability(page, "online");
    await page.context().close();
    await visitor.context().close();
  }, 120_000);

  it("keeps an agent away who chose it before the inbox's own switch to online had come back", async () => {
    let openingSwitchAnswered: Promise<unknown> | undefined;
    const agent = await openInboxAs(browser(), inject("webUrl"), ADA, wideDesktop, async (context) => {
      openingSwitchAnswered = context.waitForEvent("response", {
        predicate: (response) => response.url().includes("desk.setAvailability") && (response.request().postData() ?? "").includes('"online"'),
      });
      // The switch to online that the inbox makes on opening is slow to reach the server.
      let first = true;
      await context.route(/desk\.setAvailability/, async (route) => {
        if (first) {
          first = false;
          await new Promise((resolve) => setTimeout(resolve, 1_500));
        }
        await route.continue();
      });
    });
    const page = agent.page;
    await setAvailability(page, "away");
    await openingSwitchAnswered;

    const agents = await callApi<Array<{ name: string; availability: string }>>(
      page.context(),
      inject("apiUrl"),
      "inboxDesk.agents",
      undefined,
      "query",
    );
    expect(agents.find((row) => row.name === "Ada Okafor")?.availability).toBe("away");
    expect(await page.getByTestId("availability").inputValue()).toBe("away");

    expect(agent.problems).toEqual([]);
    await setAvailability(page, "online");
    await page.context().close();
  });

  it("notifies an agent whose tab is in the background of a newly assigned chat, if they allowed it", async () => {
    const agent = await openInboxAs(browser(), inject("webUrl"), ADA, wideDesktop, async (context) => {
      // A stand-in for the browser's notifications that records what the inbox shows.
      await context.addInitScript(() => {
        const shown: Array<{ title: string; body?: string }> = [];
        Object.assign(window, { shownNotifications: shown });
        class RecordedNotification {
          static permission = "granted";
          static requestPermission = async () => "granted";
          onclick: (() => void) | null = null;
          constructor(title: string, options?: { body?: string }) {
            shown.push({ title, body: options?.body });
          }
          close() {}
        }
        Object.assign(window, { Notification: RecordedNotification });
      });
    });
    const page = agent.page;
    await page.getByText("Notifications on").waitFor();
    // The agent switches to another tab.
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.hasFocus = () => false;
      document.dispatchEvent(new Event("visibilitychange"));
    });

    const subject = "Package arrived damaged";
    const visitor = await visitorStarts(subject);
    const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: Array<{ title: string; body?: string }> }).shownNotifications);
    await expect.poll(shown, { timeout: 15_000 }).toContainEqual({ title: "New conversation for you", body: subject });

    expect(agent.problems).toEqual([]);
    await page.context().close();
    await visitor.context().close();
  });

  it("is usable at phone width in the dark theme: one column at a time", async () => {
    const subject = "Phone-sized question";
    const visitor = await visitorStarts(subject);
    const agent = await openInboxAs(browser(), inject("webUrl"), ADA, phone);
    const page = agent.page;
    await openList(page, "Mine");
    const item = inboxItem(page, subject);
    await item.waitFor({ timeout: 15_000 });
    await item.getByRole("button").first().click();

    // The conversation replaces the list; the back button brings the list back.
    await page.getByRole("heading", { name: subject, level: 2 }).waitFor();
    expect(await page.getByRole("navigation", { name: "Conversations" }).isVisible()).toBe(false);
    await sendMessage(page, "Hello from a phone");
    await expect.poll(() => messagesWithText(visitor, "Hello from a phone").count()).toBe(1);

    // The customer's details slide over the conversation.
    await page.getByRole("button", { name: "Customer details" }).click();
    await expect.poll(() => page.getByTestId("customer-panel").isVisible()).toBe(true);
    await saveScreenshot(page, "inbox-phone-dark.png");
    await page.getByRole("button", { name: "Close details" }).click();
    await expect.poll(() => page.getByTestId("customer-panel").isVisible()).toBe(false);

    await page.getByRole("button", { name: "Back to the list" }).click();
    await expect.poll(() => page.getByRole("navigation", { name: "Conversations" }).isVisible()).toBe(true);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(agent.problems).toEqual([]);
    await page.context().close();
    await visitor.context().close();
  });
});
