import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createFlow, createWorkspace } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runsExportResponse } from "./runs-export-response";

describe("the runs CSV download", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let otherWorkspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    otherWorkspaceId = (await createWorkspace({ db: database.db, name: "Elsewhere" })).id;
    const flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: null })).id;
    const otherFlowId = (
      await createFlow({ db: database.db, workspaceId: otherWorkspaceId, name: "Theirs", actorUserId: null })
    ).id;
    const insert = (id: string, workspace: string, flow: string, status: string, summary: string, keys: string[]) =>
      database.pool.query(
        `insert into flow_runs (id, workspace_id, flow_id, status, trigger_summary, business_keys)
         values ($1, $2, $3, $4::run_status, $5, $6)`,
        [id, workspace, flow, status, summary, keys],
      );
    await insert("00000000-0000-4000-8000-000000000001", workspaceId, flowId, "needs_attention", "Booking: Jane Roe", [
      "jane.roe@typo.example",
    ]);
    await insert("00000000-0000-4000-8000-000000000002", workspaceId, flowId, "succeeded", "Booking: Ann Lee", [
      "ann@roe.test",
    ]);
    await insert("00000000-0000-4000-8000-000000000003", otherWorkspaceId, otherFlowId, "needs_attention", "Theirs", [
      "jane.roe@typo.example",
    ]);
  });
  afterAll(() => database.destroy());

  const download = (params: Record<string, string>, workspace = workspaceId) =>
    runsExportResponse({ db: database.db, workspaceId: workspace, params: new URLSearchParams(params) });

  it("holds the searched run of the member's workspace, found by the email as typed", async () => {
    const response = await download({ search: "  Jane.Roe@TYPO.example ", status: "needs_attention" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="handoff-runs-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("00000000-0000-4000-8000-000000000001");
    expect(lines[1]).toContain("Booking: Jane Roe");
    expect(lines[1]).toContain("jane.roe@typo.example");
  });

  it("exports every run of the workspace without filters, and none of another's", async () => {
    const body = await (await download({})).text();
    expect(body).toContain("00000000-0000-4000-8000-000000000001");
    expect(body).toContain("00000000-0000-4000-8000-000000000002");
    expect(body).not.toContain("00000000-0000-4000-8000-000000000003");
  });

  it("refuses filters that make no sense, saying which", async () => {
    const response = await download({ version: "latest" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "version: A version is a whole number, e.g. 3" });
  });
});
