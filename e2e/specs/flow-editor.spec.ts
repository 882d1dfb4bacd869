import { expect, type Page, test } from "@playwright/test";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../fixtures/server-env";

/**
 * The editor by clicks only: a new flow, the Cal.com trigger, a condition, a HubSpot and a Stripe
 * step from the palette, each wired below the one before; the connection chosen in the step
 * panel; publishing refused with problems that lead to their step; autosave surviving a reload;
 * no overlapping panels at either screen size.
 */
test("builds booking → condition → HubSpot contact → Stripe draft invoice on the canvas", async ({
  page,
}, testInfo) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flows" }).click();
  await page.getByRole("button", { name: "New flow" }).first().click();
  await page.getByLabel("Flow name").fill("Booking to invoice");
  await page.getByRole("button", { name: "Create flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("node-trigger")).toBeVisible();

  await page.getByText("Replace the trigger", { exact: true }).click();
  await page.getByRole("button", { name: "Replace trigger with Booking created" }).click();
  await expect(page.getByTestId("node-trigger")).toContainText("Booking created");
  await page.getByTestId("node-trigger").click();
  await page.getByRole("button", { name: "Condition", exact: true }).click();
  await page.getByRole("button", { name: "Find or create contact", exact: true }).click();
  await page.getByRole("button", { name: "Create draft invoice", exact: true }).click();

  const nodes = page.locator("[data-testid^='node-']");
  await expect(nodes).toHaveCount(4);
  // Each new step is wired from the one before: three edges on the canvas.
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);

  // Choose the HubSpot step's connection in the step panel: only HubSpot connections are offered.
  const contactNode = page.locator("[data-testid^='node-find_or_create_contact']");
  await contactNode.click();
  const connection = page.getByLabel("Connection", { exact: true });
  await expect(connection.locator("option", { hasText: "HubSpot sandbox" })).toHaveCount(1);
  await expect(connection.locator("option", { hasText: "Stripe sandbox" })).toHaveCount(0);
  await connection.selectOption({
    label: (await connection.locator("option", { hasText: "HubSpot sandbox" }).textContent())?.trim() ?? "",
  });
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // Publishing the unfinished draft is refused; each problem leads to its step.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this flow" });
  await dialog.getByLabel("What changed?").fill("First version");
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  const problem = dialog.getByRole("button", { name: /Create draft invoice/ }).first();
  await expect(problem).toBeVisible();
  await problem.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Step name")).toHaveValue("Create draft invoice");

  // The draft was autosaved: a reload shows the same four steps.
  await page.reload();
  await expect(nodes).toHaveCount(4);

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await expectSideBySide(page);
  }
  await page.screenshot({ path: testInfo.outputPath("flow-editor-canvas.png") });
  await testInfo.attach("flow-editor-canvas", {
    path: testInfo.outputPath("flow-editor-canvas.png"),
    contentType: "image/png",
  });
});

async function expectSideBySide(page: Page) {
  const palette = await page.locator(".fe-palette").boundingBox();
  const canvas = await page.locator(".react-flow").boundingBox();
  const side = await page.getByRole("complementary", { name: "Step, test and versions" }).boundingBox();
  if (!palette || !canvas || !side) throw new Error("an editor panel is not on screen");
  expect(palette.x + palette.width).toBeLessThanOrEqual(canvas.x + 1);
  expect(canvas.x + canvas.width).toBeLessThanOrEqual(side.x + 1);
  const viewport = page.viewportSize();
  expect(side.x + side.width).toBeLessThanOrEqual((viewport?.width ?? 0) + 1);
  expect(canvas.width).toBeGreaterThan(300);
}

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}
