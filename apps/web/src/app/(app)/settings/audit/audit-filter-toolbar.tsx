"use client";

import type { AuditFilterOptions } from "@handoff/services";
import { Field, SelectField } from "@handoff/ui";
import type { AuditFilterForm } from "./audit-filter-form";

export interface AuditFilterToolbarProps {
  form: AuditFilterForm;
  onChange: (form: AuditFilterForm) => void;
  /** Undefined while loading: the selects then offer only "all". */
  options: AuditFilterOptions | undefined;
  /** Null while the filters are invalid: no export of a range that makes no sense. */
  exportHref: string | null;
}

export function AuditFilterToolbar({ form, onChange, options, exportHref }: AuditFilterToolbarProps) {
  const set = (key: keyof AuditFilterForm) => (event: { target: { value: string } }) =>
    onChange({ ...form, [key]: event.target.value });
  const actionGroups = groupByPrefix(options?.actions ?? []);

  return (
    <search className="ho-toolbar" aria-label="Filter the audit trail">
      <SelectField label="Action" name="audit-action" value={form.action} onChange={set("action")}>
        <option value="">All actions</option>
        {actionGroups.map(([prefix, actions]) => (
          <optgroup key={prefix} label={prefix}>
            <option value={`${prefix}.`}>Every {prefix} action</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField label="Person" name="audit-person" value={form.actorUserId} onChange={set("actorUserId")}>
        <option value="">Everyone</option>
        {(options?.actors ?? []).map((actor) => (
          <option key={actor.userId} value={actor.userId}>
            {actor.email}
          </option>
        ))}
      </SelectField>
      <SelectField label="Target type" name="audit-target-type" value={form.targetType} onChange={set("targetType")}>
        <option value="">All targets</option>
        {(options?.targetTypes ?? []).map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </SelectField>
      <Field label="From" name="audit-from" type="date" value={form.fromDay} onChange={set("fromDay")} />
      <Field label="To" name="audit-to" type="date" value={form.toDay} onChange={set("toDay")} />
      {exportHref ? (
        <a className="ho-button ho-button-secondary" href={exportHref} download>
          Export CSV
        </a>
      ) : null}
    </search>
  );
}

/** `flow.published`, `flow.paused` → [["flow", [...]]]: one optgroup, and one "every" choice, per prefix. */
function groupByPrefix(actions: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const prefix = action.split(".")[0] ?? action;
    groups.set(prefix, [...(groups.get(prefix) ?? []), action]);
  }
  return [...groups];
}
