import { expect, type Page, test } from "@playwright/test";
import { createFreshWorkspace } from "../fixtures/fresh-workspace";
import { e2eServerEnv } from "../fixtures/server-env";

const SANDBOX = `http://127.0.0.1:${e2eServerEnv().HANDOFF_SANDBOX_PORT}`;
const SLUG = "booking-to-contact-and-invoice";

interface StripeState {
  invoices: { id: string; status: string; customer_email: string | null }[];
}

/**
 * Issue #9's promise, by clicks: a workspace with nothing but its test connections installs
 * template 1 from the gallery and publishes it; a customer books through the Cal.com sandbox; the
 * run succeeds on the runs page and the draft invoice is in the Stripe sandbox.
 */
test("installs the booking template from an empty workspace, and a booking becomes a draft invoice", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  const workspace = await createFreshWorkspace("templates");
  await signIn(page, workspace.email, workspace.password);

  // An empty workspace: its flows page sends the owner to the templates.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flows" }).click();
  const empty = page.getByRole("region", { name: "No flows yet" });
  await expect(empty).toBeVisible();
  await empty.getByRole("link", { name: "Browse templates" }).click();

  // The gallery: search and category live in the URL.
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  await page.getByLabel("Category").selectOption({ label: "Appointments" });
  await page.getByLabel("Search templates").fill("booking");
  await expect(page).toHaveURL(/[?&]q=booking/);
  await expect(page).toHaveURL(/[?&]category=appointments/);
  const card = page.getByRole("list", { name: "Templates" }).locator(`a[href="/templates/${SLUG}"]`);
  const title = (await card.textContent())?.trim() ?? "";
  expect(title).not.toBe("");
  await card.click();

  // The template page: the flow on the canvas, read-only, and its steps in plain words.
  await expect(page).toHaveURL(new RegExp(`/templates/${SLUG}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Flow canvas" }).locator("[data-testid^='node-']").first(),
  ).toBeVisible();
  expect(await page.getByRole("region", { name: "What it does" }).getByRole("listitem").count()).toBeGreaterThan(1);

  // Use template: each connection preselected to the workspace's sandbox test connection.
  await page.getByRole("button", { name: "Use template" }).click();
  const form = page.getByRole("form", { name: "Use this template" });
  const selects = form.getByRole("group", { name: "Connections" }).getByRole("combobox");
  await expect(selects.first()).toBeVisible();
  expect(await selects.count()).toBeGreaterThan(1);
  for (const select of await selects.all()) {
    await expect(select).not.toHaveValue("");
    await expect(select.locator("option:checked")).toHaveText(/sandbox$/);
  }
  await expect(form.getByLabel("Flow name")).toHaveValue(title);
  await form.getByRole("button", { name: "Create and publish" }).click();

  // The new flow opens in the editor, live.
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("flow-status")).toHaveText("Active · version 1");

  // A customer books through the Cal.com sandbox's booking page, as `handoff sandbox calcom book` does.
  const customer = `jane.${Date.now().toString(36)}@example.com`;
  const booking = await request.post(`${SANDBOX}/_sandbox/calcom/book`, {
    data: {
      email: customer,
      name: "Jane Roe",
      start: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      timeZone: "Europe/Paris",
      phone: "+33612345678",
    },
  });
  expect(booking.status(), await booking.text()).toBe(201);

  // The run succeeds (the runs page is read again until it shows).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
  const runRow = page.getByRole("table", { name: "Runs" }).getByRole("row").filter({ hasText: title });
  await expect(async () => {
    await page.reload();
    await expect(runRow.first()).toContainText("Succeeded", { timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 3_000] });
  await expect(runRow).toHaveCount(1);

  // The draft invoice is in the Stripe sandbox, for this customer.
  const invoices = async () => {
    const state = (await (await request.get(`${SANDBOX}/_sandbox/state?provider=stripe`)).json()) as StripeState;
    return state.invoices.filter((invoice) => invoice.customer_email === customer).map((invoice) => invoice.status);
  };
  await expect.poll(invoices, { timeout: 10_000 }).toEqual(["draft"]);
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}
