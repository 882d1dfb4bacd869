import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetSandbox, sandboxApi, sandboxConnection, sandboxState, startHubspotSandbox } from "./test-support";
import { updateDealAction, ZUpdateDealProps } from "./update-deal";
import { updateTaskAction, ZUpdateTaskProps } from "./update-task";

describe("hubspot update-task and update-deal", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => resetSandbox(sandbox));

  const newTask = () =>
    sandboxApi(sandbox, "/crm/v3/objects/tasks", {
      properties: {
        hs_task_subject: "Appointment: Haircut with Jane Roe",
        hs_timestamp: "2026-11-24T13:00:00Z",
        hs_task_status: "NOT_STARTED",
      },
    });

  it("moves a task to a new due time and renames it, leaving the fields not given alone", async () => {
    const task = await newTask();
    const { output } = await runAction(updateTaskAction, {
      props: { taskId: task.id, dueAt: "2026-11-26T10:00:00+01:00", subject: "Appointment: Haircut (moved)", body: "" },
      connection: sandboxConnection(sandbox),
    });
    expect(output.taskId).toBe(task.id);
    const [stored] = (await sandboxState(sandbox)).tasks;
    expect(stored?.properties).toMatchObject({
      hs_task_subject: "Appointment: Haircut (moved)",
      hs_timestamp: "2026-11-26T09:00:00.000Z",
      hs_task_status: "NOT_STARTED",
    });
  });

  it("closes a task: COMPLETED, with HubSpot's completion date, and again without harm", async () => {
    const task = await newTask();
    const connection = sandboxConnection(sandbox);
    await runAction(updateTaskAction, { props: { taskId: task.id, status: "COMPLETED" }, connection });
    await runAction(updateTaskAction, { props: { taskId: task.id, status: "COMPLETED" }, connection });
    const [stored] = (await sandboxState(sandbox)).tasks;
    expect(stored?.properties.hs_task_status).toBe("COMPLETED");
    expect(stored?.properties.hs_task_completion_date).toBeTruthy();
  });

  it("refuses an update that changes nothing, and a task HubSpot does not have is a final 404", async () => {
    expect(ZUpdateTaskProps.safeParse({ taskId: "1", subject: "" }).error?.issues[0]?.message).toBe(
      "give at least one of subject, body, dueAt, status or priority to change",
    );
    await expect(
      runAction(updateTaskAction, {
        props: { taskId: "999999", status: "COMPLETED" },
        connection: sandboxConnection(sandbox),
      }),
    ).rejects.toMatchObject({ kind: "final", status: 404 });
  });

  it("sets a deal's close date and name, and refuses a stage outside its pipeline (400, final)", async () => {
    const deal = await sandboxApi(sandbox, "/crm/v3/objects/deals", {
      properties: { dealname: "Haircut — Jane Roe — 24 Nov", dealstage: "appointmentscheduled", amount: "45" },
    });
    const connection = sandboxConnection(sandbox);
    const { output } = await runAction(updateDealAction, {
      props: { dealId: deal.id, dealname: "Haircut — Jane Roe — 26 Nov", closedate: "2026-11-26T10:00:00+01:00" },
      connection,
    });
    expect(output.deal.properties).toMatchObject({
      dealname: "Haircut — Jane Roe — 26 Nov",
      closedate: "2026-11-26T09:00:00.000Z",
      amount: "45",
      dealstage: "appointmentscheduled",
    });
    await expect(
      runAction(updateDealAction, { props: { dealId: deal.id, dealstage: "paid-ish" }, connection }),
    ).rejects.toMatchObject({ kind: "final", status: 400 });
    expect(ZUpdateDealProps.safeParse({ dealId: deal.id, properties: {} }).success).toBe(false);
  });
});
