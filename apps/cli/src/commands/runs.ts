import { readFile } from "node:fs/promises";
import { getRun, listRuns, replayRun, retryRun, retryRuns } from "@handoff/services";
import type { Command } from "commander";
import { printJson, withServices } from "../with-services";

/** `handoff runs …`: list, show, retry, replay. */
export function registerRunCommands(program: Command): void {
  const runs = program.command("runs").description("inspect, retry and replay runs");

  runs
    .command("list")
    .option("--flow <flowId>", "only this flow's runs")
    .option("--status <status>", "queued | running | waiting | succeeded | needs_attention | failed | canceled")
    .option("--limit <n>", "how many, newest first", "50")
    .option("--json", "print JSON")
    .action((options: { flow?: string; status?: string; limit: string; json?: boolean }) =>
      withServices(async ({ db, workspaceId }) => {
        const rows = await listRuns({
          db,
          workspaceId: await workspaceId(),
          flowId: options.flow,
          status: options.status,
          limit: Number(options.limit),
        });
        if (options.json) return printJson(rows);
        for (const run of rows) {
          process.stdout.write(
            `${run.id}  ${run.status.padEnd(15)}  ${run.createdAt}  ${run.flowName}  ${run.summary}\n`,
          );
        }
      }),
    );

  runs
    .command("show <runId>")
    .option("--json", "print JSON (every step with input, output and error)")
    .action((runId: string, options: { json?: boolean }) =>
      withServices(async ({ db }) => {
        const run = await getRun({ db, runId });
        if (options.json) return printJson(run);
        process.stdout.write(`${run.id}  ${run.status}  v${run.version}  ${run.summary}\n`);
        for (const step of run.steps) {
          const error = (step.error as { message?: string } | null)?.message;
          process.stdout.write(
            `  ${step.stepKey.padEnd(24)} ${step.status.padEnd(10)} ${step.durationMs ?? "-"}ms${error ? `  ${error}` : ""}\n`,
          );
        }
      }),
    );

  runs
    .command("retry [runIds...]")
    .description("run again; steps that succeeded are not repeated. Without ids: every run matching --status/--flow")
    .option("--status <status>", "needs_attention | failed | waiting (with no ids)", "needs_attention")
    .option("--flow <flowId>", "only this flow's runs (with no ids)")
    .action((runIds: string[], options: { status: "needs_attention" | "failed" | "waiting"; flow?: string }) =>
      withServices(async ({ db, workspaceId }) => {
        if (runIds.length === 1 && runIds[0])
          return printJson(await retryRun({ db, runId: runIds[0], actorUserId: null }));
        const result = await retryRuns({
          db,
          workspaceId: await workspaceId(),
          runIds: runIds.length > 0 ? runIds : undefined,
          filter: { status: options.status, flowId: options.flow },
          actorUserId: null,
        });
        printJson(result);
        if (result.refused.length > 0) process.exitCode = 1;
      }),
    );

  runs
    .command("replay <runId>")
    .description("a new run of the same version, from a step or with a corrected payload")
    .option("--from-step <nodeId>", "re-run this step and what follows; earlier outputs are reused")
    .option("--payload <file>", "JSON file with the corrected trigger payload")
    .option("--reason <text>", "why (kept in the audit trail)")
    .action((runId: string, options: { fromStep?: string; payload?: string; reason?: string }) =>
      withServices(async ({ db }) => {
        const payload = options.payload ? (JSON.parse(await readFile(options.payload, "utf8")) as unknown) : undefined;
        printJson(
          await replayRun({
            db,
            runId,
            fromNodeId: options.fromStep,
            payload,
            reason: options.reason,
            actorUserId: null,
          }),
        );
      }),
    );
}
