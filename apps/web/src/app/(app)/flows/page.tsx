import { EmptyState, PageHeader } from "@handoff/ui";

export default function FlowsPage() {
  return (
    <>
      <PageHeader title="Flows" description="Trigger → condition → action handoffs between your tools." />
      <EmptyState
        title="No flows yet"
        description="Flows you build or install from a template appear here, with their status and last run."
      />
    </>
  );
}
