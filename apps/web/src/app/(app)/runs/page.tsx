import { EmptyState, PageHeader } from "@handoff/ui";

export default function RunsPage() {
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every run of every flow, step by step, searchable by customer or invoice."
      />
      <EmptyState title="No runs yet" description="When a flow runs, each run and its steps are listed here." />
    </>
  );
}
