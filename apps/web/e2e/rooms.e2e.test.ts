import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { callApi } from "./support/api";
import { appUrl, launchBrowserForFile, openPage, saveScreenshot, wideDesktop } from "./support/browser";
import { confirmedMessagesWithText, messageBox, messagesWithText, sendMessage } from "./support/chat";
import { submitSignIn } from "./support/sign-in";

const browser = launchBrowserForFile();

async function openRoomsAs(email: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(browser(), appUrl("/sign-in?callbackUrl=%2Frooms"), wideDesktop);
  await submitSignIn(opened.page, email);
  await opened.page.waitForURL((address) => address.pathname === "/rooms", { timeout: 30_000 });
  return opened;
}

function roomItem(page: Page, name: string) {
  return page.getByTestId("room-item").filter({ hasText: name });
}

describe("rooms", () => {
  it("lists the rooms, shows the members, and carries replies, edits and deletions live", async () => {
    const ada = await openRoomsAs("ada@parley.dev");
    const grace = await openRoomsAs("grace@parley.dev");
    const roomName = `Returns desk ${Date.now()}`;

    // Made through the API with a long history, to page back through.
    const graceId = (await callApi<{ id: string }>(grace.page.context(), inject("apiUrl"), "auth.me", undefined, "query")).id;
    const room = await callApi<{ id: string }>(
      ada.page.context(),
      inject("apiUrl"),
      "conversations.createRoom",
      { name: roomName, visibility: "private", memberIds: [graceId] },
      "mutation",
    );
    for (let index = 1; index <= 45; index++) {
      await callApi(ada.page.context(), inject("apiUrl"), "messages.send", { conversationId: room.id, body: `History line ${index}` }, "mutation");
    }

    for (const { page } of [ada, grace]) {
      await roomItem(page, roomName).waitFor({ timeout: 15_000 });
      await roomItem(page, roomName).getByRole("button").click();
      await page.getByRole("heading", { name: roomName }).waitFor();
    }
    const members = ada.page.getByTestId("room-members");
    await members.getByText("Grace Kim").waitFor();
    expect(await members.textContent()).toContain("Ada Okafor (you)");

    // The newest page first; "load earlier" keeps what is being read where it was.
    await confirmedMessagesWithText(ada.page, "History line 45").waitFor();
    const firstLine = /History line 1(?!\d)/;
    expect(await messagesWithText(ada.page, firstLine).count()).toBe(0);
    // Scrolled back to the top, where the oldest loaded message sits under the button.
    const loadEarlier = ada.page.getByRole("button", { name: "Load earlier messages" });
    await loadEarlier.scrollIntoViewIfNeeded();
    const anchor = confirmedMessagesWithText(ada.page, "History line 16");
    const before = (await anchor.boundingBox())!.y;
    await loadEarlier.click();
    await confirmedMessagesWithText(ada.page, firstLine).waitFor();
    const after = (await anchor.boundingBox())!.y;
    expect(Math.abs(after - before)).toBeLessThan(2);

    // Shift+Enter starts a new line; Enter sends.
    await messageBox(ada.page).fill("First line");
    await messageBox(ada.page).press("Shift+Enter");
    await messageBox(ada.page).pressSequentially("second line");
    expect(await messageBox(ada.page).inputValue()).toBe("First line\nsecond line");
    await messageBox(ada.page).press("Enter");
    const twoLines = confirmedMessagesWithText(grace.page, "second line");
    await twoLines.waitFor({ timeout: 15_000 });
    expect(await twoLines.locator("br").count()).toBe(1);

    // A reply, then an edit and a deletion, all seen live on the other side.
    await sendMessage(ada.page, "Can someone check parcel 77?");
    const question = confirmedMessagesWithText(grace.page, "parcel 77");
    await question.waitFor({ timeout: 15_000 });
    await question.hover();
    await question.getByRole("button", { name: "Reply" }).click();
    await sendMessage(grace.page, "On it @Ada");
    const reply = confirmedMessagesWithText(ada.page, "On it");
    await reply.waitFor({ timeout: 15_000 });
    expect(await reply.locator("blockquote").textContent()).toContain("parcel 77");

    const mine = confirmedMessagesWithText(ada.page, "parcel 77").first();
    await mine.hover();
    await mine.getByRole("button", { name: "Edit" }).click();
    await expect.poll(() => messageBox(ada.page).inputValue()).toBe("Can someone check parcel 77?");
    await messageBox(ada.page).fill("Can someone check parcel 78?");
    await messageBox(ada.page).press("Enter");
    // The edit shows in the message and in the reply quoting it.
    const edited = confirmedMessagesWithText(grace.page, "parcel 78").filter({ hasNotText: "On it" });
    await expect.poll(() => edited.count(), { timeout: 15_000 }).toBe(1);
    expect(await edited.textContent()).toContain("Edited");
    await expect.poll(() => reply.locator("blockquote").textContent()).toContain("parcel 78");

    await sendMessage(ada.page, "Ignore this one");
    await confirmedMessagesWithText(grace.page, "Ignore this one").waitFor({ timeout: 15_000 });
    const toDelete = confirmedMessagesWithText(ada.page, "Ignore this one");
    ada.page.once("dialog", (dialog) => void dialog.accept());
    await toDelete.hover();
    await toDelete.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => messagesWithText(grace.page, "Ignore this one").count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => grace.page.getByText("This message was deleted.").count()).toBeGreaterThan(0);
    await saveScreenshot(ada.page, "rooms.png");

    expect(ada.problems).toEqual([]);
    expect(grace.problems).toEqual([]);
    await ada.page.context().close();
    await grace.page.context().close();
  }, 120_000);
});
