import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlow } from "../flows/create-flow";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { AttentionInputError, assignAttention, dismissAttention } from "./act-on-attention";
import { countAttention, listAttention } from "./list-attention";

describe("the needs-attention queue against a real database", () => {
  let database: TestDatabase;
  let workspaceId: string;
  let flowId: string;
  let userId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    flowId = (await createFlow({ db: database.db, workspaceId, name: "Booking → invoice", actorUserId: null })).id;
    userId = (
      await createUser({
        db: database.db,
        workspaceId,
        email: "sam@roe.test",
        password: "password-1",
        role: "operator",
      })
    ).id;
    const q = async (text: string, values: unknown[]) =>
      (await database.pool.query<{ id: string }>(text, values)).rows[0]?.id ?? "";
    const run = (status: string, summary: string, replayOf: string | null = null) =>
      q(
        `insert into flow_runs (workspace_id, flow_id, status, trigger_summary, error, replay_of_run_id)
         values ($1, $2, $3, $4, '{"message":"Stripe said: No such customer"}', $5) returning id`,
        [workspaceId, flowId, status, summary, replayOf],
      );
    ids.stuck = await run("needs_attention", "Booking: Jane Roe");
    ids.fine = await run("succeeded", "Booking: Bob");
    ids.replayed = await run("needs_attention", "Booking: Replayed");
    await run("queued", "Replay", ids.replayed);
    ids.review = await q(
      `insert into identity_reviews (workspace_id, provider, keys, candidates) values ($1, 'hubspot', '{"email":"jane@roe.test"}', '[{"externalId":"1"},{"externalId":"2"}]') returning id`,
      [workspaceId],
    );
    ids.rejected = await q(
      `insert into trigger_events (workspace_id, flow_id, status, rejection_reason) values ($1, $2, 'rejected', 'Bad signature') returning id`,
      [workspaceId, flowId],
    );
  });
  afterAll(() => database.destroy());

  it("lists stuck runs, open identity conflicts and rejected deliveries — not replayed or fine runs", async () => {
    const items = await listAttention({ db: database.db, workspaceId });
    expect(items.map((item) => [item.kind, item.id]).sort()).toEqual(
      [
        ["identity_review", ids.review],
        ["rejected_delivery", ids.rejected],
        ["run", ids.stuck],
      ].sort(),
    );
    expect(items.find((item) => item.kind === "run")).toMatchObject({
      title: "Booking: Jane Roe",
      detail: "Stripe said: No such customer",
      flowName: "Booking → invoice",
    });
    expect(items.find((item) => item.kind === "identity_review")?.title).toBe("Which hubspot record is jane@roe.test?");
    expect(await countAttention({ db: database.db, workspaceId })).toBe(3);
  });

  it("assigns an item to a member, and only to a member", async () => {
    await assignAttention({
      db: database.db,
      workspaceId,
      kind: "run",
      id: ids.stuck ?? "",
      assigneeUserId: userId,
      actorUserId: userId,
    });
    const item = (await listAttention({ db: database.db, workspaceId })).find((i) => i.id === ids.stuck);
    expect(item?.assignedTo).toEqual({ userId, email: "sam@roe.test" });
    const stranger = (await createWorkspace({ db: database.db, name: "Other" })).id;
    const outsider = (
      await createUser({
        db: database.db,
        workspaceId: stranger,
        email: "o@x.test",
        password: "password-1",
        role: "owner",
      })
    ).id;
    await expect(
      assignAttention({
        db: database.db,
        workspaceId,
        kind: "run",
        id: ids.stuck ?? "",
        assigneeUserId: outsider,
        actorUserId: userId,
      }),
    ).rejects.toThrow(AttentionInputError);
  });

  it("lets an item leave only with a reason, closes a dismissed identity conflict, and audits both", async () => {
    await expect(
      dismissAttention({
        db: database.db,
        workspaceId,
        kind: "rejected_delivery",
        id: ids.rejected ?? "",
        reason: " ",
        actorUserId: userId,
      }),
    ).rejects.toThrow("reason");
    await dismissAttention({
      db: database.db,
      workspaceId,
      kind: "rejected_delivery",
      id: ids.rejected ?? "",
      reason: "Test delivery from the vendor",
      actorUserId: userId,
    });
    await dismissAttention({
      db: database.db,
      workspaceId,
      kind: "identity_review",
      id: ids.review ?? "",
      reason: "Two real people",
      actorUserId: userId,
    });
    expect((await listAttention({ db: database.db, workspaceId })).map((item) => item.id)).toEqual([ids.stuck]);
    const review = await database.pool.query("select status, resolution from identity_reviews where id = $1", [
      ids.review,
    ]);
    expect(review.rows[0]).toEqual({ status: "dismissed", resolution: "Two real people" });
    const audit = await database.pool.query<{ action: string; reason: string | null }>(
      "select action, reason from audit_log where action like 'attention.%' order by id",
    );
    expect(audit.rows).toEqual([
      { action: "attention.assigned", reason: null },
      { action: "attention.dismissed", reason: "Test delivery from the vendor" },
      { action: "attention.dismissed", reason: "Two real people" },
    ]);
    // A run that is retried leaves by itself: it no longer needs attention.
    await database.pool.query("update flow_runs set status = 'queued' where id = $1", [ids.stuck]);
    expect(await countAttention({ db: database.db, workspaceId })).toBe(0);
  });

  it("refuses items of another workspace or that no longer need attention", async () => {
    await expect(
      dismissAttention({
        db: database.db,
        workspaceId,
        kind: "run",
        id: ids.fine ?? "",
        reason: "x",
        actorUserId: userId,
      }),
    ).rejects.toThrow("needs attention");
  });
});
