import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { NotFoundError } from "../flows/errors";
import { createWorkspace } from "../workspaces/create-workspace";
import { DELIVERY_BODY_PREVIEW_CHARS, getRejectedDelivery, REDACTED, redactDeliveryHeaders } from "./rejected-delivery";

describe("a rejected delivery as the queue shows it", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let flowId: string;

  const insertEvent = async (status: string, payload: unknown, headers: unknown) =>
    (
      await database.pool.query<{ id: string }>(
        `insert into trigger_events (workspace_id, flow_id, status, rejection_reason, payload, headers)
         values ($1, $2, $3, '401: Bad signature', $4, $5) returning id`,
        [workspaceId, flowId, status, JSON.stringify(payload), JSON.stringify(headers)],
      )
    ).rows[0]?.id ?? "";

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Bookings", actorUserId: null })).id;
  });
  afterAll(() => database.destroy());

  it("shows the reason, the headers with signatures and tokens redacted, and the start of the body", async () => {
    const body = `{"triggerEvent":"BOOKING_CREATED","note":"${"x".repeat(DELIVERY_BODY_PREVIEW_CHARS)}"}`;
    const id = await insertEvent(
      "rejected",
      { rawBody: body },
      {
        "content-type": "application/json",
        "x-cal-signature-256": "9f86d081884c7d659a2feaa0c55ad015",
        Authorization: "Bearer sk_live_123",
        "user-agent": "Cal.com",
      },
    );
    const delivery = await getRejectedDelivery({ db: database.db, workspaceId, id });
    expect(delivery).toMatchObject({ id, flowId, flowName: "Bookings", reason: "401: Bad signature" });
    expect(delivery.headers).toEqual([
      { name: "Authorization", value: REDACTED },
      { name: "content-type", value: "application/json" },
      { name: "user-agent", value: "Cal.com" },
      { name: "x-cal-signature-256", value: REDACTED },
    ]);
    expect(JSON.stringify(delivery)).not.toMatch(/9f86d081|sk_live_123/);
    expect(delivery.bodyPreview).toBe(body.slice(0, DELIVERY_BODY_PREVIEW_CHARS));
    expect(delivery.bodyTruncated).toBe(true);
  });

  it("has no body preview when none was kept, and shows a parsed payload as JSON", async () => {
    const none = await insertEvent("rejected", null, {});
    expect(await getRejectedDelivery({ db: database.db, workspaceId, id: none })).toMatchObject({
      headers: [],
      bodyPreview: null,
      bodyTruncated: false,
    });
    const parsed = await insertEvent("rejected", { uid: "bk_1" }, { "x-hubspot-signature-v3": "abc" });
    expect(await getRejectedDelivery({ db: database.db, workspaceId, id: parsed })).toMatchObject({
      headers: [{ name: "x-hubspot-signature-v3", value: REDACTED }],
      bodyPreview: '{\n  "uid": "bk_1"\n}',
    });
  });

  it("is found only in its workspace, and only when it was rejected", async () => {
    const accepted = await insertEvent("accepted", { uid: "bk_2" }, {});
    await expect(getRejectedDelivery({ db: database.db, workspaceId, id: accepted })).rejects.toThrow(NotFoundError);
    const rejected = await insertEvent("rejected", null, {});
    const other = (await createWorkspace({ db: database.db, name: "Other" })).id;
    await expect(getRejectedDelivery({ db: database.db, workspaceId: other, id: rejected })).rejects.toThrow(
      NotFoundError,
    );
  });

  it("redacts whatever shape of headers it is given", () => {
    expect(redactDeliveryHeaders(null)).toEqual([]);
    expect(redactDeliveryHeaders(["a"])).toEqual([]);
    expect(redactDeliveryHeaders({ "stripe-signature": "t=1,v1=abc", "x-api-key": "k", n: 1 })).toEqual([
      { name: "n", value: "1" },
      { name: "stripe-signature", value: REDACTED },
      { name: "x-api-key", value: REDACTED },
    ]);
  });
});
