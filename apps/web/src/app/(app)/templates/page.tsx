import { EmptyState, PageHeader } from "@handoff/ui";

export default function TemplatesPage() {
  return (
    <>
      <PageHeader title="Templates" description="The common handoffs of a service business, ready in one click." />
      <EmptyState
        title="Templates are on their way"
        description="The gallery of ready-made handoffs will be listed here."
      />
    </>
  );
}
