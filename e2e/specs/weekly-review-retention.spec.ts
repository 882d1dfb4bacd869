import { expect, type Page, test } from "@playwright/test";
import { BOOKING_FLOW, seedDashboardRuns } from "../fixtures/dashboard-runs";
import { createFreshWorkspace } from "../fixtures/fresh-workspace";

/**
 * Issue #8's weekly review and retention: the review page lists the week's failed syncs with
 * links to their runs and offers the template that e-mails it; the owner chooses the mapping
 * owner and how long runs are kept, and that change is in the audit trail.
 */
test("the weekly review lists this week's failures, and the owner sets its recipient and retention", async ({
  page,
}) => {
  const workspace = await createFreshWorkspace("review");
  // Three live runs of the booking flow needing attention, created now (and a failed test run, not counted).
  await seedDashboardRuns(workspace.workspaceId);
  await signIn(page, workspace.email, workspace.password);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await page.getByRole("link", { name: "Weekly sync review", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Weekly sync review" })).toBeVisible();
  await expect(page.getByLabel("Period")).toHaveValue("this");

  await expect(page.getByRole("heading", { name: "Failed syncs (3)" })).toBeVisible();
  const failed = page.getByRole("table", { name: "Failed syncs" });
  await expect(failed.getByRole("row")).toHaveCount(4);
  await expect(failed.getByRole("row").nth(1)).toContainText(BOOKING_FLOW);
  await expect(page.getByRole("heading", { name: "Duplicates found by the identity service (0)" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Canceled appointments whose invoice is still open (0)" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Email this to the mapping owner every week" })).toHaveAttribute(
    "href",
    "/templates/weekly-sync-review",
  );

  // Last week held none of them.
  await page.getByLabel("Period").selectOption({ label: "Last week" });
  await expect(page.getByRole("heading", { name: "Failed syncs (0)" })).toBeVisible();
  await page.getByLabel("Period").selectOption({ label: "This week" });

  // Each failure leads to its run.
  await failed.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);

  // The owner chooses the mapping owner and the retention.
  await page.goto("/settings");
  await page.getByRole("link", { name: "Workspace", exact: true }).click();
  const form = page.getByRole("form", { name: "Weekly review and retention" });
  await expect(form.getByLabel("Keep successful runs (days)")).toHaveValue("30");
  await expect(form.getByLabel("Keep failed runs (days)")).toHaveValue("180");
  await form.getByLabel("Mapping owner").selectOption(workspace.ownerId);
  await form.getByLabel("Keep successful runs (days)").fill("0");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("alert")).toHaveText("Successful runs: keep them between 1 and 3650 days");
  await form.getByLabel("Keep successful runs (days)").fill("45");
  await form.getByLabel("Keep failed runs (days)").fill("365");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved.");

  await page.reload();
  const saved = page.getByRole("form", { name: "Weekly review and retention" });
  await expect(saved.getByLabel("Mapping owner")).toHaveValue(workspace.ownerId);
  await expect(saved.getByLabel("Keep successful runs (days)")).toHaveValue("45");
  await expect(saved.getByLabel("Keep failed runs (days)")).toHaveValue("365");

  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: /workspace\.settings_changed/ }).first()).toBeVisible();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}
