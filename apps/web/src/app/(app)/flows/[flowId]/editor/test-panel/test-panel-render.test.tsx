import type { AppRouter } from "@handoff/api";
import type { FlowDocument } from "@handoff/flow-core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { TRPCProvider } from "~/trpc/react";
import type { FlowEditor } from "../editor-contract";
import { FlowEditorContext } from "../use-flow-editor";
import { TestPanel } from "./index";

const draft: FlowDocument = {
  schemaVersion: 2,
  nodes: [
    {
      id: "booking",
      type: "trigger",
      connector: "calcom",
      operation: "booking-created",
      props: {},
      label: "Booking created",
      position: { x: 0, y: 0 },
    },
    {
      id: "invoice",
      type: "action",
      connector: "stripe",
      operation: "create-draft-invoice",
      props: {},
      label: "Create invoice",
      position: { x: 0, y: 100 },
    },
    {
      id: "thanks",
      type: "action",
      connector: "email",
      operation: "send",
      props: {},
      label: "Send thanks",
      position: { x: 0, y: 200 },
    },
  ],
  edges: [],
};

function render(over: Partial<FlowEditor>): string {
  const editor: FlowEditor = {
    flowId: "00000000-0000-4000-8000-000000000001",
    canEdit: true,
    name: "Bookings",
    status: "draft",
    currentVersion: null,
    hookUrl: "",
    draft,
    revision: 1,
    unsaved: [],
    save: { state: "saved" },
    problems: [],
    selectedNodeId: null,
    testRun: null,
    apply: () => ({ ok: true }),
    undo: () => {},
    redo: () => {},
    canUndo: false,
    canRedo: false,
    select: () => {},
    reload: async () => {},
    flush: async () => 1,
    setTestRun: () => {},
    ...over,
  };
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/unused", transformer: superjson })],
  });
  return renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <FlowEditorContext.Provider value={editor}>
          <TestPanel />
        </FlowEditorContext.Provider>
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("TestPanel", () => {
  it("starts with the sample event chosen, the Run test button and the test-connections note", () => {
    const html = render({});
    const page = text(html);
    expect(page).toContain("Test this flow");
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="sample"/);
    expect(page).toContain("Paste a payload");
    expect(page).toContain("A past run's event");
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Run test<\/button>/);
    expect(page).toContain("Tests use your test connections");
    expect(page).toContain("No test yet");
  });

  it("shows every node's result in draft order, the failure open with the provider's message", () => {
    const html = render({
      selectedNodeId: "invoice",
      testRun: {
        runId: "00000000-0000-4000-8000-0000000000aa",
        status: "failed",
        finished: true,
        steps: {
          booking: {
            status: "succeeded",
            input: null,
            output: { email: "ana@example.com" },
            error: null,
            durationMs: 3,
          },
          invoice: {
            status: "failed",
            input: { customer: "cus_1" },
            output: null,
            error: { message: "Stripe refused the request (400)", providerMessage: "No such customer: 'cus_1'" },
            durationMs: 1240,
          },
        },
      },
    });
    const page = text(html);
    expect(page).toContain("Test run failed");
    const order = ["booking", "invoice", "thanks"].map((id) => html.indexOf(`data-testid="test-result-${id}"`));
    expect(order.every((at, index) => at > 0 && (index === 0 || at > (order[index - 1] ?? 0)))).toBe(true);
    expect(page).toContain("Succeeded 3 ms");
    expect(page).toContain("Failed 1.2 s");
    expect(page).toContain("Stripe refused the request (400) — the provider said: No such customer: 'cus_1'");
    expect(html).toMatch(/data-testid="test-result-invoice"><details open="">/);
    expect(page).toContain("Send thanks Not run");
    // The selected action can be tested again with the same event.
    expect(page).toContain("Run again with the same event");
    expect(html).toContain('<legend class="ho-visually-hidden">Create invoice output</legend>');
  });

  it("lets a role without flows.edit read results but not start a test", () => {
    const page = text(render({ canEdit: false }));
    expect(page).not.toContain("Run test");
    expect(page).toContain("Your role can read test results but not start a test.");
  });
});
