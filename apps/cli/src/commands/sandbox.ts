import { defaultSandboxProviders, startSandboxServer } from "@handoff/sandbox";
import type { Command } from "commander";
import { readCliEnv } from "../env";
import { printJson } from "../with-services";

/** `handoff sandbox serve`: the local provider emulators, until stopped. */
export async function sandboxServeCommand(options: { port: string; host?: string; smtpPort?: string }): Promise<void> {
  const server = await startSandboxServer({
    port: Number(options.port),
    host: options.host ?? "127.0.0.1",
    providers: defaultSandboxProviders(options.smtpPort ? { smtpPort: Number(options.smtpPort) } : {}),
  });
  process.stdout.write(`sandbox emulators listening on ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("disconnect", stop);
}

function sandboxUrl(): string {
  const env = readCliEnv();
  return process.env.HANDOFF_SANDBOX_URL || `http://127.0.0.1:${env.HANDOFF_SANDBOX_PORT}`;
}

/** One scripted action of a running emulator; its answer is printed as JSON, errors exit non-zero. */
async function sandboxCall(method: "GET" | "POST", path: string, body?: unknown): Promise<void> {
  const url = `${sandboxUrl()}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
  } catch {
    throw new Error(
      `the sandbox is not running at ${sandboxUrl()} (start it with \`npm start\` or \`handoff sandbox serve\`)`,
    );
  }
  const answer = (await response.json()) as unknown;
  if (!response.ok) {
    const message = (answer as { error?: unknown }).error;
    throw new Error(
      `sandbox answered ${response.status}: ${typeof message === "string" ? message : JSON.stringify(answer)}`,
    );
  }
  printJson(answer);
}

/** `handoff sandbox …`: what a customer or the provider's own screens would do, for demos and tests. */
export function registerSandboxCommands(program: Command): void {
  const sandbox = program.command("sandbox").description("drive the local provider emulators");
  sandbox
    .command("serve")
    .description("run the emulators")
    .option("--port <port>", "port to listen on", "3100")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--smtp-port <port>", "port of the mail emulator's SMTP server")
    .action(sandboxServeCommand);

  const calcom = sandbox.command("calcom").description("the Cal.com emulator: a customer books, reschedules, cancels");
  calcom
    .command("book")
    .requiredOption("--email <email>", "the attendee's e-mail")
    .requiredOption("--name <name>", "the attendee's name")
    .requiredOption("--start <iso>", "start time, ISO 8601")
    .option("--tz <zone>", "the attendee's IANA time zone")
    .option("--service <name>", "event type title or slug")
    .option("--phone <phone>", "the attendee's phone")
    .action((options: { email: string; name: string; start: string; tz?: string; service?: string; phone?: string }) =>
      sandboxCall("POST", "/_sandbox/calcom/book", {
        email: options.email,
        name: options.name,
        start: options.start,
        ...(options.tz ? { timeZone: options.tz } : {}),
        ...(options.service ? { service: options.service } : {}),
        ...(options.phone ? { phone: options.phone } : {}),
      }),
    );
  calcom
    .command("reschedule <uid>")
    .requiredOption("--start <iso>", "the new start time, ISO 8601")
    .action((uid: string, options: { start: string }) =>
      sandboxCall("POST", "/_sandbox/calcom/reschedule", { uid, start: options.start }),
    );
  calcom
    .command("cancel <uid>")
    .option("--reason <text>", "why")
    .action((uid: string, options: { reason?: string }) =>
      sandboxCall("POST", "/_sandbox/calcom/cancel", { uid, ...(options.reason ? { reason: options.reason } : {}) }),
    );

  const stripe = sandbox.command("stripe").description("the Stripe emulator: customers pay invoices");
  stripe
    .command("pay <invoiceId>")
    .option("--amount <cents>", "pay part of the invoice (smallest currency unit); the rest when omitted")
    .action((invoiceId: string, options: { amount?: string }) =>
      sandboxCall("POST", "/_sandbox/stripe/pay", {
        invoiceId,
        ...(options.amount ? { amount: Number(options.amount) } : {}),
      }),
    );
  stripe
    .command("fail-payment <invoiceId>")
    .action((invoiceId: string) => sandboxCall("POST", "/_sandbox/stripe/fail-payment", { invoiceId }));
  stripe
    .command("issue-invoice")
    .description("the business invoices a customer from its dashboard: finalized and e-mailed, open")
    .requiredOption("--email <email>", "the customer's e-mail (an existing customer with it is reused)")
    .requiredOption("--description <text>", "the service on the invoice line")
    .requiredOption("--amount <cents>", "price before tax and discount, in the smallest currency unit")
    .option("--name <name>", "the customer's name, for a new customer")
    .option("--phone <phone>", "the customer's phone, for a new customer")
    .option("--currency <code>", "three-letter ISO code", "eur")
    .option("--tax-rate <id>", "a tax rate, e.g. txr_1HandoffVat20Exclusive")
    .option("--coupon <id>", "a coupon for the discount, e.g. SANDBOX10")
    .option("--days-until-due <days>", "days from today to the due date", "14")
    .action((options: IssueInvoiceOptions) =>
      sandboxCall("POST", "/_sandbox/stripe/issue-invoice", {
        email: options.email,
        description: options.description,
        amount: wholeNumber(options.amount, "--amount"),
        currency: options.currency,
        daysUntilDue: wholeNumber(options.daysUntilDue, "--days-until-due"),
        ...(options.name ? { name: options.name } : {}),
        ...(options.phone ? { phone: options.phone } : {}),
        ...(options.taxRate ? { taxRate: options.taxRate } : {}),
        ...(options.coupon ? { coupon: options.coupon } : {}),
      }),
    );
  stripe
    .command("overdue <invoiceId>")
    .description("let an open invoice go overdue: its due date passes, Stripe sends invoice.overdue")
    .option("--days-late <days>", "how many days ago it fell due", "1")
    .action((invoiceId: string, options: { daysLate: string }) =>
      sandboxCall("POST", "/_sandbox/stripe/overdue", {
        invoiceId,
        daysLate: wholeNumber(options.daysLate, "--days-late"),
      }),
    );

  const hubspot = sandbox.command("hubspot").description("the HubSpot emulator: what a user does in the CRM");
  hubspot
    .command("create-contact")
    .requiredOption("--email <email>", "e-mail")
    .option("--firstname <name>", "first name")
    .option("--lastname <name>", "last name")
    .option("--phone <phone>", "phone")
    .action((options: { email: string; firstname?: string; lastname?: string; phone?: string }) =>
      sandboxCall("POST", "/_sandbox/hubspot/create-contact", options),
    );
  hubspot
    .command("create-deal")
    .description("a deal for a contact, in an open stage (win it with win-deal)")
    .requiredOption("--name <name>", "deal name, e.g. the service sold")
    .option("--amount <amount>", "deal amount in the currency, e.g. 1200 or 1200.50")
    .option("--contact <contactId>", "the contact the deal is for")
    .option("--email <email>", "or the e-mail of that contact")
    .option("--deposit <deposit>", 'deposit asked before the work: "30%" of the amount, or an amount, e.g. 300')
    .option("--stage <stage>", "stage id", "appointmentscheduled")
    .action((options: CreateDealOptions) =>
      sandboxCall("POST", "/_sandbox/hubspot/create-deal", {
        dealname: options.name,
        dealstage: options.stage,
        ...(options.amount ? { amount: options.amount } : {}),
        ...(options.contact ? { contactId: options.contact } : {}),
        ...(options.email ? { email: options.email } : {}),
        ...(options.deposit ? { deposit: options.deposit } : {}),
      }),
    );
  hubspot
    .command("win-deal <dealId>")
    .description("move the deal to Closed Won")
    .action((dealId: string) =>
      sandboxCall("POST", "/_sandbox/hubspot/update-deal-stage", { dealId, stage: "closedwon" }),
    );
  hubspot
    .command("move-deal <dealId>")
    .requiredOption("--stage <stage>", "stage id, e.g. closedwon")
    .action((dealId: string, options: { stage: string }) =>
      sandboxCall("POST", "/_sandbox/hubspot/update-deal-stage", { dealId, stage: options.stage }),
    );

  sandbox
    .command("clock")
    .description("move the emulators' clock (due dates, token expiry)")
    .option("--advance <duration>", "e.g. 3600000 (ms), 90m, 36h, 7d")
    .action((options: { advance?: string }) =>
      options.advance
        ? sandboxCall("POST", "/_sandbox/clock", { advanceMs: parseDuration(options.advance) })
        : sandboxCall("GET", "/_sandbox/clock"),
    );

  for (const provider of ["calcom", "hubspot", "stripe", "mail"]) {
    const group = sandbox.commands.find((command) => command.name() === provider) ?? sandbox.command(provider);
    group
      .command("state")
      .description(`everything the ${provider} emulator holds`)
      .option("--json", "print JSON (the only format)")
      .action(() => sandboxCall("GET", `/_sandbox/state?provider=${provider}`));
  }
}

interface IssueInvoiceOptions {
  email: string;
  description: string;
  amount: string;
  name?: string;
  phone?: string;
  currency: string;
  taxRate?: string;
  coupon?: string;
  daysUntilDue: string;
}

interface CreateDealOptions {
  name: string;
  amount?: string;
  contact?: string;
  email?: string;
  deposit?: string;
  stage: string;
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`${option} takes a whole number (got "${text}")`);
  return Number(text);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new Error(`--advance takes a number of ms or e.g. 90m, 36h, 7d (got "${text}")`);
  return Number(match[1]) * (UNIT_MS[match[2] ?? "ms"] ?? 1);
}
