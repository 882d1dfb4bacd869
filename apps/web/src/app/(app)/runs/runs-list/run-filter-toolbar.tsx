"use client";

import { Button, Field, SelectField } from "@handoff/ui";
import { type FormEvent, useEffect, useState } from "react";
import { RUN_STATUS_LABELS, RUN_STATUSES } from "../run-format";
import type { RunFilterForm } from "./run-filter-form";

/** Typing pauses this long before the search applies; Enter applies it at once. */
const SEARCH_SETTLE_MS = 400;

export interface RunFilterToolbarProps {
  form: RunFilterForm;
  onChange: (form: RunFilterForm) => void;
  /** Undefined while loading: the flow select then offers only "all". */
  flows: readonly { id: string; name: string }[] | undefined;
  /** Null while the filters are invalid: no export of a view that makes no sense. */
  exportHref: string | null;
}

export function RunFilterToolbar({ form, onChange, flows, exportHref }: RunFilterToolbarProps) {
  const [searchDraft, setSearchDraft] = useState(form.search);
  // A change from outside (Back, a pasted link) wins; the URL's trimmed copy of what is being typed does not.
  useEffect(() => setSearchDraft((draft) => (draft.trim() === form.search ? draft : form.search)), [form.search]);
  useEffect(() => {
    if (searchDraft.trim() === form.search) return;
    const timer = setTimeout(() => onChange({ ...form, search: searchDraft }), SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [searchDraft, form, onChange]);

  const set = (key: keyof RunFilterForm) => (event: { target: { value: string } }) =>
    onChange({ ...form, search: searchDraft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...form, search: searchDraft });
  };

  return (
    <search aria-label="Filter runs">
      <form className="ho-toolbar" onSubmit={submit}>
        <Field
          label="Search"
          name="runs-search"
          type="search"
          placeholder="Email, phone, invoice number, booking or deal"
          value={searchDraft}
          onChange={(event) => setSearchDraft(event.target.value)}
          maxLength={200}
          size={36}
        />
        <SelectField label="Flow" name="runs-flow" value={form.flowId} onChange={set("flowId")}>
          <option value="">All flows</option>
          {(flows ?? []).map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
          {/* A link may name a flow since deleted, or one still loading: keep the choice visible. */}
          {form.flowId && !flows?.some((flow) => flow.id === form.flowId) ? (
            <option value={form.flowId}>{flows ? "A flow that no longer exists" : "Loading…"}</option>
          ) : null}
        </SelectField>
        <SelectField label="Status" name="runs-status" value={form.status} onChange={set("status")}>
          <option value="">All statuses</option>
          {RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {RUN_STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
        <Field label="From" name="runs-from" type="date" value={form.fromDay} onChange={set("fromDay")} />
        <Field label="To" name="runs-to" type="date" value={form.toDay} onChange={set("toDay")} />
        <Field
          label="Version"
          name="runs-version"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={form.version}
          onChange={set("version")}
          style={{ width: "6rem" }}
        />
        <SelectField label="Test runs" name="runs-kind" value={form.kind} onChange={set("kind")}>
          <option value="">All</option>
          <option value="live">Live</option>
          <option value="test">Test</option>
        </SelectField>
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {exportHref ? (
          <a className="ho-button ho-button-secondary" href={exportHref} download>
            Export CSV
          </a>
        ) : null}
      </form>
    </search>
  );
}
