"use client";

import { Button, Field, SelectField } from "@handoff/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { parseSettingsForm } from "./settings-form-values";

/** The mapping owner (who gets the weekly sync review) and how long runs are kept. */
export function WorkspaceSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.workspace.settings.queryOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workspace.settings.queryKey() }),
    }),
  );

  if (settings.isPending) return <p className="ho-muted">Loading the settings…</p>;
  if (settings.isError) {
    return (
      <p role="alert" className="ho-error">
        Could not load the settings: {settings.error.message}
      </p>
    );
  }
  const current = settings.data;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = parseSettingsForm({
      mappingOwner: String(data.get("mappingOwner") ?? ""),
      successDays: String(data.get("successRetentionDays") ?? ""),
      failureDays: String(data.get("failureRetentionDays") ?? ""),
    });
    setProblem(parsed.ok ? null : parsed.problem);
    if (parsed.ok) save.mutate(parsed.values);
  }

  const error = problem ?? (save.isError ? save.error.message : null);
  return (
    // Keyed on what is stored, so the fields show the saved values again after a save.
    <form
      key={`${current.mappingOwner?.userId ?? ""}:${current.successRetentionDays}:${current.failureRetentionDays}`}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="workspace-settings-heading"
      className="ho-panel"
    >
      <h2 id="workspace-settings-heading">Weekly review and retention</h2>
      <SelectField label="Mapping owner" name="mappingOwner" defaultValue={current.mappingOwner?.userId ?? ""}>
        <option value="">Nobody yet</option>
        {current.candidates.map((candidate) => (
          <option key={candidate.userId} value={candidate.userId}>
            {candidate.name ? `${candidate.name} (${candidate.email})` : candidate.email}
          </option>
        ))}
      </SelectField>
      <p className="ho-muted">
        Receives the weekly sync review — failed syncs, duplicates, canceled appointments still invoiced — from the flow
        that e-mails it.
      </p>
      <div className="ho-toolbar">
        <Field
          label="Keep successful runs (days)"
          name="successRetentionDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          defaultValue={current.successRetentionDays}
        />
        <Field
          label="Keep failed runs (days)"
          name="failureRetentionDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          defaultValue={current.failureRetentionDays}
        />
      </div>
      <p className="ho-muted">
        Succeeded and canceled runs are deleted after the first number of days; failed runs and runs needing attention
        after the second. Older runs are pruned every hour. The audit trail is never pruned.
      </p>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save settings"}
      </Button>
      {error ? (
        <p role="alert" className="ho-error">
          {error}
        </p>
      ) : null}
      {save.isSuccess && !problem ? (
        <p role="status" className="ho-notice">
          {save.data.changed ? "Settings saved." : "Nothing changed."}
        </p>
      ) : null}
    </form>
  );
}
