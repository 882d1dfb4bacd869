import { ConnectorError } from "@handoff/connector-sdk";
import { createMemoryIdentity, runAction } from "@handoff/connector-sdk/testing";
import type { SandboxServer } from "@handoff/sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findOrCreateContactAction } from "./find-or-create-contact";
import {
  addFault,
  resetSandbox,
  sandboxAdmin,
  sandboxConnection,
  sandboxRequests,
  sandboxState,
  startHubspotSandbox,
} from "./test-support";

describe("hubspot find-or-create-contact", () => {
  let sandbox: SandboxServer;
  beforeAll(async () => {
    sandbox = await startHubspotSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => resetSandbox(sandbox));

  const run = (props: Record<string, unknown>, identity?: ReturnType<typeof createMemoryIdentity>) =>
    runAction(findOrCreateContactAction, {
      props,
      connection: sandboxConnection(sandbox),
      ...(identity ? { identity } : {}),
    });

  it("creates the contact with a lower-cased email, then finds it by email instead of creating twice", async () => {
    const props = { email: "Jane.Roe@Example.com", firstName: "Jane", lastName: "Roe", properties: { city: "Lyon" } };
    const first = await run(props);
    expect(first.output).toMatchObject({ created: true, matchedBy: "created" });
    expect(first.output.contact.properties).toMatchObject({ email: "jane.roe@example.com", firstname: "Jane" });
    const second = await run(props);
    expect(second.output).toMatchObject({ contactId: first.output.contactId, created: false, matchedBy: "email" });
    const state = await sandboxState(sandbox);
    expect(state.contacts).toHaveLength(1);
    expect(state.contacts[0]?.properties).toMatchObject({ city: "Lyon", lastname: "Roe" });
    // The email read is the strongly consistent `idProperty=email` GET, not a search.
    const reads = (await sandboxRequests(sandbox)).filter((request) => request.method === "GET");
    expect(reads[0]?.query).toContain("idProperty=email");
  });

  it("fills in what a matched contact lacks but never overwrites what is there", async () => {
    const existing = await sandboxAdmin(sandbox, "create-contact", { email: "ann@example.com", firstname: "Ann" });
    const { output } = await run({ email: "ann@example.com", firstName: "Annie", phone: "+33 6 12 34 56 78" });
    expect(output).toMatchObject({ contactId: existing.id, matchedBy: "email", created: false });
    expect(output.contact.properties).toMatchObject({ firstname: "Ann", phone: "+33612345678" });
    const [stored] = (await sandboxState(sandbox)).contacts;
    expect(stored?.properties).toMatchObject({ firstname: "Ann", phone: "+33612345678" });
  });

  it("finds a contact by phone written differently, normalised to E.164 with the workspace's country", async () => {
    const existing = await sandboxAdmin(sandbox, "create-contact", {
      email: "paul@example.com",
      phone: "+33612345678",
    });
    const identity = createMemoryIdentity("FR");
    const { output } = await run({ phone: "06 12 34 56 78", firstName: "Paul" }, identity);
    expect(output).toMatchObject({ contactId: existing.id, matchedBy: "phone", created: false });
    expect((await sandboxState(sandbox)).contacts).toHaveLength(1);
    expect(identity.customers).toHaveLength(1);
    expect(identity.customers[0]?.links.get("hubspot")).toBe(existing.id);
  });

  it("uses the identity link first, even when the email changed since", async () => {
    const identity = createMemoryIdentity("FR");
    const first = await run({ email: "old@example.com", phone: "+33 6 98 76 54 32" }, identity);
    expect(first.output.matchedBy).toBe("created");
    // Same customer (same phone in the identity map), new email: the link finds the contact.
    const again = await run({ email: "new@example.com", phone: "0698765432" }, identity);
    expect(again.output).toMatchObject({ contactId: first.output.contactId, matchedBy: "link", created: false });
    expect((await sandboxState(sandbox)).contacts).toHaveLength(1);
  });

  it("goes on matching when the linked contact was deleted in HubSpot", async () => {
    const identity = createMemoryIdentity("FR");
    const first = await run({ email: "gone@example.com" }, identity);
    const deleted = await fetch(`${sandbox.url}/hubspot/crm/v3/objects/contacts/${first.output.contactId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${sandboxConnection(sandbox).credentials.token}` },
    });
    expect(deleted.status).toBe(204);
    const again = await run({ email: "gone@example.com" }, identity);
    expect(again.output).toMatchObject({ matchedBy: "created", created: true });
    expect(again.output.contactId).not.toBe(first.output.contactId);
    expect(identity.customers[0]?.links.get("hubspot")).toBe(again.output.contactId);
  });

  it("sends two contacts sharing the phone to review and fails for good instead of guessing", async () => {
    const one = await sandboxAdmin(sandbox, "create-contact", { email: "a@example.com", phone: "+33611111111" });
    const two = await sandboxAdmin(sandbox, "create-contact", { email: "b@example.com", phone: "+33611111111" });
    const identity = createMemoryIdentity("FR");
    const failure = await run({ phone: "06 11 11 11 11", firstName: "A" }, identity).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect(failure).toMatchObject({ code: "conflict", kind: "final" });
    expect((failure as Error).message).toContain("review queue (review-1)");
    expect(identity.reviews).toEqual([
      expect.objectContaining({
        provider: "hubspot",
        phone: "+33611111111",
        candidates: [
          expect.objectContaining({ externalId: one.id, matchedBy: "phone" }),
          expect.objectContaining({ externalId: two.id, matchedBy: "phone" }),
        ],
      }),
    ]);
    expect((await sandboxState(sandbox)).contacts).toHaveLength(2);
  });

  it("creates the contact without matching once a person decided these keys are new, then finds it by link", async () => {
    await sandboxAdmin(sandbox, "create-contact", { email: "a@example.com", phone: "+33611111111" });
    await sandboxAdmin(sandbox, "create-contact", { email: "b@example.com", phone: "+33611111111" });
    const memory = createMemoryIdentity("FR");
    // The identity map's answer once "None of these — create new" is recorded for these keys.
    const identity: typeof memory = {
      ...memory,
      async lookup(provider, keys) {
        const known = await memory.lookup(provider, keys);
        return known.status === "linked" ? known : { status: "decided_new", reviewId: "review-7" };
      },
    };
    const first = await run({ phone: "06 11 11 11 11", firstName: "Joan" }, identity);
    expect(first.output).toMatchObject({ created: true, matchedBy: "created" });
    expect(first.output.contact.properties).toMatchObject({ phone: "+33611111111", firstname: "Joan" });
    expect(memory.customers[0]?.links.get("hubspot")).toBe(first.output.contactId);
    const again = await run({ phone: "+33 6 11 11 11 11", firstName: "Joan" }, identity);
    expect(again.output).toMatchObject({ contactId: first.output.contactId, created: false, matchedBy: "link" });
    expect((await sandboxState(sandbox)).contacts).toHaveLength(3);
    expect(memory.reviews).toEqual([]);
  });

  it("adopts the contact named in a 409 CONTACT_EXISTS (created between our read and our create)", async () => {
    const existing = await sandboxAdmin(sandbox, "create-contact", { email: "race@example.com" });
    // The email read misses it, as if it did not exist yet; the create then meets HubSpot's real 409.
    await addFault(sandbox, {
      method: "GET",
      pathPrefix: "/crm/v3/objects/contacts/",
      times: 1,
      status: 404,
      body: { status: "error", message: "resource not found", category: "OBJECT_NOT_FOUND" },
    });
    const { output } = await run({ email: "race@example.com", lastName: "Racer" });
    expect(output).toMatchObject({ contactId: existing.id, matchedBy: "conflict_existing", created: false });
    expect(output.contact.properties.lastname).toBe("Racer");
    expect((await sandboxState(sandbox)).contacts).toHaveLength(1);
  });

  it("refuses props without an email or a usable phone", async () => {
    await expect(run({ firstName: "Nobody" })).rejects.toThrow(/email or a phone/);
    await expect(run({ phone: "not a phone" })).rejects.toMatchObject({ code: "validation", kind: "final" });
    await expect(run({ email: "nope" })).rejects.toThrow(/not a valid e-mail/);
  });

  it("finds a phone-only contact it just created through the identity link, though search has not indexed it", async () => {
    const lagging = await startHubspotSandbox({ searchIndexingLagMs: 60_000 });
    try {
      const identity = createMemoryIdentity("FR");
      const props = { phone: "06 22 33 44 55", firstName: "Lea" };
      const connection = sandboxConnection(lagging);
      const first = await runAction(findOrCreateContactAction, { props, connection, identity });
      const again = await runAction(findOrCreateContactAction, { props, connection, identity });
      expect(again.output).toMatchObject({ contactId: first.output.contactId, matchedBy: "link", created: false });
      expect((await sandboxState(lagging)).contacts).toHaveLength(1);
    } finally {
      await lagging.close();
    }
  });

  it("keeps a phone that does not parse as typed, matching on the email only", async () => {
    const { output } = await run({ email: "odd@example.com", phone: "12" });
    expect(output.contact.properties).toMatchObject({ email: "odd@example.com", phone: "12" });
  });
});
