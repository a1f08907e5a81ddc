import { beforeAll, describe, expect, inject, it } from "vitest";

import { callApi } from "./support/api";
import { appUrl, launchBrowserForFile, openPage, saveScreenshot, wideDesktop } from "./support/browser";
import { confirmedMessagesWithText, deliveryOf, messageBox, messagesWithText, sendMessage, startChat } from "./support/chat";
import { routeNewChatsTo } from "./support/desk-setup";
import { openInboxAs } from "./support/inbox";
import { solidPng } from "./support/png";
import { DEMO_AGENTS } from "./support/sign-in";

const agentAccount = DEMO_AGENTS.find((agent) => agent.email === "ada@parley.dev")!;
const SUBJECT = "Where is order 5512?";

const browser = launchBrowserForFile();
beforeAll(async () => {
  await routeNewChatsTo(browser(), inject("webUrl"), inject("apiUrl"), agentAccount.email);
});

describe("a support conversation, visitor and agent in two browsers", () => {
  it("runs live both ways from the first message to the rating, and survives a lost connection", async () => {
    const agent = await openInboxAs(browser(), inject("webUrl"), agentAccount.email, wideDesktop);
    await callApi(
      agent.page.context(),
      inject("apiUrl"),
      "cannedResponses.create",
      { scope: "personal", shortcut: "thanks-wait", title: "Thanks for waiting", body: "Thanks for waiting, {{customer.name}}! Let me look." },
      "mutation",
    );

    const visitor = await openPage(browser(), appUrl("/chat"), wideDesktop);
    const chat = visitor.page.getByTestId("customer-chat");
    await startChat(chat, { name: "Robin Visitor", subject: SUBJECT });
    await chat.getByRole("heading", { name: SUBJECT }).waitFor();

    // Assigned at once to the online agent, who sees it arrive in their list.
    await expect.poll(() => chat.getByTestId("queue-status").textContent(), { timeout: 15_000 }).toContain("Chatting with Ada Okafor");
    const item = agent.page.getByTestId("inbox-item").filter({ hasText: SUBJECT });
    await item.waitFor({ timeout: 15_000 });

    // The visitor writes before the agent has opened the conversation: sent, not read.
    await sendMessage(chat, "Hello, is anyone there?");
    const first = messagesWithText(chat, "is anyone there");
    await expect.poll(() => deliveryOf(first)).toBe("sent");
    await item.getByTestId("unread-badge").waitFor({ timeout: 15_000 });

    await item.getByRole("button").first().click();
    const pane = agent.page.getByTestId("conversation-pane");
    await expect.poll(() => messagesWithText(pane, "is anyone there").count()).toBe(1);
    // Opening it read it: the visitor's tick turns to read.
    await expect.poll(() => deliveryOf(first), { timeout: 15_000 }).toBe("read");
    expect(await agent.page.getByTestId("customer-name").textContent()).toBe("Robin Visitor");

    // Typing shows on the other side, both ways.
    await messageBox(pane).pressSequentially("Hi Rob", { delay: 30 });
    await expect.poll(() => chat.getByTestId("typing-indicator").textContent()).toContain("Ada Okafor is typing");
    await messageBox(pane).press("Enter");
    await expect.poll(() => messagesWithText(chat, "Hi Rob").count()).toBe(1);
    // Screen readers hear it through the polite live region.
    expect(await chat.getByTestId("new-message-announcer").textContent()).toBe("Ada Okafor: Hi Rob");
    expect(await chat.getByTestId("new-message-announcer").getAttribute("aria-live")).toBe("polite");
    await expect.poll(() => chat.getByTestId("typing-indicator").textContent()).toBe("");
    await messageBox(chat).pressSequentially("Thank", { delay: 30 });
    await expect.poll(() => pane.getByTestId("typing-indicator").textContent()).toContain("Robin Visitor is typing");
    await messageBox(chat).fill("");

    // The agent's message is read by the visitor, whose page shows it.
    await expect.poll(() => deliveryOf(messagesWithText(pane, "Hi Rob")), { timeout: 15_000 }).toBe("read");

    // A canned response through "/", with the customer's name filled in.
    await messageBox(pane).pressSequentially("/thanks", { delay: 30 });
    const option = pane.getByTestId("canned-option").filter({ hasText: "/thanks-wait" });
    await option.waitFor();
    await messageBox(pane).press("Enter");
    await expect.poll(() => messageBox(pane).inputValue()).toBe("Thanks for waiting, Robin Visitor! Let me look.");
    await messageBox(pane).press("Enter");
    await expect.poll(() => messagesWithText(chat, "Thanks for waiting, Robin Visitor!").count()).toBe(1);

    // A private note: the agent sees it, marked apart; the visitor never does.
    const composer = pane.getByTestId("composer");
    await composer.getByRole("button", { name: "Private note" }).click();
    await sendMessage(pane, "Carrier lost it, offer a voucher.");
    await expect.poll(() => pane.locator('[data-kind="note"]').filter({ hasText: "offer a voucher" }).count()).toBe(1);
    await composer.getByRole("button", { name: "Reply", exact: true }).click();
    await sendMessage(pane, "I have found your parcel.");
    await expect.poll(() => messagesWithText(chat, "found your parcel").count()).toBe(1);
    expect(await messagesWithText(chat, "voucher").count()).toBe(0);

    // An image from the visitor shows as a preview for the agent.
    await chat.getByTestId("composer-file-input").setInputFiles({ name: "damage.png", mimeType: "image/png", buffer: solidPng(64, 48, [30, 120, 200]) });
    await chat.locator('[data-testid="composer-upload"][data-state="done"]').waitFor();
    await sendMessage(chat, "A photo of the box.");
    const photo = messagesWithText(pane, "photo of the box").getByTestId("attachment-image");
    await photo.waitFor({ timeout: 15_000 });
    expect(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(64);

    // The visitor loses the connection: what the agent sends meanwhile arrives once, and what
    // the visitor wrote offline goes out when the connection is back, once.
    const problemsBeforeOffline = visitor.problems.length;
    await visitor.page.context().setOffline(true);
    await chat.locator('[data-testid="connection-banner"] p').waitFor();
    await sendMessage(pane, "Update 1 while you were away");
    await sendMessage(pane, "Update 2 while you were away");
    await expect.poll(() => confirmedMessagesWithText(pane, "Update 2 while you were away").count()).toBe(1);
    await sendMessage(chat, "Written while offline");
    await expect.poll(() => chat.locator('[data-pending="failed"]').count(), { timeout: 15_000 }).toBe(1);
    await visitor.page.context().setOffline(false);
    await expect.poll(() => messagesWithText(chat, "Update 1 while you were away").count(), { timeout: 20_000 }).toBe(1);
    expect(await messagesWithText(chat, "Update 2 while you were away").count()).toBe(1);
    await expect.poll(() => messagesWithText(pane, "Written while offline").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => chat.locator('[data-testid="connection-banner"] p').count(), { timeout: 20_000 }).toBe(0);
    // Offline, the browser reports the failed requests and sockets; nothing else went wrong.
    const offlineProblems = visitor.problems.splice(problemsBeforeOffline);
    expect(offlineProblems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem))).toEqual([]);
    // And nothing twice, on either side.
    await expect.poll(() => messagesWithText(chat, "Written while offline").count()).toBe(1);
    expect(await messagesWithText(chat, "Update 1 while you were away").count()).toBe(1);

    // The other way round: the agent drops off, and finds the visitor's messages once back.
    const agentProblemsBeforeOffline = agent.problems.length;
    await agent.page.context().setOffline(true);
    await pane.locator('[data-testid="connection-banner"] p').waitFor();
    await sendMessage(chat, "Are you still there?");
    await expect.poll(() => confirmedMessagesWithText(chat, "still there").count()).toBe(1);
    await agent.page.context().setOffline(false);
    await expect.poll(() => messagesWithText(pane, "Are you still there?").count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => pane.locator('[data-testid="connection-banner"] p').count(), { timeout: 20_000 }).toBe(0);
    const agentOfflineProblems = agent.problems.splice(agentProblemsBeforeOffline);
    expect(agentOfflineProblems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(problem))).toEqual([]);

    await saveScreenshot(agent.page, "inbox.png");
    await saveScreenshot(visitor.page, "customer-chat.png");

    // The agent closes with a resolution note; the visitor rates 5 stars.
    await agent.page.getByTestId("customer-panel").getByRole("button", { name: "Close", exact: true }).click();
    const dialog = agent.page.getByRole("dialog", { name: "Close conversation" });
    await dialog.getByLabel(/Resolution note/).fill("Parcel found at the depot, reshipped.");
    await dialog.getByRole("button", { name: "Close conversation" }).click();
    await expect.poll(() => chat.getByTestId("queue-status").getAttribute("data-status"), { timeout: 15_000 }).toBe("closed");
    await expect.poll(() => pane.getByTestId("session-status").textContent()).toBe("closed");

    const rating = chat.getByTestId("rating-form");
    await rating.getByLabel("5 stars: Excellent").check();
    await rating.getByLabel(/Anything to add/).fill("Found my parcel, thank you!");
    await rating.getByRole("button", { name: "Send rating" }).click();
    await chat.getByTestId("rating-thanks").waitFor();

    const entry = agent.page.getByTestId("csat-entry").filter({ hasText: SUBJECT });
    await entry.waitFor({ timeout: 20_000 });
    expect(await entry.getAttribute("data-rating")).toBe("5");
    expect(await entry.textContent()).toContain("Found my parcel, thank you!");
    await saveScreenshot(agent.page, "inbox-rated.png");

    expect(agent.problems).toEqual([]);
    expect(visitor.problems).toEqual([]);
    await agent.page.context().close();
    await visitor.page.context().close();
  }, 180_000);
});
