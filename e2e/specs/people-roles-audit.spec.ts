import { expect, type Page, test } from "@playwright/test";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../fixtures/server-env";

const BOOKKEEPER = "books@demo.handoff.local";

/**
 * The owner invites a bookkeeper by link, the bookkeeper joins and is kept to reading, the owner
 * removes them and their open session is refused at once; the audit trail shows each step.
 */
test("an owner invites a bookkeeper, who reads but cannot edit, then removes them", async ({ page, browser }) => {
  await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "People and roles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People and roles" })).toBeVisible();

  const inviteForm = page.getByRole("form", { name: "Invite someone" });
  await inviteForm.getByLabel("Email").fill(BOOKKEEPER);
  await inviteForm.getByLabel("Role", { exact: true }).selectOption({ label: "Bookkeeper" });
  await inviteForm.getByRole("button", { name: "Create invite link" }).click();
  const inviteLink = await page.getByLabel("Invite link").inputValue();
  expect(inviteLink).toMatch(/\/invite\/[\w-]{20,}$/);

  // The bookkeeper, in a browser of their own, follows the link.
  const bookkeeperContext = await browser.newContext();
  const books = await bookkeeperContext.newPage();
  await books.goto(inviteLink);
  await expect(books.getByRole("heading", { name: /Join .* as Bookkeeper/ })).toBeVisible();
  await books.getByLabel("Name").fill("Bea Books");
  await books.getByLabel("Password").fill("bookkeeper-pass-1");
  await books.getByRole("button", { name: "Join workspace" }).click();
  await expect(books.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
  await expect(books.getByTestId("signed-in-as")).toContainText(`${BOOKKEEPER} · Bookkeeper`);

  // Reading is open; the connections and the editing controls are not — neither on screen nor on the server.
  const nav = books.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Runs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Connections" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Templates" })).toHaveCount(0);
  await books.goto("/connections");
  await expect(books.getByRole("heading", { level: 1, name: "Not available to your role" })).toBeVisible();
  expect((await trpcCall(books, "connections.list", "GET")).status).toBe(403);
  expect((await trpcCall(books, "flows.create", "POST", { name: "Sneaky flow" })).status).toBe(403);
  expect((await trpcCall(books, "flows.list", "GET")).status).toBe(200);

  // The owner removes the bookkeeper; the bookkeeper's open session is refused on its next call.
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(BOOKKEEPER) });
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Confirm and remove" }).click();
  await expect(page.getByRole("row", { name: new RegExp(BOOKKEEPER) })).toHaveCount(0);

  expect((await trpcCall(books, "flows.list", "GET")).status).toBe(401);
  await books.goto("/runs");
  await expect(books).toHaveURL(/\/login$/);
  await bookkeeperContext.close();

  // Every one of those changes is in the audit trail.
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  for (const action of ["user.invited", "user.joined", "user.removed"]) {
    await expect(page.getByRole("cell", { name: new RegExp(action.replace(".", "\\.")) }).first()).toBeVisible();
  }
  const csv = await page.request.get("/api/audit/export");
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body).toContain("user.removed");
  expect(body).toContain(BOOKKEEPER);
});

test("repeated failed sign-ins lock the account for a while, whether or not it exists", async ({ page }) => {
  for (const email of ["locked-out@demo.handoff.local", "nobody-at-all@demo.handoff.local"]) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await submitSignIn(page, email, "wrong-password");
      await expect(page.locator("p[role=alert]")).toHaveText("That email and password do not match an account.");
    }
    await submitSignIn(page, email, "wrong-password");
    await expect(page.locator("p[role=alert]")).toHaveText(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
  }
});

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}

/** Calls a tRPC procedure with the page's own session cookie, as a curious user could. */
async function trpcCall(page: Page, path: string, method: "GET" | "POST", input?: unknown) {
  const encoded = encodeURIComponent(JSON.stringify({ json: input ?? null }));
  const response =
    method === "GET"
      ? await page.request.get(`/api/trpc/${path}${input === undefined ? "" : `?input=${encoded}`}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  return { status: response.status(), body: await response.text() };
}
