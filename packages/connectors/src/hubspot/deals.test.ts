import { ConnectorError } from "@handoff/connector-sdk";
import { runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { HUBSPOT_DEFAULT_PIPELINE } from "@handoff/sandbox/hubspot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { associateDealContactAction } from "./associate-deal-contact";
import { createDealAction } from "./create-deal";
import { IDEMPOTENCY_PROPERTY } from "./deal-idempotency";
import { moveDealStageAction } from "./move-deal-stage";
import { dealStageOptions, pipelineOptions } from "./pipelines";
import {
  addFault,
  resetSandbox,
  sandboxAdmin,
  sandboxApi,
  sandboxConnection,
  sandboxState,
  startHubspotSandbox,
} from "./test-support";

const dealProps = { dealname: "Haircut — Jane Roe", amount: 45, dealstage: "appointmentscheduled" };

describe("hubspot create-deal, on a portal with the idempotency property", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox({ customProperties: { deals: [IDEMPOTENCY_PROPERTY] } });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => resetSandbox(sandbox));

  const create = (props: Record<string, unknown>, idempotencyKey = "run-1:create-deal-step") =>
    runAction(createDealAction, { props, idempotencyKey, connection: sandboxConnection(sandbox) });

  it("creates the deal associated with the contact, and a replay of the step finds it instead", async () => {
    const contact = await sandboxAdmin(sandbox, "create-contact", { email: "jane@example.com" });
    const props = { ...dealProps, contactId: contact.id, closedate: "2025-03-04T09:00:00+01:00" };
    const first = await create(props);
    expect(first.output).toMatchObject({ created: true });
    expect(first.output.deal.properties).toMatchObject({
      dealname: "Haircut — Jane Roe",
      amount: "45",
      pipeline: "default",
      dealstage: "appointmentscheduled",
      closedate: "2025-03-04T08:00:00.000Z",
      [IDEMPOTENCY_PROPERTY]: "run-1:create-deal-step:create-deal",
    });
    const replay = await create(props);
    expect(replay.output).toMatchObject({ dealId: first.output.dealId, created: false });
    const state = await sandboxState(sandbox);
    expect(state.deals).toHaveLength(1);
    expect(state.associations).toEqual([
      expect.objectContaining({
        fromType: "deals",
        fromId: first.output.dealId,
        toId: contact.id,
        associationTypeId: 3,
      }),
    ]);
  });

  it("creates another deal for another step, even with the same name", async () => {
    const first = await create(dealProps, "run-1:step-a");
    const second = await create(dealProps, "run-2:step-a");
    expect(second.output.dealId).not.toBe(first.output.dealId);
    expect((await sandboxState(sandbox)).deals).toHaveLength(2);
  });

  it("refuses a stage the pipeline lacks with a final validation error naming the stage", async () => {
    const failure = await create({ ...dealProps, dealstage: "paid" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({ code: "validation", kind: "final", status: 400 });
    expect((failure as ConnectorError).providerMessage).toMatch(/^Property values were not valid: dealstage: paid/);
    expect((await sandboxState(sandbox)).deals).toHaveLength(0);
  });

  it("leaves a create that failed with a 5xx to the engine, whose retry searches first", async () => {
    await addFault(sandbox, { method: "POST", pathPrefix: "/crm/v3/objects/deals", times: 1, status: 503 });
    // 503 is the one 5xx the client replays inline for a POST (the server did not take it).
    const { output } = await create(dealProps);
    expect(output.created).toBe(true);
    await addFault(sandbox, { method: "POST", pathPrefix: "/crm/v3/objects/deals", times: 1, status: 500 });
    await expect(create(dealProps, "run-3:step")).rejects.toMatchObject({ code: "server_error", kind: "retriable" });
    expect((await sandboxState(sandbox)).deals).toHaveLength(1);
  });
});

describe("hubspot create-deal, on a portal without the idempotency property", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => resetSandbox(sandbox));

  it("falls back to the deal's name, pipeline, amount and contact to stay idempotent", async () => {
    const contact = await sandboxAdmin(sandbox, "create-contact", { email: "fallback@example.com" });
    const connection = sandboxConnection(sandbox);
    const props = { ...dealProps, contactId: contact.id };
    const first = await runAction(createDealAction, { props, connection });
    expect(first.output.created).toBe(true);
    expect(first.logs.map((entry) => entry.message)).toContainEqual(expect.stringContaining(IDEMPOTENCY_PROPERTY));
    const replay = await runAction(createDealAction, { props, connection });
    expect(replay.output).toMatchObject({ dealId: first.output.dealId, created: false });
    const otherAmount = await runAction(createDealAction, { props: { ...props, amount: "60" }, connection });
    expect(otherAmount.output.created).toBe(true);
    expect((await sandboxState(sandbox)).deals).toHaveLength(2);
  });
});

describe("hubspot deal stage, associations and pipeline options", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => resetSandbox(sandbox));

  const newDeal = () =>
    sandboxApi(sandbox, "/crm/v3/objects/deals", {
      properties: { dealname: "D", dealstage: "appointmentscheduled" },
    });

  it("moves a deal to another stage", async () => {
    const deal = await newDeal();
    const { output } = await runAction(moveDealStageAction, {
      props: { dealId: deal.id, dealstage: "closedwon" },
      connection: sandboxConnection(sandbox),
    });
    expect(output).toMatchObject({ dealId: deal.id, dealstage: "closedwon" });
    expect((await sandboxState(sandbox)).deals[0]?.properties.dealstage).toBe("closedwon");
  });

  it("refuses an unknown stage (final, HubSpot's words) and an unknown deal (not_found)", async () => {
    const deal = await newDeal();
    const connection = sandboxConnection(sandbox);
    const invalid = await runAction(moveDealStageAction, { props: { dealId: deal.id, dealstage: "won" }, connection })
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(invalid).toMatchObject({ code: "validation", kind: "final" });
    expect((invalid as ConnectorError).providerMessage).toContain("won was not one of the allowed options");
    await expect(
      runAction(moveDealStageAction, { props: { dealId: "987654", dealstage: "closedwon" }, connection }),
    ).rejects.toMatchObject({ code: "not_found", kind: "final" });
  });

  it("associates a deal with a contact once, however often it runs", async () => {
    const deal = await newDeal();
    const contact = await sandboxAdmin(sandbox, "create-contact", { email: "assoc@example.com" });
    const props = { dealId: deal.id, contactId: contact.id };
    const connection = sandboxConnection(sandbox);
    const { output } = await runAction(associateDealContactAction, { props, connection });
    expect(output).toEqual({ dealId: deal.id, contactId: contact.id, associated: true });
    await runAction(associateDealContactAction, { props, connection });
    expect((await sandboxState(sandbox)).associations).toHaveLength(1);
    await expect(
      runAction(associateDealContactAction, { props: { ...props, contactId: "424242" }, connection }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("loads pipelines and the chosen pipeline's stages as options", async () => {
    const ctx = { connection: sandboxConnection(sandbox), signal: new AbortController().signal };
    expect(await pipelineOptions({ ...ctx, props: {} })).toEqual([{ label: "Sales Pipeline", value: "default" }]);
    const stages = await dealStageOptions({ ...ctx, props: { pipeline: "default" } });
    expect(stages.map((stage) => stage.value)).toEqual(HUBSPOT_DEFAULT_PIPELINE.stages.map((stage) => stage.id));
    expect(stages[5]).toEqual({ label: "Closed Won", value: "closedwon" });
  });
});
