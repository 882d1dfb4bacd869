import type { AppRouter } from "@handoff/api";
import type { FlowDocument, JsonValue } from "@handoff/flow-core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { TRPCProvider } from "~/trpc/react";
import type { FlowEditor } from "../editor-contract";
import { FlowEditorContext } from "../use-flow-editor";
import { DiffView, PublishControls, TriggerDetails, VersionHistory } from "./index";

// Server-rendered first paint of each component against a fake editor and a pre-filled query
// cache: what a person sees before any effect or request. Nothing here talks to a server.

const FLOW_ID = "00000000-0000-4000-8000-000000000001";

function draftWith(triggerOperation: string, props: Record<string, JsonValue> = {}): FlowDocument {
  return {
    schemaVersion: 2,
    nodes: [
      {
        id: "start",
        type: "trigger",
        connector: triggerOperation === "booking-created" ? "calcom" : "core",
        operation: triggerOperation,
        props,
        label: "Start",
        position: { x: 0, y: 0 },
      },
      {
        id: "invoice",
        type: "action",
        connector: "stripe",
        operation: "create-draft-invoice",
        props: { description: "Consultation" },
        label: "Create invoice",
        position: { x: 0, y: 100 },
      },
    ],
    edges: [{ id: "e1", source: "start", sourceHandle: null, target: "invoice" }],
  };
}

function fakeEditor(over: Partial<FlowEditor> = {}): FlowEditor {
  return {
    flowId: FLOW_ID,
    canEdit: true,
    name: "Bookings to invoices",
    status: "draft",
    currentVersion: null,
    hookUrl: "https://handoff.test/api/hooks/abc",
    draft: draftWith("webhook"),
    revision: 3,
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
    flush: async () => 3,
    setTestRun: () => {},
    ...over,
  };
}

function render(node: ReactNode, editor: FlowEditor, fill?: (cache: Cache) => void): string {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/unused", transformer: superjson })],
  });
  fill?.({ queryClient, trpc: createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient }) });
  return renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <FlowEditorContext.Provider value={editor}>{node}</FlowEditorContext.Provider>
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

interface Cache {
  queryClient: QueryClient;
  trpc: ReturnType<typeof createTRPCOptionsProxy<AppRouter>>;
}

/** The page's text with tags removed, for readable assertions. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("PublishControls", () => {
  it("offers Publish to an editor and no Pause before the first publish", () => {
    const html = render(<PublishControls />, fakeEditor());
    expect(text(html)).toContain("Not published");
    expect(html).toMatch(/<button[^>]*>Publish<\/button>/);
    expect(html).not.toContain(">Pause<");
    // The dialog is in the page, closed until the button opens it.
    expect(html).toMatch(/<dialog[^>]*aria-labelledby/);
    expect(text(html)).toContain("What changed?");
  });

  it("shows the live version and Pause once published, and hides Publish from a role that cannot edit", () => {
    const html = render(
      <PublishControls />,
      fakeEditor({ canEdit: false, canPause: true, status: "active", currentVersion: 2 }),
    );
    expect(text(html)).toContain("Active · version 2");
    expect(html).toContain(">Pause<");
    expect(html).not.toMatch(/<button[^>]*>Publish<\/button>/);
    expect(html).not.toContain("<dialog");
  });
});

describe("VersionHistory", () => {
  it("lists versions newest first with author, message, the current badge and rollback for the others", () => {
    const html = render(
      <VersionHistory />,
      fakeEditor({ status: "active", currentVersion: 2 }),
      ({ queryClient, trpc }) =>
        queryClient.setQueryData(trpc.flows.versions.queryKey({ flowId: FLOW_ID }), [
          {
            number: 1,
            message: "First",
            author: "ana@example.com",
            createdAt: new Date("2025-01-06T09:00:00Z"),
            current: false,
          },
          { number: 2, message: "", author: null, createdAt: new Date("2025-01-07T09:00:00Z"), current: true },
        ]),
    );
    const page = text(html);
    expect(page.indexOf("Version 2")).toBeLessThan(page.indexOf("Version 1 "));
    expect(page).toContain("current");
    expect(page).toContain("No message");
    expect(page).toContain("ana@example.com");
    expect(page.match(/Roll back to this version/g)).toHaveLength(1);
    expect(page.match(/Compare with current draft/g)).toHaveLength(2);
  });
});

describe("DiffView", () => {
  it("lists exactly what changed between two versions, in a named region", () => {
    const v1 = draftWith("webhook");
    const v2 = structuredClone(v1);
    const invoice = v2.nodes[1];
    if (invoice?.type !== "action") throw new Error("fixture");
    invoice.props.description = "Follow-up";
    const html = render(<DiffView from={2} to={1} />, fakeEditor(), ({ queryClient, trpc }) => {
      for (const [number, graph] of [
        [1, v1],
        [2, v2],
      ] as const) {
        queryClient.setQueryData(trpc.flows.version.queryKey({ flowId: FLOW_ID, number }), {
          number,
          graph,
          message: "",
          createdAt: new Date(),
        });
      }
    });
    expect(html).toContain('aria-label="Changes between version 1 and version 2"');
    expect(text(html)).toContain('Changed: Create invoice — props.description: "Consultation" → "Follow-up"');
  });
});

describe("TriggerDetails", () => {
  it("shows the webhook URL to copy and offers a signing secret", () => {
    const html = render(<TriggerDetails />, fakeEditor({ hasHookSecret: false }));
    expect(html).toContain('aria-label="Webhook URL"');
    expect(html).toContain('value="https://handoff.test/api/hooks/abc"');
    expect(text(html)).toContain("Generate signing secret");
    expect(text(html)).not.toContain("Remove secret");
  });

  it("shows the next fire times of a schedule in its own time zone", () => {
    const props = { cron: "0 9 * * 1", timeZone: "Europe/Berlin" };
    const html = render(
      <TriggerDetails />,
      fakeEditor({ draft: draftWith("schedule", props) }),
      ({ queryClient, trpc }) =>
        queryClient.setQueryData(trpc.flows.nextFireTimes.queryKey(props), [new Date("2025-01-06T08:00:00Z")]),
    );
    expect(text(html)).toContain("Next runs (Europe/Berlin)");
    expect(html).toContain('dateTime="2025-01-06T08:00:00.000Z"');
    expect(text(html)).toMatch(/09:00/);
  });

  it("tells that a provider's webhook is registered on publish", () => {
    const html = render(
      <TriggerDetails />,
      fakeEditor({
        draft: draftWith("booking-created"),
        catalog: [
          {
            key: "calcom",
            name: "Cal.com",
            category: "calendar",
            needsConnection: true,
            triggers: [
              {
                key: "booking-created",
                name: "Booking created",
                description: "",
                form: {},
                optionProps: [],
                kind: "webhook",
              },
            ],
            actions: [],
          },
        ],
      }),
    );
    expect(text(html)).toContain("Handoff registers this webhook with Cal.com when you publish");
  });
});
