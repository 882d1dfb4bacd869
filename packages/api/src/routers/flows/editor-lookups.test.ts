import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { type SandboxServer, startSandboxServer } from "@handoff/sandbox";
import { createHubspotSandbox, HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN } from "@handoff/sandbox/hubspot";
import { createConnection, createUser, createWorkspace, resolveSessionMember } from "@handoff/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../root";
import { testApiContext } from "../../testing";
import { createCallerFactory } from "../../trpc";

const createCaller = createCallerFactory(appRouter);

describe("the step panel's lookups: provider options and schedule previews", () => {
  let database: TestDatabase;
  let sandbox: SandboxServer;
  let api: ReturnType<typeof createCaller>;
  let connectionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startSandboxServer({ port: 0, providers: [createHubspotSandbox()] });
    const workspaceId = (await createWorkspace({ db: database.db, name: "Roe Dental" })).id;
    const user = await createUser({
      db: database.db,
      workspaceId,
      email: "ed@roe.test",
      password: "password-1",
      role: "editor",
    });
    const context = testApiContext(
      database.db,
      await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 }),
    );
    api = createCaller(context);
    connectionId = (
      await createConnection({
        db: database.db,
        secretBox: context.secretBox,
        workspaceId,
        actorUserId: null,
        provider: "hubspot",
        name: "HubSpot sandbox",
        environment: "test",
        credentials: { token: HUBSPOT_SANDBOX_PRIVATE_APP_TOKEN },
        baseUrl: `${sandbox.url}/hubspot`,
      })
    ).id;
  });
  afterAll(async () => {
    await sandbox.close();
    await database.destroy();
  });

  it("loads deal pipelines, then the chosen pipeline's stages, from the provider", async () => {
    const pipelines = await api.flows.options({
      connector: "hubspot",
      operation: "create-deal",
      prop: "pipeline",
      connectionId,
    });
    expect(pipelines.length).toBeGreaterThan(0);
    const stages = await api.flows.options({
      connector: "hubspot",
      operation: "create-deal",
      prop: "dealstage",
      connectionId,
      props: { pipeline: pipelines[0]?.value },
    });
    expect(stages.length).toBeGreaterThan(1);
    expect(stages[0]).toEqual({ label: expect.any(String), value: expect.any(String) });
  });

  it("says which prop loads no options, and what the provider said when it fails", async () => {
    await expect(
      api.flows.options({ connector: "hubspot", operation: "create-deal", prop: "amount", connectionId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "hubspot", status: 401, times: 5 }),
    });
    const failed = await api.flows
      .options({ connector: "hubspot", operation: "create-deal", prop: "pipeline", connectionId })
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Could not load the choices"),
    });
  });

  it("shows the next five fire times of a schedule in its time zone", async () => {
    const times = await api.flows.nextFireTimes({ cron: "0 9 * * 1-5", timeZone: "Europe/Paris" });
    expect(times).toHaveLength(5);
    for (const time of times) {
      const local = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/Paris",
        hour: "2-digit",
        minute: "2-digit",
        weekday: "short",
      }).format(time);
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
    }
    await expect(api.flows.nextFireTimes({ cron: "61 * * * *", timeZone: "UTC" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.flows.nextFireTimes({ cron: "0 9 * * *", timeZone: "Mars/Olympus" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
