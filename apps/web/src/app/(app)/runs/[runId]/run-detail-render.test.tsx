import type { AppRouter } from "@handoff/api";
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from "@handoff/flow-core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { TRPCProvider } from "~/trpc/react";
import type { RunDetail } from "../types";
import { RunDetailView } from "./run-detail-view";

// The first paint of a run's page from a pre-filled query cache, per role: nothing talks to a server.

const FLOW_ID = "00000000-0000-4000-8000-0000000000f1";
const RUN_ID = "00000000-0000-4000-8000-0000000000a1";
const ORIGINAL_ID = "00000000-0000-4000-8000-0000000000a0";

const graph: FlowDocument = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      connector: "core",
      operation: "webhook",
      props: {},
      label: "Booking",
      position: { x: 0, y: 0 },
    },
    {
      id: "invoice",
      type: "action",
      connector: "stripe",
      operation: "create-draft-invoice",
      props: {},
      label: "Create invoice",
      position: { x: 0, y: 120 },
    },
  ],
  edges: [{ id: "e1", source: "trigger", sourceHandle: null, target: "invoice" }],
};

const failedRun: RunDetail = {
  id: RUN_ID,
  flowId: FLOW_ID,
  version: 2,
  status: "needs_attention",
  attempt: 1,
  error: {
    nodeId: "invoice",
    nodeLabel: "Create invoice",
    kind: "final",
    code: "validation",
    message: 'Step "Create invoice" (invoice) failed: the email is invalid',
    status: 400,
    providerMessage: "Invalid email: jane.roe@typo.example",
  },
  summary: "Booking: Jane Roe, Tue 14:00 Europe/Paris",
  businessKeys: ["jane.roe@typo.example", "INV-0042"],
  replayOf: ORIGINAL_ID,
  replayFromStep: "invoice",
  createdAt: "2025-03-01T09:00:00.000Z",
  sourceEventAt: "2025-03-01T08:59:58.000Z",
  startedAt: "2025-03-01T09:00:00.500Z",
  finishedAt: "2025-03-01T09:00:02.000Z",
  syncLagMs: 4_000,
  trigger: { email: "jane.roe@typo.example" },
  steps: [
    {
      stepKey: "trigger",
      nodeId: "trigger",
      status: "succeeded",
      attempt: 1,
      input: null,
      output: { email: "jane.roe@typo.example", apiKey: "[redacted]" },
      outputTruncated: false,
      error: null,
      startedAt: "2025-03-01T09:00:00.500Z",
      finishedAt: "2025-03-01T09:00:00.600Z",
      durationMs: 100,
    },
    {
      stepKey: "invoice",
      nodeId: "invoice",
      status: "failed",
      attempt: 1,
      input: { email: "jane.roe@typo.example" },
      output: { previous: { hostedInvoiceUrl: "https://pay.example/i/abc", invoicePdf: "javascript:alert(1)" } },
      outputTruncated: false,
      error: { kind: "final", code: "validation", message: "the email is invalid", status: 400, retryAt: null },
      startedAt: "2025-03-01T09:00:00.600Z",
      finishedAt: "2025-03-01T09:00:02.000Z",
      durationMs: 1_400,
    },
  ],
};

function render(run: RunDetail, canOperate: boolean): string {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/unused", transformer: superjson })],
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(trpc.runs.get.queryKey({ runId: run.id }), run);
  queryClient.setQueryData(trpc.flows.get.queryKey({ flowId: FLOW_ID }), {
    id: FLOW_ID,
    name: "Bookings → invoices",
    status: "active",
    draft: graph,
    draftRevision: 4,
    currentVersion: { number: 2, createdAt: new Date("2025-02-01T00:00:00Z") },
    hookUrl: "https://handoff.test/api/hooks/abc",
    hasHookSecret: false,
    problems: [],
  });
  queryClient.setQueryData(trpc.flows.version.queryKey({ flowId: FLOW_ID, number: 2 }), {
    number: 2,
    graph,
    message: "v2",
    createdAt: new Date("2025-02-01T00:00:00Z"),
  });
  return renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RunDetailView runId={run.id} canOperate={canOperate} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("a run's page", () => {
  it("shows the run's facts, its exact version, what happens next, and each step's data", () => {
    const html = render(failedRun, true);
    const page = text(html);
    expect(html).toMatch(/<h1>Booking: Jane Roe, Tue 14:00 Europe\/Paris<\/h1>/);
    expect(html).toContain(`href="/flows/${FLOW_ID}"`);
    expect(html).toMatch(new RegExp(`<a href="/flows/${FLOW_ID}\\?version=2">Version 2</a>`));
    expect(page).toContain("(the current version)");
    expect(html).toMatch(new RegExp(`<a href="/runs/${ORIGINAL_ID}">Run 00000000</a> from the step “Create invoice”`));
    expect(html).toMatch(/<li class="ho-badge">jane\.roe@typo\.example<\/li>/);
    expect(page).toContain("The provider said: Invalid email: jane.roe@typo.example");
    expect(page).toContain("Needs attention: the provider refused the data");
    expect(page).toContain("Sync lag 4.0 s");
    // The failed step is open, with its error, its data as trees, and only the safe link.
    expect(html).toMatch(/<details open="">\s*<summary><strong>Create invoice<\/strong>/);
    expect(html).toContain('<figure class="ho-json-tree" aria-label="Input of Create invoice">');
    expect(html).toContain('<span class="ho-badge">redacted</span>');
    expect(html).toContain('href="https://pay.example/i/abc"');
    expect(page).toContain("Open invoice");
    expect(html).not.toMatch(/href="javascript:/);
  });

  it("gives an operator the actions that fit the run's status", () => {
    const html = render(failedRun, true);
    for (const action of ["Retry", "Replay with edited payload", "Cancel run"]) {
      expect(html).toMatch(new RegExp(`<button[^>]*>${action}</button>`));
    }
    expect(html.match(/>Replay from this step</g)).toHaveLength(2);
    const done = text(render({ ...failedRun, status: "succeeded", error: null }, true));
    expect(done).not.toContain("Retry");
    expect(done).not.toContain("Cancel run");
    expect(done).toContain("Replay with edited payload");
  });

  it("gives a bookkeeper the run and no controls", () => {
    const html = render(failedRun, false);
    expect(text(html)).toContain("Create invoice");
    expect(html).not.toMatch(/<button/);
  });
});
