import type { Page } from "playwright-core";

// A relative import, as in the global setup: the demo accounts the test server was seeded with.
import { DEMO_PASSWORD } from "../../../../packages/db/src/seed/demo-users";

export { DEMO_ADMIN, DEMO_AGENTS, DEMO_CUSTOMER, DEMO_PASSWORD } from "../../../../packages/db/src/seed/demo-users";

/** Fills in and sends the sign-in form on the page that shows it. */
export async function submitSignIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Resolves once the page shows `pathname`, whatever the query string. */
export async function waitForPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname, { timeout: 30_000 });
}
