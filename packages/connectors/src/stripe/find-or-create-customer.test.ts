import { ConnectorError } from "@handoff/connector-sdk";
import { createMemoryIdentity, runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findOrCreateCustomerAction } from "./find-or-create-customer";
import {
  type Json,
  resetSandbox,
  sandboxConnection,
  sandboxRequests,
  sandboxState,
  startStripeSandbox,
  stripeApi,
} from "./test-support";

let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startStripeSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox));

const run = (props: unknown, options: { identity?: ReturnType<typeof createMemoryIdentity>; key?: string } = {}) =>
  runAction(findOrCreateCustomerAction, {
    props,
    connection: sandboxConnection(sandbox),
    idempotencyKey: options.key ?? "run-1:customer",
    ...(options.identity ? { identity: options.identity } : {}),
  });

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe("find-or-create-customer", () => {
  it("creates the customer with the lower-cased email and an E.164 phone, and links it", async () => {
    const identity = createMemoryIdentity("FR");
    const { output } = await run(
      { email: " Jane.Roe@Example.com ", phone: "06 12 34 56 78", name: "Jane Roe", metadata: { crm_id: "1001" } },
      { identity },
    );
    expect(output).toMatchObject({ created: true, matchedBy: "created" });
    expect(output.customer).toMatchObject({
      id: output.customerId,
      email: "jane.roe@example.com",
      phone: "+33612345678",
      name: "Jane Roe",
      metadata: { crm_id: "1001" },
    });
    expect(identity.customers).toHaveLength(1);
    expect(identity.customers[0]?.links.get("stripe")).toBe(output.customerId);
    const create = (await sandboxRequests(sandbox)).find((request) => request.method === "POST");
    expect(create?.path).toBe("/v1/customers");
  });

  it("creates once when the same step runs twice with the same idempotency key", async () => {
    const first = await run({ email: "ann@example.com", name: "Ann" });
    const second = await run({ email: "ann@example.com", name: "Ann" });
    expect(second.output).toMatchObject({ customerId: first.output.customerId, created: false, matchedBy: "email" });
    expect((await sandboxState(sandbox)).customers).toHaveLength(1);
  });

  it("replays Stripe's first answer when search has not caught up with a phone-only customer", async () => {
    const lagging = await startStripeSandbox({ searchLagMs: 60_000 });
    try {
      const connection = sandboxConnection(lagging);
      const props = { phone: "+33 6 12 34 56 78" };
      const first = await runAction(findOrCreateCustomerAction, { props, connection, idempotencyKey: "run-9:c" });
      // Search cannot see it yet: only the Idempotency-Key stops a second customer.
      const again = await runAction(findOrCreateCustomerAction, { props, connection, idempotencyKey: "run-9:c" });
      expect(again.output.customerId).toBe(first.output.customerId);
      expect(((await sandboxState(lagging)) as Json).customers).toHaveLength(1);
    } finally {
      await lagging.close();
    }
  });

  it("finds a customer by email whatever its case in the step, through the link or the email", async () => {
    const identity = createMemoryIdentity("FR");
    const created = await run({ email: "jane.roe@example.com", name: "Jane Roe" }, { identity, key: "run-1:c" });
    const linked = await run({ email: "JANE.Roe@EXAMPLE.com" }, { identity, key: "run-2:c" });
    expect(linked.output).toMatchObject({ customerId: created.output.customerId, created: false, matchedBy: "link" });
    const byEmail = await run({ email: "JANE.Roe@EXAMPLE.com" }, { identity: createMemoryIdentity(), key: "run-3:c" });
    expect(byEmail.output).toMatchObject({ customerId: created.output.customerId, matchedBy: "email" });
    expect((await sandboxState(sandbox)).customers).toHaveLength(1);
  });

  it("goes past a linked customer deleted in Stripe, and links the one it finds or makes", async () => {
    const identity = createMemoryIdentity("FR");
    const first = await run({ email: "gone@example.com" }, { identity, key: "run-1:c" });
    await stripeApi(sandbox, "DELETE", `/v1/customers/${first.output.customerId}`);
    const second = await run({ email: "gone@example.com" }, { identity, key: "run-2:c" });
    expect(second.output).toMatchObject({ created: true, matchedBy: "created" });
    expect(second.output.customerId).not.toBe(first.output.customerId);
    expect(identity.customers[0]?.links.get("stripe")).toBe(second.output.customerId);
  });

  it("sends two customers with the same email to review and fails for good", async () => {
    const a = await stripeApi(sandbox, "POST", "/v1/customers", { email: "twin@example.com", name: "Twin A" });
    const b = await stripeApi(sandbox, "POST", "/v1/customers", { email: "twin@example.com", name: "Twin B" });
    const identity = createMemoryIdentity("FR");
    const error = await failure(run({ email: "Twin@example.com", name: "Twin" }, { identity }));
    expect(error).toMatchObject({ code: "conflict", kind: "final" });
    expect(error.message).toContain("sent to the review queue (review-1)");
    expect(identity.reviews).toEqual([
      {
        provider: "stripe",
        email: "twin@example.com",
        phone: undefined,
        name: "Twin",
        candidates: [
          { externalId: b.id, matchedBy: "email", label: "Twin B <twin@example.com>" },
          { externalId: a.id, matchedBy: "email", label: "Twin A <twin@example.com>" },
        ],
      },
    ]);
    expect((await sandboxState(sandbox)).customers).toHaveLength(2);
    expect(identity.customers).toHaveLength(0);
  });

  it("creates the customer without matching once a person decided these keys are new, then finds it by link", async () => {
    await stripeApi(sandbox, "POST", "/v1/customers", { email: "twin@example.com", name: "Twin A" });
    await stripeApi(sandbox, "POST", "/v1/customers", { email: "twin@example.com", name: "Twin B" });
    const memory = createMemoryIdentity("FR");
    // The identity map's answer once "None of these — create new" is recorded for these keys.
    const identity: typeof memory = {
      ...memory,
      async lookup(provider, keys) {
        const known = await memory.lookup(provider, keys);
        return known.status === "linked" ? known : { status: "decided_new", reviewId: "review-7" };
      },
    };
    const first = await run({ email: "Twin@example.com", name: "Twin C" }, { identity, key: "run-5:customer" });
    expect(first.output).toMatchObject({ created: true, matchedBy: "created" });
    expect(first.output.customer).toMatchObject({ email: "twin@example.com", name: "Twin C" });
    expect(memory.customers[0]?.links.get("stripe")).toBe(first.output.customerId);
    const again = await run({ email: "twin@example.com", name: "Twin C" }, { identity, key: "run-6:customer" });
    expect(again.output).toMatchObject({ customerId: first.output.customerId, created: false, matchedBy: "link" });
    expect((await sandboxState(sandbox)).customers).toHaveLength(3);
    expect(memory.reviews).toEqual([]);
  });

  it("matches by phone through search, fills in the missing email, and reviews two phone matches", async () => {
    const existing = await stripeApi(sandbox, "POST", "/v1/customers", { phone: "+33612345678", name: "Jane" });
    // A national number is read with the workspace's country, which the identity map knows.
    const { output } = await run(
      { email: "jane@example.com", phone: "0612345678" },
      { identity: createMemoryIdentity("FR"), key: "run-4:c" },
    );
    expect(output).toMatchObject({ customerId: existing.id, created: false, matchedBy: "phone" });
    expect(output.customer).toMatchObject({ email: "jane@example.com", name: "Jane" });

    await stripeApi(sandbox, "POST", "/v1/customers", { phone: "+33612345678", name: "Someone else" });
    const identity = createMemoryIdentity("FR");
    const error = await failure(run({ phone: "+33 6 12 34 56 78" }, { identity, key: "run-5:c" }));
    expect(error.code).toBe("conflict");
    expect(identity.reviews[0]?.candidates.map((candidate) => candidate.matchedBy)).toEqual(["phone", "phone"]);
  });

  it("needs an email or a phone it can read, and never matches on the name", async () => {
    expect(() => findOrCreateCustomerAction.props.parse({ name: "Jane Roe" })).toThrow(/give an email or a phone/);
    const error = await failure(run({ phone: "not a phone", name: "Jane Roe" }));
    expect(error).toMatchObject({ code: "validation", kind: "final" });
    expect(await sandboxRequests(sandbox)).toEqual([]);
  });
});
