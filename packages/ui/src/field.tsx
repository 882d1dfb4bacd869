import type { InputHTMLAttributes } from "react";

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
}

/** A labelled input; the label is tied to the input for screen readers and tests. */
export function Field({ label, name, id, ...rest }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  return (
    <div className="ho-field">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} name={name} {...rest} />
    </div>
  );
}
