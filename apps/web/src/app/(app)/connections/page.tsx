import { EmptyState, PageHeader } from "@handoff/ui";

export default function ConnectionsPage() {
  return (
    <>
      <PageHeader title="Connections" description="Your CRM, calendar, invoicing and email accounts, test and live." />
      <EmptyState
        title="No connections yet"
        description="Connect the tools your flows hand off between; credentials are encrypted at rest."
      />
    </>
  );
}
