import { createSecretBox } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "../connections/create-connection";
import { createWorkspace } from "../workspaces/create-workspace";
import { listTemplateConnectionChoices } from "./list-template-connection-choices";

const secretBox = createSecretBox(Buffer.alloc(32, 7).toString("base64"));

describe("listTemplateConnectionChoices", () => {
  let database: TestDatabase;
  let workspaceId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    workspaceId = (await createWorkspace({ db: database.db, name: "Salon" })).id;
    const otherWorkspaceId = (await createWorkspace({ db: database.db, name: "Elsewhere" })).id;
    const connect = async (key: string, provider: string, environment: "test" | "live", inWorkspace = workspaceId) => {
      ids[key] = (
        await createConnection({
          db: database.db,
          secretBox,
          workspaceId: inWorkspace,
          actorUserId: null,
          provider,
          name: key,
          environment,
          credentials: { token: `token_${key}_12345678` },
        })
      ).id;
    };
    await connect("Cal.com live", "calcom", "live");
    await connect("Cal.com test", "calcom", "test");
    await connect("Stripe live", "stripe", "live");
    await connect("Other salon's HubSpot", "hubspot", "test", otherWorkspaceId);
    await database.pool.query("update connections set status = 'reconnect_needed' where name = 'Cal.com live'");
  });
  afterAll(() => database.destroy());

  it("groups each role's connections by environment and suggests the test one", async () => {
    const choices = await listTemplateConnectionChoices({
      db: database.db,
      workspaceId,
      roles: [
        { role: "calendar", provider: "calcom" },
        { role: "invoicing", provider: "stripe" },
        { role: "crm", provider: "hubspot" },
      ],
    });
    expect(choices).toEqual([
      {
        role: "calendar",
        provider: "calcom",
        test: [{ id: ids["Cal.com test"], name: "Cal.com test", status: "ok" }],
        live: [{ id: ids["Cal.com live"], name: "Cal.com live", status: "reconnect_needed" }],
        suggestedConnectionId: ids["Cal.com test"],
      },
      // Only live: nothing is chosen for the person, live accounts are picked on purpose.
      {
        role: "invoicing",
        provider: "stripe",
        test: [],
        live: [{ id: ids["Stripe live"], name: "Stripe live", status: "ok" }],
        suggestedConnectionId: null,
      },
      // Another workspace's connection is never offered.
      { role: "crm", provider: "hubspot", test: [], live: [], suggestedConnectionId: null },
    ]);
  });

  it("answers nothing for a template without connections", async () => {
    expect(await listTemplateConnectionChoices({ db: database.db, workspaceId, roles: [] })).toEqual([]);
  });
});
