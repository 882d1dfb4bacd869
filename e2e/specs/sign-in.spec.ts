import { expect, test } from "@playwright/test";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../fixtures/server-env";

test("the demo owner signs in and sees the dashboard", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
  // Rendered from the workspace.overview tRPC call, not from the server page.
  await expect(page.getByTestId("workspace-name")).toHaveText("Demo Workspace");
  await expect(page.getByTestId("signed-in-as")).toContainText(`${DEMO_EMAIL} · Owner`);
  await expect(page.getByText("People")).toBeVisible();
});

test("every section of the navigation renders", async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["Flows", "Runs", "Templates", "Connections", "Settings"]) {
    await nav.getByRole("link", { name: section }).click();
    await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
    await expect(nav.getByRole("link", { name: section })).toHaveAttribute("aria-current", "page");
  }
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  for (const email of [DEMO_EMAIL, "nobody@demo.handoff.local"]) {
    await page.goto("/login");
    await expect(page.locator("p[role=alert]")).toHaveCount(0);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("p[role=alert]")).toHaveText("That email and password do not match an account.");
  }
  await expect(page).toHaveURL(/\/login$/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/runs");
  await expect(page).toHaveURL(/\/login$/);
});

test("health reports the database and a live worker", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", db: "up", worker: { status: "up" } });
});

async function signIn(page: import("@playwright/test").Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}
