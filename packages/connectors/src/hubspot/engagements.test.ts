import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createNoteAction } from "./create-note";
import { createTaskAction } from "./create-task";
import {
  resetSandbox,
  sandboxAdmin,
  sandboxApi,
  sandboxConnection,
  sandboxState,
  startHubspotSandbox,
} from "./test-support";
import { updateContactAction } from "./update-contact";

describe("hubspot tasks, notes and contact updates", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => resetSandbox(sandbox));

  async function contactAndDeal() {
    const contact = await sandboxAdmin(sandbox, "create-contact", { email: "jane@example.com" });
    const deal = await sandboxApi(sandbox, "/crm/v3/objects/deals", { properties: { dealname: "D" } });
    return { contactId: contact.id, dealId: deal.id };
  }

  it("creates a task due at a time, linked to the contact and the deal", async () => {
    const ids = await contactAndDeal();
    const { output } = await runAction(createTaskAction, {
      props: {
        subject: "Call Jane about the overdue invoice",
        body: "INV-0042 is 7 days late",
        dueAt: "2025-03-04T10:00:00+01:00",
        priority: "HIGH",
        ...ids,
      },
      connection: sandboxConnection(sandbox),
    });
    expect(output.task.properties).toMatchObject({
      hs_task_subject: "Call Jane about the overdue invoice",
      hs_task_body: "INV-0042 is 7 days late",
      hs_timestamp: "2025-03-04T09:00:00.000Z",
      hs_task_status: "NOT_STARTED",
      hs_task_priority: "HIGH",
    });
    const links = (await sandboxState(sandbox)).associations.filter((link) => link.fromType === "tasks");
    expect(links).toEqual([
      expect.objectContaining({
        fromId: output.taskId,
        toType: "contacts",
        toId: ids.contactId,
        associationTypeId: 204,
      }),
      expect.objectContaining({ fromId: output.taskId, toType: "deals", toId: ids.dealId, associationTypeId: 216 }),
    ]);
  });

  it("refuses a task without a readable due time before calling HubSpot", async () => {
    await expect(
      runAction(createTaskAction, {
        props: { subject: "S", dueAt: "next tuesday" },
        connection: sandboxConnection(sandbox),
      }),
    ).rejects.toThrow(/not a date-time/);
  });

  it("reports a task linked to a missing contact as a final validation error", async () => {
    await expect(
      runAction(createTaskAction, {
        props: { subject: "S", dueAt: "2025-03-04T10:00:00Z", contactId: "777777" },
        connection: sandboxConnection(sandbox),
      }),
    ).rejects.toMatchObject({ code: "validation", kind: "final" });
  });

  it("adds a note to the contact's and the deal's timeline", async () => {
    const ids = await contactAndDeal();
    const { output } = await runAction(createNoteAction, {
      props: { body: "Paid invoice INV-0042", timestamp: "2025-03-04T09:00:00Z", ...ids },
      connection: sandboxConnection(sandbox),
    });
    expect(output.note.properties).toMatchObject({
      hs_note_body: "Paid invoice INV-0042",
      hs_timestamp: "2025-03-04T09:00:00.000Z",
    });
    const links = (await sandboxState(sandbox)).associations.filter((link) => link.fromType === "notes");
    expect(links.map((link) => link.associationTypeId)).toEqual([202, 214]);
  });

  it("updates a contact, overwriting, and refuses an email another contact has (409, final)", async () => {
    const jane = await sandboxAdmin(sandbox, "create-contact", { email: "jane@example.com", firstname: "Jane" });
    await sandboxAdmin(sandbox, "create-contact", { email: "taken@example.com" });
    const connection = sandboxConnection(sandbox);
    const { output } = await runAction(updateContactAction, {
      props: { contactId: jane.id, properties: { firstname: "Janet", lifecyclestage: "customer" } },
      connection,
    });
    expect(output.contact.properties).toMatchObject({ firstname: "Janet", lifecyclestage: "customer" });
    await expect(
      runAction(updateContactAction, {
        props: { contactId: jane.id, properties: { email: "Taken@Example.com" } },
        connection,
      }),
    ).rejects.toMatchObject({ code: "conflict", kind: "final", status: 409 });
  });
});
