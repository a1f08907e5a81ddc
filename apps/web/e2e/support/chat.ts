import type { FrameLocator, Locator, Page } from "playwright-core";

type Scope = Page | FrameLocator | Locator;

/** Fills in and sends the "start a chat" form. */
export async function startChat(scope: Scope, input: { name?: string; subject: string }): Promise<void> {
  if (input.name !== undefined) await scope.getByLabel("Your name").fill(input.name);
  await scope.getByLabel("What can we help with?").fill(input.subject);
  await scope.getByRole("button", { name: "Start chat" }).click();
}

/** The message box of the open conversation (a combobox where "/" opens canned responses). */
export function messageBox(scope: Scope): Locator {
  return scope.getByTestId("composer").locator("textarea");
}

/** Messages the server has confirmed (not still on their way) whose text contains `text`. */
export function confirmedMessagesWithText(scope: Scope, text: string | RegExp): Locator {
  return scope.locator('[data-testid="message"]:not([data-pending])').filter({ hasText: text });
}

/** Types `text` and presses Enter, as a person sends a message. */
export async function sendMessage(scope: Scope, text: string): Promise<void> {
  const box = messageBox(scope);
  await box.fill(text);
  await box.press("Enter");
}

/** Every message (confirmed or on its way) whose text contains `text`. */
export function messagesWithText(scope: Scope, text: string | RegExp): Locator {
  return scope.getByTestId("message").filter({ hasText: text });
}

/** The delivery state shown under one of the viewer's own messages. */
export async function deliveryOf(message: Locator): Promise<string | null> {
  return message.locator("[data-delivery]").getAttribute("data-delivery");
}
