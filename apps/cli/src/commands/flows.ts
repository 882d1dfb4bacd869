import { readFile } from "node:fs/promises";
import path from "node:path";
import { getFlow, importFlow, listFlows, publishFlow, setFlowStatus, syncTriggerSubscription } from "@handoff/services";
import type { Command } from "commander";
import { printJson, withServices } from "../with-services";

/** `handoff flows …`: list, export, import, publish, pause, resume. */
export function registerFlowCommands(program: Command): void {
  const flows = program.command("flows").description("list, import, export and publish flows");

  flows
    .command("list")
    .option("--json", "print JSON")
    .action((options: { json?: boolean }) =>
      withServices(async ({ db, workspaceId }) => {
        const rows = await listFlows({ db, workspaceId: await workspaceId() });
        if (options.json) return printJson(rows);
        for (const flow of rows) {
          process.stdout.write(`${flow.id}  ${flow.status.padEnd(6)}  v${flow.version ?? "-"}  ${flow.name}\n`);
        }
      }),
    );

  flows
    .command("export <flowId>")
    .description("print the flow (name and current version, else draft) as JSON")
    .action((flowId: string) =>
      withServices(async ({ db }) => {
        const flow = await getFlow({ db, flowId });
        printJson({
          name: flow.name,
          description: flow.description,
          graph: flow.currentVersion?.graph ?? flow.draftGraph,
        });
      }),
    );

  flows
    .command("import <file>")
    .description("create a flow from an exported file (or a bare flow document)")
    .option("--publish", "publish it right away")
    .option("-m, --message <message>", "version message when publishing", "Imported")
    .action((file: string, options: { publish?: boolean; message: string }) =>
      withServices(async ({ db, workspaceId, secretBox, publicUrl }) => {
        const input = JSON.parse(await readFile(file, "utf8")) as unknown;
        const { flow, version } = await importFlow({
          db,
          workspaceId: await workspaceId(),
          input,
          fallbackName: path.basename(file, path.extname(file)),
          publish: options.publish ? { message: options.message } : undefined,
          actorUserId: null,
        });
        const subscription = version
          ? await syncTriggerSubscription({ db, secretBox, flowId: flow.id, publicUrl })
          : "none";
        printJson({
          id: flow.id,
          name: flow.name,
          hookId: flow.hookId,
          version: version?.number ?? null,
          subscription,
        });
      }),
    );

  flows
    .command("publish <flowId>")
    .description("publish the draft as the next version")
    .requiredOption("-m, --message <message>", "what changed")
    .action((flowId: string, options: { message: string }) =>
      withServices(async ({ db, secretBox, publicUrl }) => {
        const version = await publishFlow({ db, flowId, message: options.message, actorUserId: null });
        const subscription = await syncTriggerSubscription({ db, secretBox, flowId, publicUrl });
        printJson({ flowId, version: version.number, versionId: version.id, subscription });
      }),
    );

  for (const [name, status] of [
    ["pause", "paused"],
    ["resume", "active"],
  ] as const) {
    flows
      .command(`${name} <flowId>`)
      .description(
        name === "pause"
          ? "stop running events; the provider subscription is removed (events that still arrive are recorded)"
          : "run events again (re-registers the provider subscription)",
      )
      .action((flowId: string) =>
        withServices(async ({ db, secretBox, publicUrl }) => {
          const flow = await setFlowStatus({ db, flowId, status, actorUserId: null });
          const subscription = await syncTriggerSubscription({ db, secretBox, flowId, publicUrl });
          printJson({ flowId, status: flow.status, subscription });
        }),
      );
  }
}
