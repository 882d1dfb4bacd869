import { expect, type Page, test } from "@playwright/test";
import { BOOKING_FLOW, INVOICE_FLOW, seedDashboardRuns } from "../fixtures/dashboard-runs";
import { createFreshWorkspace } from "../fixtures/fresh-workspace";

/** The dashboard's day labels ("Tue 10 Mar"), for a day of the workspace's zone (UTC). */
const dayLabel = (daysAgo: number) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000),
  );

/**
 * Issue #8's sync health: a workspace with seeded live runs of known outcomes and lags shows those
 * numbers in its tiles, tables and flags, leads from a failing flow to its failed runs, and keeps a
 * screenshot of the whole page as a test artifact.
 */
test("the dashboard shows runs per day, success rate, lag against target, top failures and flags", async ({
  page,
}, testInfo) => {
  const workspace = await createFreshWorkspace("dashboard");
  const { bookingFlowId } = await seedDashboardRuns(workspace.workspaceId);
  await signIn(page, workspace.email, workspace.password);

  // The tiles.
  await expect(page.getByRole("figure", { name: "Runs today" })).toContainText("9");
  const rate = page.getByRole("figure", { name: "Success rate (7 days)" });
  await expect(rate).toContainText("66.7%");
  await expect(rate).toContainText("6 of 9 finished runs");
  const attention = page.getByRole("figure", { name: "Needs attention" });
  await expect(attention).toContainText("3");
  await expect(attention.getByRole("link", { name: "Open the queue" })).toHaveAttribute("href", "/runs/attention");
  const worst = page.getByRole("figure", { name: "Worst lag (p95, 7 days)" });
  await expect(worst).toContainText("7 min 54 s");
  await expect(worst).toContainText(INVOICE_FLOW);

  // Runs per day: the chart's numbers as a table (today, and the two canceled runs of two days ago).
  const perDay = page.getByRole("table", { name: "Runs per day" });
  await expect(perDay.getByRole("row")).toHaveCount(15);
  const dayRow = (daysAgo: number) => perDay.getByRole("row", { name: new RegExp(`^${dayLabel(daysAgo)} `) });
  // Succeeded, failed or needing attention, canceled, running or waiting, total.
  await expect(dayRow(0).getByRole("cell")).toHaveText(["6", "3", "0", "0", "9"]);
  await expect(dayRow(2).getByRole("cell")).toHaveText(["0", "0", "2", "0", "2"]);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  // Lag per flow against the target of its trigger.
  const lag = page.getByRole("table", { name: "Sync lag by flow" });
  const invoiceRow = lag.getByRole("row", { name: new RegExp(`^${escapeRegExp(INVOICE_FLOW)}`) });
  await expect(invoiceRow.getByRole("cell")).toHaveText(["2", "7 min 00 s", "7 min 54 s", "5 min 00 s", "Over target"]);
  const bookingRow = lag.getByRole("row", { name: new RegExp(`^${escapeRegExp(BOOKING_FLOW)}`) });
  await expect(bookingRow.getByRole("cell")).toHaveText(["4", "25.0 s", "38.5 s", "1 min 00 s", "Within target"]);

  // Flags, one plain sentence each.
  const flags = page.getByRole("list", { name: "Flags" }).getByRole("listitem");
  await expect(flags).toHaveText([
    `Slow ${INVOICE_FLOW}: p95 lag 7.9 min, target 5 min`,
    `Failing more ${BOOKING_FLOW}: 3 failed runs in the last 7 days (42.9% of runs), none in the 4 weeks before`,
  ]);

  // The flow that failed most this week leads to its runs needing attention.
  const failing = page.getByRole("table", { name: "Flows that failed most this week" });
  await expect(failing.getByRole("row")).toHaveCount(2);
  const failingLink = failing.getByRole("link", { name: BOOKING_FLOW });
  await expect(failing.getByRole("row", { name: new RegExp(`^${escapeRegExp(BOOKING_FLOW)}`) })).toContainText("3");
  await expect(failingLink).toHaveAttribute("href", `/runs?flowId=${bookingFlowId}&status=needs_attention`);

  await page.screenshot({ path: testInfo.outputPath("dashboard.png"), fullPage: true });
  await testInfo.attach("dashboard", { path: testInfo.outputPath("dashboard.png"), contentType: "image/png" });

  await failingLink.click();
  await expect(page).toHaveURL(new RegExp(`/runs\\?flowId=${bookingFlowId}&status=needs_attention$`));
  await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
});

test("an empty workspace says so instead of drawing empty charts", async ({ page }) => {
  const workspace = await createFreshWorkspace("dashboard-empty");
  await signIn(page, workspace.email, workspace.password);
  await expect(page.getByRole("region", { name: "No flows yet" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No live runs in the last 14 days" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Runs today" })).toContainText("0");
  await expect(page.getByRole("figure", { name: "Success rate (7 days)" })).toContainText("—");
  await expect(page.getByRole("table", { name: "Runs per day" })).toHaveCount(0);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}
