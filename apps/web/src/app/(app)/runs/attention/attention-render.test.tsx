import type { AppRouter } from "@handoff/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { TRPCProvider } from "~/trpc/react";
import { AttentionQueue } from "./attention-queue";
import type { Assignee, AttentionItem } from "./types";

// The first paint of the queue from a pre-filled query cache, per role: nothing talks to a server.

const ME = "00000000-0000-4000-8000-00000000000a";
const RUN = "00000000-0000-4000-8000-0000000000a1";
const REVIEW = "00000000-0000-4000-8000-0000000000b1";
const DELIVERY = "00000000-0000-4000-8000-0000000000c1";

const ITEMS: AttentionItem[] = [
  {
    kind: "run",
    id: RUN,
    runId: RUN,
    flowId: "f1",
    flowName: "Bookings → invoices",
    title: "Booking: Jane Roe, Tue 14:00 Europe/Paris",
    detail: "Stripe said: No such customer",
    createdAt: "2025-03-01T09:00:00.000Z",
    assignedTo: { userId: ME, email: "sam@roe.test" },
  },
  {
    kind: "identity_review",
    id: REVIEW,
    runId: RUN,
    flowId: "f1",
    flowName: "Bookings → invoices",
    title: "Which hubspot record is +33611111111?",
    detail: "2 possible matches",
    createdAt: "2025-03-01T08:00:00.000Z",
    assignedTo: null,
  },
  {
    kind: "rejected_delivery",
    id: DELIVERY,
    runId: null,
    flowId: "f1",
    flowName: "Bookings → invoices",
    title: "Rejected delivery",
    detail: "401: Bad signature",
    createdAt: "2025-03-01T07:00:00.000Z",
    assignedTo: null,
  },
];
const ASSIGNEES: Assignee[] = [
  { userId: "00000000-0000-4000-8000-00000000000b", email: "bo@roe.test", name: "Bo" },
  { userId: ME, email: "sam@roe.test", name: "Sam" },
];

function render(node: ReactNode, items: AttentionItem[], assignees?: Assignee[]): string {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/unused", transformer: superjson })],
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(trpc.attention.list.queryKey(), items);
  if (assignees) queryClient.setQueryData(trpc.attention.assignees.queryKey(), assignees);
  return renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {node}
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

/** The row of one item, as markup. */
const rowOf = (html: string, text: string) =>
  html
    .split("<tr>")
    .map((row) => row.split("</tr>")[0] ?? "")
    .find((row) => row.includes(text)) ?? "";

describe("the needs-attention queue", () => {
  it("gives someone who operates runs the actions each kind allows, and assignment", () => {
    const html = render(<AttentionQueue canOperate currentUserId={ME} />, ITEMS, ASSIGNEES);
    const run = rowOf(html, "Booking: Jane Roe");
    expect(run).toContain(`<a href="/runs/${RUN}">Booking: Jane Roe, Tue 14:00 Europe/Paris</a>`);
    expect(run).toMatch(/<button[^>]*>Retry<\/button>/);
    expect(run).toContain(`href="/runs/${RUN}">Open</a>`);
    expect(run).toMatch(/<button[^>]*>Dismiss<\/button>/);
    expect(run).not.toContain(">Resolve<");
    expect(run).toContain('<select class="ho-attention-assign" aria-label="Assign to">');
    expect(run).toContain(`<option value="${ME}" selected="">sam@roe.test</option>`);

    const review = rowOf(html, "Which hubspot record");
    expect(review).toMatch(/<button[^>]*>Resolve<\/button>/);
    expect(review).toContain(`href="/runs/${RUN}">Open run</a>`);
    expect(review).not.toContain(">Retry<");
    expect(review).toContain('<option value="" selected="">Unassigned</option>');

    // A delivery refused for its signature is never forced through: dismiss is all there is.
    const delivery = rowOf(html, "401: Bad signature");
    expect(delivery).toContain("<summary>Show delivery</summary>");
    expect(delivery).not.toMatch(/>(Retry|Resolve|Open|Open run)</);
    expect(delivery).toMatch(/<button[^>]*>Dismiss<\/button>/);

    // The dialogs are in the page, closed until an action opens them.
    expect(html).toMatch(/<dialog[^>]*aria-labelledby/);
    expect(html).toContain("Dismiss this item");
    expect(html).toContain("Resolve identity conflict");
  });

  it("shows a bookkeeper the queue and who is on each item, with no controls", () => {
    const html = render(<AttentionQueue canOperate={false} currentUserId={ME} />, ITEMS);
    expect(html).toContain("Booking: Jane Roe, Tue 14:00 Europe/Paris");
    expect(html).toContain("<td>sam@roe.test</td>");
    expect(html).toContain("<td>Unassigned</td>");
    expect(html).toContain("<summary>Show delivery</summary>");
    expect(html).not.toMatch(/>(Retry|Resolve|Dismiss|Open)</);
    expect(html).not.toContain('<select class="ho-attention-assign"');
    expect(html).not.toContain("<dialog");
    expect(html).not.toContain(">Actions<");
  });

  it("offers the filters and says when nothing needs attention", () => {
    const html = render(<AttentionQueue canOperate currentUserId={ME} />, [], ASSIGNEES);
    expect(html).toContain('<label for="field-attention-kind">Kind</label>');
    expect(html).toContain('<label for="field-attention-assignee">Assigned to</label>');
    expect(html).toContain('<option value="me">Me</option>');
    expect(html).toContain("<h2>Nothing needs attention</h2>");
    expect(html).not.toContain("<table");
  });
});
