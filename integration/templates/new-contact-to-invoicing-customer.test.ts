import { replayRun } from "@handoff/services";
import { getTemplate } from "@handoff/templates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CrmRecord, type StripeState, startTemplateHarness, type TemplateHarness } from "./support";

interface Identity {
  email: string | null;
  phone: string | null;
  links: string[];
}

// Runs once the template is registered: it reads the new contact with HubSpot's get-contact action.
describe.skipIf(!getTemplate("new-contact-to-invoicing-customer"))(
  "template new-contact-to-invoicing-customer, from a new HubSpot contact to one identity in Stripe",
  () => {
    let harness: TemplateHarness;
    let flowId: string;

    /** The identity map: each customer with the tools it is linked in, "provider:external id". */
    const identities = async () =>
      (
        await harness.database.pool.query<Identity>(
          `select c.email, c.phone,
                  array(select l.provider || ':' || l.external_id from customer_links l
                         where l.customer_id = c.id order by l.provider) as links
             from customers c order by c.email`,
        )
      ).rows;
    const stripeCustomers = async (email: string) =>
      (await harness.state<StripeState>("stripe")).customers.filter((customer) => customer.email === email);

    beforeAll(async () => {
      harness = await startTemplateHarness("new-contact-template");
      const installed = await harness.install("new-contact-to-invoicing-customer");
      expect(installed).toMatchObject({ publishedVersion: 1, subscription: "subscribed" });
      flowId = installed.flowId;
    }, 120_000);

    afterAll(() => harness?.close());

    it("a new contact with no customer yet: one Stripe customer, one identity linked in both tools", async () => {
      const contact = await harness.cli<CrmRecord>([
        "sandbox",
        "hubspot",
        "create-contact",
        "--email",
        "Cleo.Moreau@Example.com",
        "--firstname",
        "Cléo",
        "--lastname",
        "Moreau",
        "--phone",
        "06 12 34 56 78",
      ]);
      const [run] = await harness.waitForRuns(flowId, 1);
      expect(run?.status).toBe("succeeded");

      const [customer, ...more] = await stripeCustomers("cleo.moreau@example.com");
      expect(more).toEqual([]);
      // The workspace's country (FR) reads the local number; Stripe gets it in E.164.
      expect(customer).toMatchObject({
        name: "Cléo Moreau",
        phone: "+33612345678",
        metadata: expect.objectContaining({ hubspot_contact_id: contact.id }),
      });
      const steps = await harness.steps(run?.id ?? "");
      expect(steps.find((step) => step.node_id === "customer")?.output).toMatchObject({
        created: true,
        matchedBy: "created",
      });
      expect(await identities()).toEqual([
        {
          email: "cleo.moreau@example.com",
          phone: "+33612345678",
          links: [`hubspot:${contact.id}`, `stripe:${customer?.id}`],
        },
      ]);
    }, 90_000);

    it("a contact whose e-mail already has a Stripe customer is linked to it, not created again", async () => {
      const existing = await harness.api<{ id: string }>("stripe", "POST", "/v1/customers", {
        email: "dan@example.com",
        name: "Dan Okafor (billing)",
        metadata: { source: "invoicing" },
      });
      const contact = await harness.cli<CrmRecord>([
        "sandbox",
        "hubspot",
        "create-contact",
        "--email",
        "dan@example.com",
        "--firstname",
        "Dan",
        "--lastname",
        "Okafor",
      ]);
      const runs = await harness.waitForRuns(flowId, 2);
      expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded"]);

      expect(await stripeCustomers("dan@example.com")).toEqual([
        // Invoicing keeps what it has: the name is not overwritten by the CRM's.
        expect.objectContaining({ id: existing.id, name: "Dan Okafor (billing)" }),
      ]);
      const steps = await harness.steps(runs[1]?.id ?? "");
      expect(steps.find((step) => step.node_id === "customer")?.output).toMatchObject({
        customerId: existing.id,
        created: false,
        matchedBy: "email",
      });
      expect((await identities()).find((identity) => identity.email === "dan@example.com")?.links).toEqual([
        `hubspot:${contact.id}`,
        `stripe:${existing.id}`,
      ]);
    }, 90_000);

    it("a re-delivered or replayed contact event makes no second customer", async () => {
      const deliveries = (await (await fetch(`${harness.sandbox.url}/_sandbox/webhooks?provider=hubspot`)).json()) as {
        id: string;
        body: string;
      }[];
      const created = deliveries.filter((delivery) => delivery.body.includes('"contact.creation"'));
      await fetch(`${harness.sandbox.url}/_sandbox/webhooks/${created[0]?.id}/resend`, { method: "POST" });
      await harness.sandbox.context.outbox.idle();
      expect(await harness.runs(flowId)).toHaveLength(2);

      const [first] = await harness.runs(flowId);
      await replayRun({ db: harness.database.db, runId: first?.id ?? "", actorUserId: null });
      const runs = await harness.waitForRuns(flowId, 3);
      expect(runs.map((run) => run.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
      const replayed = await harness.steps(runs[2]?.id ?? "");
      expect(replayed.find((step) => step.node_id === "customer")?.output).toMatchObject({ matchedBy: "link" });
      expect((await harness.state<StripeState>("stripe")).customers).toHaveLength(2);
      expect(await identities()).toHaveLength(2);
    }, 90_000);
  },
);
