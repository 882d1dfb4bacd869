import { Command } from "commander";
import { benchCommand, SCENARIOS } from "./bench/bench-command";
import { createUserCommand } from "./commands/create-user";
import { registerFlowCommands } from "./commands/flows";
import { migrateCommand } from "./commands/migrate";
import { registerRotateKeyCommand } from "./commands/rotate-key";
import { registerRunCommands } from "./commands/runs";
import { registerSandboxCommands } from "./commands/sandbox";
import { startCommand } from "./commands/start";
import { registerTemplateCommands } from "./commands/templates";

const program = new Command("handoff")
  .description("Handoff: self-hosted integrations for your CRM, calendar and invoicing tools")
  .showHelpAfterError();

program
  .command("start")
  .description("run the whole product: database (embedded unless DATABASE_URL is set), web app, worker, sandboxes")
  .option("--rebuild", "rebuild the web app before starting")
  .action(startCommand);

program.command("migrate").description("apply database migrations and exit").action(migrateCommand);

program
  .command("create-user")
  .description("add a person to the workspace (the first user must be the owner)")
  .requiredOption("--email <email>", "their email address")
  .requiredOption("--role <role>", "owner | editor | operator | viewer")
  .option("--name <name>", "their display name")
  .option("--password <password>", "their password (generated and printed when omitted)")
  .action(createUserCommand);

program
  .command("bench")
  .description("measure throughput, latency, ingest, memory, history queries and start time")
  .option("--quick", "a short run (under a minute or two) for smoke checks")
  .option("--profile <dir>", "write V8 CPU profiles of the worker processes into <dir>")
  .option("--only <scenarios>", `run only these, comma-separated: ${SCENARIOS.join(", ")}`)
  .action(benchCommand);

registerFlowCommands(program);
registerRunCommands(program);
registerTemplateCommands(program);

registerRotateKeyCommand(program);
registerSandboxCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`handoff: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
