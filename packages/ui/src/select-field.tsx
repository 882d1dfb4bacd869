import type { ReactNode, SelectHTMLAttributes } from "react";

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  name: string;
  children: ReactNode;
}

/** A labelled select, the label tied to it for screen readers and tests. */
export function SelectField({ label, name, id, children, ...rest }: SelectFieldProps) {
  const selectId = id ?? `field-${name}`;
  return (
    <div className="ho-field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} name={name} {...rest}>
        {children}
      </select>
    </div>
  );
}
