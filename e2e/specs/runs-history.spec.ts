import { expect, type Page, test } from "@playwright/test";
import { createFreshWorkspace, type FreshWorkspace } from "../fixtures/fresh-workspace";
import { E2E_PORT, e2eServerEnv } from "../fixtures/server-env";

const SANDBOX_URL = `http://127.0.0.1:${e2eServerEnv().HANDOFF_SANDBOX_PORT}`;
const FAILING = { email: "mia.wong@example.com", name: "Mia Wong" };
const OTHER = { email: "noah.berg@example.com", name: "Noah Berg" };

/**
 * The bookkeeper's question — "what happened to this customer's invoice?" — answered in the
 * browser: a booking whose invoice Stripe refused is found by the customer's email, read step by
 * step, fixed by a replay with an edited payload, and leaves the needs-attention queue; the
 * filtered list downloads as CSV with that run in it; a bookkeeper sees the same runs with no
 * controls, and the server refuses the retry the page does not offer.
 */
test.describe.configure({ mode: "serial" });

let workspace: FreshWorkspace;
let failedRunId = "";

test.beforeAll(async () => {
  workspace = await createFreshWorkspace("runs", { bookkeeper: true, template: "booking-to-contact-and-invoice" });
  // One booking that goes through, then one whose draft invoice Stripe refuses (a final 400).
  await book(OTHER, 1);
  await expect.poll(() => invoiceCount(OTHER.email), { timeout: 60_000 }).toBe(1);
  await addFault({
    provider: "stripe",
    method: "POST",
    pathPrefix: "/v1/invoices",
    times: 1,
    status: 400,
    body: {
      error: {
        type: "invalid_request_error",
        code: "resource_missing",
        message: "No such tax rate: 'txr_retired'",
        param: "default_tax_rates",
      },
    },
  });
  await book(FAILING, 2);
});

// Every Cal.com booking reaches every subscribed flow: pause this one so later specs' bookings
// reach only theirs.
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  await signIn(page, workspace.email, workspace.password);
  await page.goto(`/flows/${workspace.flowId}`);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("flow-status")).toContainText("Paused");
  await page.close();
});

test("a failed run is found by email, read step by step, fixed by replay with an edited payload, and leaves the queue", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, workspace.email, workspace.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(/\/runs$/);

  // Search by the customer's email, typed as the customer wrote it in another tool.
  const filter = page.getByRole("search", { name: "Filter runs" });
  await filter.getByLabel("Search").fill("Mia.Wong@Example.com");
  await filter.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/search=/);
  const runs = page.getByRole("table", { name: "Runs" });
  const failedRow = runs.getByRole("row").filter({ hasText: FAILING.name });
  await expect(async () => {
    await page.reload();
    await expect(failedRow.first()).toContainText("Needs attention", { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  // Only this customer's run matches: the other booking is not in the list.
  await expect(runs.getByRole("row").filter({ hasText: OTHER.name })).toHaveCount(0);

  // The CSV of this filtered list downloads, with the searched run and its business keys in it.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    filter.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = await streamText(await download.createReadStream());
  expect(csv.split("\n")[0]).toMatch(/run_id|Run/i);
  expect(csv).toContain(FAILING.email);
  expect(csv).not.toContain(OTHER.email);

  // The run, step by step: the invoice step failed with Stripe's own message.
  await failedRow.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  failedRunId = page.url().split("/").at(-1) ?? "";
  const steps = page.getByRole("list", { name: "Steps" });
  await expect(steps).toContainText("No such tax rate: 'txr_retired'");
  await expect(steps.getByRole("listitem").first()).toContainText("Succeeded");
  await expect(page.getByRole("region", { name: "Run summary" })).toContainText("Needs attention");

  // It waits in the needs-attention queue.
  await page.goto("/runs/attention");
  const queue = page.getByRole("table");
  await expect(queue.getByRole("row").filter({ hasText: FAILING.name })).toHaveCount(1);

  // Replay with an edited trigger payload (the name corrected), with the reason kept for the audit.
  await page.goto(`/runs/${failedRunId}`);
  await page.getByRole("button", { name: "Replay with edited payload" }).click();
  const form = page.getByRole("form", { name: "Replay with edited payload" });
  const payload = form.getByLabel("Trigger payload (JSON)");
  const edited = (await payload.inputValue()).replaceAll(FAILING.name, "Mia Wong-Larsen");
  await payload.fill(edited);
  await form.getByLabel("Reason").fill("Customer asked for her full name on the invoice");
  await form.getByRole("button", { name: "Replay" }).click();
  await expect(page).not.toHaveURL(new RegExp(failedRunId));
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Run summary" })).toContainText("Succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });

  // The replayed run has left the queue.
  await page.goto("/runs/attention");
  await expect(page.getByText(FAILING.name)).toHaveCount(0);
  // …and the audit trail says who replayed it, with an edited payload, and why.
  await page.goto("/settings/audit");
  await expect(page.getByText("with an edited trigger payload").first()).toBeVisible();
});

test("a bookkeeper reads the runs without controls, and the server refuses a retry anyway", async ({ page }) => {
  const bookkeeper = workspace.bookkeeper;
  if (!bookkeeper || !failedRunId) throw new Error("the first test did not leave a failed run to look at");
  await signIn(page, bookkeeper.email, bookkeeper.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  const runs = page.getByRole("table", { name: "Runs" });
  await expect(runs.getByRole("row").filter({ hasText: FAILING.name }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Select all runs shown" })).toHaveCount(0);

  await page.goto(`/runs/${failedRunId}`);
  await expect(page.getByRole("list", { name: "Steps" })).toContainText("No such tax rate");
  for (const control of ["Retry", "Replay with edited payload", "Cancel run", /Replay from/]) {
    await expect(page.getByRole("button", { name: control })).toHaveCount(0);
  }

  // The page offers nothing, and the server would not do it anyway: FORBIDDEN on runs.retry.
  const refused = await page.request.post("/api/trpc/runs.retry", {
    data: { json: { runId: failedRunId } },
    headers: { "content-type": "application/json" },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("FORBIDDEN");
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}

/** A customer books on the Cal.com sandbox's public page; one slot per booking. */
async function book(customer: { email: string; name: string }, slot: number) {
  const start = new Date(Date.UTC(2027, 5, slot, 9)).toISOString();
  const response = await fetch(`${SANDBOX_URL}/_sandbox/calcom/book`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...customer, start, timeZone: "Europe/Oslo" }),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
}

async function invoiceCount(email: string): Promise<number> {
  const state = (await (await fetch(`${SANDBOX_URL}/_sandbox/state?provider=stripe`)).json()) as {
    customers: { id: string; email: string | null }[];
    invoices: { customer: string }[];
  };
  const ids = new Set(state.customers.filter((customer) => customer.email === email).map((customer) => customer.id));
  return state.invoices.filter((invoice) => ids.has(invoice.customer)).length;
}

async function addFault(fault: Record<string, unknown>) {
  const response = await fetch(`${SANDBOX_URL}/_sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
