import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getContactAction } from "./get-contact";
import { getDealAction } from "./get-deal";
import { sandboxConnection, startHubspotSandbox } from "./test-support";

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startHubspotSandbox();
});
afterAll(() => sandbox.close());

const admin = async (action: string, body: object) =>
  (await (
    await fetch(`${sandbox.url}/_sandbox/hubspot/${action}`, { method: "POST", body: JSON.stringify(body) })
  ).json()) as { id: string };

describe("reading what HubSpot's events only name by id", () => {
  it("get-contact reads e-mail, phone, name and owner", async () => {
    const { id } = await admin("create-contact", {
      email: "Ann.Lee@Example.com",
      firstname: "Ann",
      lastname: "Lee",
      phone: "+33 6 12 34 56 78",
    });
    const { output } = await runAction(getContactAction, {
      props: { contactId: id },
      connection: sandboxConnection(sandbox),
    });
    expect(output).toMatchObject({
      contactId: id,
      email: "ann.lee@example.com",
      phone: "+33 6 12 34 56 78",
      firstName: "Ann",
      lastName: "Lee",
      name: "Ann Lee",
      ownerId: null,
    });
  });

  it("get-deal reads the amount, a custom property and the associated contact", async () => {
    const contact = await admin("create-contact", { email: "bo@example.com" });
    const deal = await admin("create-deal", {
      dealname: "Wedding hair",
      amount: "1200",
      deposit: "30%",
      email: "bo@example.com",
    });
    const { output } = await runAction(getDealAction, {
      props: { dealId: deal.id, properties: ["deposit", "not_a_property"] },
      connection: sandboxConnection(sandbox),
    });
    expect(output).toMatchObject({
      dealId: deal.id,
      dealname: "Wedding hair",
      amount: "1200",
      stage: "appointmentscheduled",
      contactIds: [contact.id],
      contactId: contact.id,
      properties: { deposit: "30%" },
    });
  });

  it("says which record is missing", async () => {
    const connection = sandboxConnection(sandbox);
    await expect(runAction(getDealAction, { props: { dealId: "999999" }, connection })).rejects.toThrow(
      "HubSpot has no deal 999999",
    );
    await expect(runAction(getContactAction, { props: { contactId: "999999" }, connection })).rejects.toThrow(
      "HubSpot has no contact 999999",
    );
  });
});
