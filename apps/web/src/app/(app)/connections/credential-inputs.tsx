"use client";

import type { CredentialField } from "./types";

/**
 * The credential fields of one way of connecting. Secrets are password inputs that the browser
 * must not fill from saved logins; what is typed is sent once and never shown again.
 */
export function CredentialInputs({
  idPrefix,
  fields,
  values,
  onChange,
  labelOf = (field) => field.label,
  invalidField,
  errorId,
}: {
  idPrefix: string;
  fields: readonly CredentialField[];
  values: Readonly<Record<string, string>>;
  onChange: (key: string, value: string) => void;
  labelOf?: (field: CredentialField) => string;
  /** `credentials.<key>` of the field the last refusal was about. */
  invalidField?: string | null;
  errorId?: string;
}) {
  return fields.map((field) => {
    const id = `${idPrefix}-${field.key}`;
    const invalid = invalidField === `credentials.${field.key}`;
    return (
      <div className="ho-field" key={field.key}>
        <label htmlFor={id}>{labelOf(field)}</label>
        <input
          id={id}
          name={field.key}
          type={field.secret ? "password" : "text"}
          autoComplete={field.secret ? "new-password" : "off"}
          spellCheck={false}
          required={field.required}
          value={values[field.key] ?? ""}
          onChange={(event) => onChange(field.key, event.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
        />
        {field.help ? <span className="ho-muted">{field.help}</span> : null}
      </div>
    );
  });
}
