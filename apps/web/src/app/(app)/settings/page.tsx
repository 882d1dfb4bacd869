import { EmptyState, PageHeader } from "@handoff/ui";

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Workspace, people and roles, retention and keys." />
      <EmptyState
        title="Nothing to configure yet"
        description="Workspace settings, people and the audit trail will be managed here."
      />
    </>
  );
}
