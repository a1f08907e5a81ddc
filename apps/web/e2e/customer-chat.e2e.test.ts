import { describe, expect, it } from "vitest";

import { appUrl, desktop, launchBrowserForFile, openPage, phone, saveScreenshot } from "./support/browser";
import { deliveryOf, messagesWithText, sendMessage, startChat } from "./support/chat";
import { serveHostPage } from "./support/host-page";
import { solidPng } from "./support/png";

const browser = launchBrowserForFile();

describe("customer chat", () => {
  it("lets a visitor start a chat, send text and an image, come back to it, end it and rate it", async () => {
    const { page, problems } = await openPage(browser(), appUrl("/chat"), phone);
    const chat = page.getByTestId("customer-chat");

    await startChat(chat, { name: "Robin Visitor", subject: "Parcel never arrived" });
    await chat.getByRole("heading", { name: "Parcel never arrived" }).waitFor();
    // In line, or already with one of the demo workspace's online agents.
    await expect.poll(() => chat.getByTestId("queue-status").getAttribute("data-status")).toMatch(/^(waiting|active)$/);

    await sendMessage(chat, "Hello, my parcel 4821 has not arrived.");
    const sent = messagesWithText(chat, "my parcel 4821");
    await expect.poll(() => sent.count()).toBe(1);
    await expect.poll(() => deliveryOf(sent)).toMatch(/^(sent|delivered|read)$/);

    // An image goes up with progress, then out with the next message.
    await chat.getByTestId("composer-file-input").setInputFiles({
      name: "label.png",
      mimeType: "image/png",
      buffer: solidPng(40, 30, [200, 60, 60]),
    });
    await chat.locator('[data-testid="composer-upload"][data-state="done"]').waitFor();
    await sendMessage(chat, "Here is the shipping label.");
    const withImage = messagesWithText(chat, "shipping label");
    await withImage.getByTestId("attachment-image").waitFor();
    expect(await withImage.getByTestId("attachment-image").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(40);
    await saveScreenshot(page, "customer-chat-phone-dark.png");

    // Other files go as downloads, under their own name.
    await chat.getByTestId("composer-file-input").setInputFiles({
      name: "tracking.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Tracking: 1Z999AA10123456784\n"),
    });
    await chat.locator('[data-testid="composer-upload"][data-state="done"]').waitFor();
    await chat.getByTestId("composer").locator("textarea").press("Enter");
    const download = page.waitForEvent("download");
    await chat.getByRole("button", { name: "Download tracking.txt" }).click();
    expect((await download).suggestedFilename()).toBe("tracking.txt");

    // Coming back later: the same conversation, from the visitor token kept in this browser.
    await page.reload();
    await chat.getByRole("heading", { name: "Parcel never arrived" }).waitFor();
    await expect.poll(() => messagesWithText(chat, "my parcel 4821").count()).toBe(1);
    await expect.poll(() => messagesWithText(chat, "shipping label").count()).toBe(1);

    page.once("dialog", (dialog) => void dialog.accept());
    await chat.getByRole("button", { name: "End chat" }).click();
    await expect.poll(() => chat.getByTestId("queue-status").getAttribute("data-status")).toBe("closed");
    expect(await chat.getByTestId("composer").count()).toBe(0);

    const rating = chat.getByTestId("rating-form");
    await rating.getByLabel("4 stars: Good").check();
    await rating.getByLabel(/Anything to add/).fill("Quick and friendly.");
    await rating.getByRole("button", { name: "Send rating" }).click();
    await chat.getByTestId("rating-thanks").waitFor();

    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("runs as a widget in another site's page from the one-line snippet", async () => {
    const shop = await serveHostPage(
      `<!doctype html><title>Shop</title><h1>A shop</h1><script src="${appUrl("/widget.js")}" async></script>`,
    );
    const { page, problems } = await openPage(browser(), shop.url, desktop);

    const launcher = page.locator('button[aria-controls="parley-widget-frame"]');
    expect(await launcher.textContent()).toBe("Chat with us");
    await launcher.click();
    expect(await launcher.getAttribute("aria-expanded")).toBe("true");

    const widget = page.frameLocator("#parley-widget-frame");
    await startChat(widget, { name: "Widget Visitor", subject: "Question about sizes" });
    await widget.getByRole("heading", { name: "Question about sizes" }).waitFor();
    await sendMessage(widget, "Do the shoes run small?");
    await expect.poll(() => messagesWithText(widget, "run small").count()).toBe(1);
    // The widget has no Parley header: it is the chat alone.
    expect(await widget.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    await saveScreenshot(page, "widget.png");

    // A visitor back on the site resumes, even where the browser gives the chat's frame no
    // storage of its own: the snippet keeps the visitor in the site's storage for it.
    await page.reload();
    await page.locator('button[aria-controls="parley-widget-frame"]').click();
    await widget.getByRole("heading", { name: "Question about sizes" }).waitFor();
    await expect.poll(() => messagesWithText(widget, "run small").count()).toBe(1);

    expect(problems).toEqual([]);
    await page.context().close();
    await shop.close();
  });
});
