import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { DEMO_EMAIL, DEMO_PASSWORD, E2E_DATA_DIR, e2eServerEnv } from "../fixtures/server-env";

/**
 * The needs-attention queue, as the owner uses it: a failed run is found from the navigation's
 * count, assigned to themselves (and found again with "assigned to me"), a rejected delivery is
 * inspected — its forged signature never shown — and dismissed with a reason; both actions are in
 * the audit trail.
 */
test("an owner assigns a failed run to themselves and dismisses a rejected delivery with a reason", async ({
  page,
}) => {
  const { runTitle, deliveryReason, forgedSignature } = await seedAttentionItems();
  const dismissReason = `Test delivery from the vendor ${Date.now()}`;

  await signIn(page);
  // From the runs page header to the queue.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await page.getByRole("link", { name: /^Needs attention \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/\/runs\/attention$/);
  await expect(page.getByRole("heading", { level: 1, name: "Needs attention" })).toBeVisible();
  // The count in the navigation leads here too.
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^\d+ need attention$/ }),
  ).toHaveAttribute("href", "/runs/attention");

  // The failed run is in the queue; the owner takes it.
  const runRow = page.getByRole("row", { name: new RegExp(escapeRegExp(runTitle)) });
  await expect(runRow).toContainText("Failed run");
  await expect(runRow).toContainText("Stripe said: No such customer");
  await expect(runRow.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(runRow.getByRole("link", { name: "Open", exact: true })).toHaveAttribute(
    "href",
    /^\/runs\/[0-9a-f-]{36}$/,
  );
  await runRow.getByLabel("Assign to").selectOption({ label: DEMO_EMAIL });
  await expect(page.getByText(`Assigned “${runTitle}” to ${DEMO_EMAIL}.`)).toBeVisible();

  // "Assigned to: Me" shows it, and not the unassigned delivery.
  const deliveryRow = page.getByRole("row", { name: new RegExp(escapeRegExp(deliveryReason)) });
  await page.getByLabel("Assigned to").selectOption({ label: "Me" });
  await expect(runRow).toBeVisible();
  await expect(deliveryRow).toHaveCount(0);
  await page.getByLabel("Assigned to").selectOption({ label: "Anyone" });

  // The rejected delivery: its headers with the signature redacted, and no way to force it through.
  await deliveryRow.getByText("Show delivery").click();
  const headers = deliveryRow.getByRole("table", { name: "Delivery headers" });
  await expect(headers.getByRole("row", { name: /x-cal-signature-256/ })).toContainText("[redacted]");
  await expect(deliveryRow).not.toContainText(forgedSignature);
  await expect(deliveryRow.getByLabel("Delivery body")).toContainText("BOOKING_CREATED");
  await expect(deliveryRow.getByRole("button", { name: "Retry" })).toHaveCount(0);

  // Dismissing needs a reason.
  await deliveryRow.getByRole("button", { name: "Dismiss" }).click();
  const dialog = page.getByRole("dialog", { name: "Dismiss this item" });
  await dialog.getByRole("button", { name: "Dismiss" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Give a reason");
  await dialog.getByLabel("Reason").fill(dismissReason);
  await dialog.getByRole("button", { name: "Dismiss" }).click();
  await expect(dialog).toBeHidden();
  await expect(deliveryRow).toHaveCount(0);
  await expect(runRow).toBeVisible();

  // Both are in the audit trail, with who did them and why.
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  const assigned = page.getByRole("row", { name: /attention\.assigned/ }).first();
  await expect(assigned).toContainText(DEMO_EMAIL);
  const dismissed = page.getByRole("row", { name: /attention\.dismissed/ }).first();
  await expect(dismissed).toContainText(DEMO_EMAIL);
  await expect(dismissed).toContainText(`Reason: ${dismissReason}`);
});

/**
 * A failed run and a forged delivery in the demo workspace, written straight into the suite's own
 * database: the product offers no way to make a run fail or to receive a forged call on purpose,
 * and waiting out a real run's retries would take minutes. Unique titles keep it apart from other
 * specs' data.
 */
async function seedAttentionItems() {
  const tag = `${Date.now()}`;
  const password = (await readFile(path.join(E2E_DATA_DIR, "postgres-password"), "utf8")).trim();
  const client = new pg.Client({
    connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${e2eServerEnv().HANDOFF_PG_PORT}/handoff`,
  });
  await client.connect();
  try {
    const one = async (text: string, values: unknown[]) => {
      const { rows } = await client.query<{ id: string }>(text, values);
      if (!rows[0]) throw new Error(`seeding returned no row: ${text}`);
      return rows[0].id;
    };
    const workspaceId = await one(
      `select m.workspace_id as id from memberships m join users u on u.id = m.user_id where u.email = $1 limit 1`,
      [DEMO_EMAIL],
    );
    const graph = {
      schemaVersion: 2,
      nodes: [
        {
          id: "trigger",
          type: "trigger",
          connector: "core",
          operation: "webhook",
          props: {},
          label: "Webhook",
          position: { x: 0, y: 0 },
        },
      ],
      edges: [],
    };
    const flowId = await one(
      `insert into flows (workspace_id, name, hook_id, draft_graph) values ($1, $2, $3, $4) returning id`,
      [workspaceId, `Attention queue ${tag}`, `attention-${tag}`, JSON.stringify(graph)],
    );
    const versionId = await one(
      `insert into flow_versions (flow_id, number, graph, message) values ($1, 1, $2, 'seeded') returning id`,
      [flowId, JSON.stringify(graph)],
    );
    const runTitle = `Booking: Quinn Queue ${tag}`;
    await one(
      `insert into flow_runs (workspace_id, flow_id, flow_version_id, status, trigger_summary, error, started_at, finished_at)
       values ($1, $2, $3, 'needs_attention', $4, '{"message":"Stripe said: No such customer"}', now(), now())
       returning id`,
      [workspaceId, flowId, versionId, runTitle],
    );
    const deliveryReason = `401: Bad signature ${tag}`;
    const forgedSignature = `forged-signature-${tag}`;
    await one(
      `insert into trigger_events (workspace_id, flow_id, status, rejection_reason, headers, payload)
       values ($1, $2, 'rejected', $3, $4, $5) returning id`,
      [
        workspaceId,
        flowId,
        deliveryReason,
        JSON.stringify({ "content-type": "application/json", "x-cal-signature-256": forgedSignature }),
        JSON.stringify({ rawBody: '{"triggerEvent":"BOOKING_CREATED"}' }),
      ],
    );
    return { runTitle, deliveryReason, forgedSignature };
  } finally {
    await client.end();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
}
