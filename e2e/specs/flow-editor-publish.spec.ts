import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO_EMAIL, DEMO_PASSWORD, e2eServerEnv } from "../fixtures/server-env";

const SANDBOX_URL = `http://127.0.0.1:${e2eServerEnv().HANDOFF_SANDBOX_PORT}`;
const FLOW_NAME = "Paid bookings to invoices";
const CUSTOMER_EMAIL = "ada.lovelace@example.com";
const FREE_EMAIL = "grace.hopper@example.com";
const ROLLBACK_EMAIL = "alan.turing@example.com";

interface StripeState {
  customers: { id: string; email: string | null }[];
  invoices: {
    id: string;
    customer: string;
    status: string;
    lines: { data: { amount: number; description: string }[] };
  }[];
}

/**
 * The office manager's whole job on the canvas, by clicks only: build Cal.com booking → condition
 * (service is not "Free consultation") → HubSpot contact → Stripe customer → Stripe draft invoice,
 * map every field with the data picker, test with the sample booking and read each step's result,
 * publish, let a customer book through the sandbox and find the run on the Runs page; then change
 * the price, publish version 2, see exactly that change in the diff, and roll back to version 1.
 */
test("builds, tests, publishes, changes, diffs and rolls back a booking → invoice flow", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flows" }).click();
  await page.getByRole("button", { name: "New flow" }).first().click();
  await page.getByLabel("Flow name").fill(FLOW_NAME);
  await page.getByRole("button", { name: "Create flow" }).click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);

  // The trigger: a booking in Cal.com, through the sandbox connection.
  await page.getByText("Replace the trigger", { exact: true }).click();
  await page.getByRole("button", { name: "Replace trigger with Booking created" }).click();
  await page.getByTestId("node-trigger").click();
  await chooseConnection(page, "Cal.com sandbox");

  // Each step from the palette lands below the selected one.
  await page.getByRole("button", { name: "Condition", exact: true }).click();
  await page.getByRole("button", { name: "Find or create contact", exact: true }).click();
  await page.getByRole("button", { name: "Find or create customer", exact: true }).click();
  await page.getByRole("button", { name: "Create draft invoice", exact: true }).click();
  await expect(page.locator("[data-testid^='node-']")).toHaveCount(5);
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);

  // Condition, with the rule builder: the booked service is not "Free consultation".
  await selectNode(page, "condition");
  await page.getByRole("button", { name: "Add rule" }).click();
  await pickData(page, "Rule 1 field", ["trigger", "booking", "service"]);
  await expect(page.getByLabel("Rule 1 field", { exact: true })).toHaveValue("{{ trigger.booking.service }}");
  await page.getByLabel("Rule 1 operator").selectOption({ label: "is not" });
  await page.getByLabel("Rule 1 value", { exact: true }).fill("Free consultation");
  await expectSaved(page);

  // HubSpot: the contact found or created from the booker's email and name.
  await selectNode(page, "find_or_create_contact");
  await chooseConnection(page, "HubSpot sandbox");
  await pickData(page, "Email", ["trigger", "customer", "email"]);
  await pickData(page, "First name", ["trigger", "customer", "firstName"]);
  await pickData(page, "Last name", ["trigger", "customer", "lastName"]);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("{{ trigger.customer.email }}");
  await expectSaved(page);

  // Stripe: the invoicing customer for the same person.
  await selectNode(page, "find_or_create_customer");
  await chooseConnection(page, "Stripe sandbox");
  await pickData(page, "Email", ["trigger", "customer", "email"]);
  await pickData(page, "Name", ["trigger", "customer", "name"]);
  await expectSaved(page);

  // Stripe: a draft invoice for that customer with the booked service as its line.
  await selectNode(page, "create_draft_invoice");
  await chooseConnection(page, "Stripe sandbox");
  await pickData(page, "Customer ID", ["steps", "find_or_create_customer", "customerId"]);
  await page.getByRole("button", { name: "Add line" }).click();
  const line = page.getByRole("group", { name: "Line 1" });
  await pickData(page, "Description", ["trigger", "booking", "service"], line);
  await line.getByLabel("Unit amount").fill("8500");
  await pickData(page, "Dedupe key", ["trigger", "booking", "uid"]);
  await expectSaved(page);

  // Test with the trigger's sample booking: every step shows its result.
  await page.getByRole("tab", { name: "Test" }).click();
  await page.getByRole("button", { name: "Run test" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Test run succeeded$/ })).toBeVisible({
    timeout: 60_000,
  });
  for (const nodeId of [
    "trigger",
    "condition",
    "find_or_create_contact",
    "find_or_create_customer",
    "create_draft_invoice",
  ]) {
    await expect(page.getByTestId(`test-result-${nodeId}`)).toContainText("Succeeded");
  }
  const invoiceResult = page.getByTestId("test-result-create_draft_invoice");
  // The selected step's result is already open; open it by its summary when it is not.
  if ((await invoiceResult.locator("details").getAttribute("open")) === null) {
    await invoiceResult.locator("summary").click();
  }
  // Its input is what Stripe received (references resolved), its output the draft invoice.
  await expect(invoiceResult.getByRole("group", { name: "Create draft invoice input" })).toContainText(
    'customerId: "cus_',
  );
  await expect(invoiceResult.getByRole("group", { name: "Create draft invoice output" })).toContainText(
    'status: "draft"',
  );
  await saveCanvasScreenshot(page, testInfo);

  // Test one step alone: the Stripe customer step, fed with the last test's outputs; the invoice
  // step after it does not run this time.
  await selectNode(page, "find_or_create_customer");
  await page.getByRole("tab", { name: "Test" }).click();
  await page.getByRole("button", { name: "Test this step" }).click();
  // "Not run" only shows once the new, single-step run has finished.
  await expect(page.getByTestId("test-result-create_draft_invoice")).toContainText("Not run", { timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: /^Test run succeeded$/ })).toBeVisible();
  await expect(page.getByTestId("test-result-find_or_create_customer")).toContainText("Succeeded");

  // Publish version 1.
  await publish(page, "First version");
  await expect(page.getByTestId("flow-status")).toContainText("version 1");

  // A customer books through the Cal.com sandbox; the run lands in history and succeeds.
  const booking = await bookThroughSandbox(CUSTOMER_EMAIL, "Ada Lovelace");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(/\/runs$/);
  const runRow = page.getByRole("row").filter({ hasText: FLOW_NAME }).filter({ hasText: "Ada Lovelace" });
  await expect(async () => {
    await page.reload();
    await expect(runRow.first()).toContainText("Succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const invoice = await invoiceOf(CUSTOMER_EMAIL);
  expect(invoice?.status).toBe("draft");
  expect(invoice?.lines.data.map((item) => item.amount)).toEqual([8500]);
  expect(booking.uid).toBeTruthy();

  // A free consultation goes through the condition's "false" branch: the run succeeds, no invoice.
  await bookThroughSandbox(FREE_EMAIL, "Grace Hopper", "Free consultation");
  const freeRow = page.getByRole("row").filter({ hasText: FLOW_NAME }).filter({ hasText: "Grace Hopper" });
  await expect(async () => {
    await page.reload();
    await expect(freeRow.first()).toContainText("Succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  expect(await invoiceOf(FREE_EMAIL)).toBeUndefined();

  // Change one step — the price — and publish version 2.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flows" }).click();
  await page.getByRole("link", { name: FLOW_NAME }).click();
  await selectNode(page, "create_draft_invoice");
  await page.getByRole("group", { name: "Line 1" }).getByLabel("Unit amount").fill("9500");
  await expectSaved(page);
  await publish(page, "New price");
  await expect(page.getByTestId("flow-status")).toContainText("version 2");

  // The diff between the two versions names exactly that change.
  await page.getByRole("tab", { name: "Versions" }).click();
  const compare = page.getByRole("form", { name: "Compare two versions" });
  await compare.getByLabel("Compare").selectOption({ label: "Version 1" });
  await compare.getByLabel("with").selectOption({ label: "Version 2" });
  await compare.getByRole("button", { name: "Compare" }).click();
  const diff = page.locator(".ho-diff-list > li");
  await expect(diff).toHaveCount(1);
  await expect(diff.first()).toContainText("Changed: Create draft invoice");
  await expect(diff.first()).toContainText("8500");
  await expect(diff.first()).toContainText("9500");
  // …and on the canvas, only the invoice step is marked as changed.
  await expect(page.locator(".fe-node-diff-changed")).toHaveCount(1);
  await expect(page.locator(".fe-node-diff-changed")).toContainText("Create draft invoice");

  // Roll back: version 1 is live again, as version 3.
  const versionOne = page.getByRole("listitem", { name: "Version 1" });
  await versionOne.getByRole("button", { name: "Roll back to this version" }).click();
  await versionOne.getByRole("button", { name: "Roll back to version 1" }).click();
  await expect(page.getByText("Version 1 is live again, published as version 3.", { exact: false })).toBeVisible();
  await expect(page.getByTestId("flow-status")).toContainText("version 3");
  await compare.getByLabel("Compare").selectOption({ label: "Version 1" });
  await compare.getByLabel("with").selectOption({ label: "Version 3" });
  await compare.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByText("No changes", { exact: false })).toBeVisible();

  // Version 2 read-only, as a run links to it: its canvas, and what differs from the live version 3.
  await page.getByRole("link", { name: "View version 2" }).click();
  await expect(page).toHaveURL(/\?version=2$/);
  await expect(page.getByRole("heading", { name: `${FLOW_NAME} — version 2` })).toBeVisible();
  await expect(page.locator(".fe-palette")).toHaveCount(0);
  const versionDiff = page.locator(".ho-diff-list > li");
  await expect(versionDiff).toHaveCount(1);
  await expect(versionDiff.first()).toContainText("Changed: Create draft invoice");
  await page.getByTestId("node-create_draft_invoice").click();
  await expect(page.getByRole("group", { name: "Line 1" }).getByLabel("Unit amount")).toHaveValue("9500");
  await expect(page.getByRole("group", { name: "Line 1" }).getByLabel("Unit amount")).toBeDisabled();

  // The next booking runs version 3 = version 1: invoiced at the old price.
  await bookThroughSandbox(ROLLBACK_EMAIL, "Alan Turing");
  await expect
    .poll(async () => (await invoiceOf(ROLLBACK_EMAIL))?.lines.data[0]?.amount, { timeout: 60_000 })
    .toBe(8500);

  // Paused, the flow stops taking bookings (and leaves the sandbox to the specs after this one).
  await page.getByRole("link", { name: "← Open the editor" }).click();
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("flow-status")).toContainText("Paused");
});

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}

/** Fits the whole flow in view (the canvas follows the last added step), then opens the step. */
async function selectNode(page: Page, nodeId: string) {
  await page.getByRole("button", { name: /^fit view$/i }).click();
  await page.getByTestId(`node-${nodeId}`).click();
  await page.getByRole("tab", { name: "Step" }).click();
}

async function chooseConnection(page: Page, name: string) {
  const connection = page.getByLabel("Connection", { exact: true });
  const label = (await connection.locator("option", { hasText: name }).first().textContent())?.trim() ?? name;
  await connection.selectOption({ label });
}

/** Opens the field's data picker and walks the tree: branches open, the last item is inserted. */
async function pickData(page: Page, field: string, path: readonly string[], scope: Locator | Page = page) {
  await scope.getByRole("button", { name: `Insert data into ${field}`, exact: true }).click();
  let item: Locator | Page = page.getByRole("tree", { name: "Data from earlier steps" });
  for (const segment of path) {
    item = item.getByRole("treeitem", { name: segment, exact: true }).first();
    await item.click();
  }
}

async function expectSaved(page: Page) {
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
}

async function publish(page: Page, message: string) {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this flow" });
  await dialog.getByLabel("What changed?").fill(message);
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog).toBeHidden();
}

let bookings = 0;

async function bookThroughSandbox(email: string, name: string, service?: string): Promise<{ uid: string }> {
  // One slot per booking: the sandbox, like Cal.com, refuses a slot that is already taken.
  bookings += 1;
  const start = new Date(Date.UTC(2027, 2, 1 + bookings, 10)).toISOString();
  const response = await fetch(`${SANDBOX_URL}/_sandbox/calcom/book`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, name, start, timeZone: "Europe/London", service }),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  return (await response.json()) as { uid: string };
}

async function invoiceOf(email: string) {
  const state = (await (await fetch(`${SANDBOX_URL}/_sandbox/state?provider=stripe`)).json()) as StripeState;
  const customer = state.customers.find((item) => item.email === email);
  return state.invoices.find((item) => item.customer === customer?.id);
}

/** The built flow, fitted in a 1920×1080 editor, kept with the test results. */
async function saveCanvasScreenshot(page: Page, testInfo: import("@playwright/test").TestInfo) {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole("button", { name: /^fit view$/i }).click();
  const path = testInfo.outputPath("built-flow-canvas.png");
  await page.screenshot({ path });
  await testInfo.attach("built-flow-canvas", { path, contentType: "image/png" });
  await page.setViewportSize({ width: 1280, height: 800 });
}
