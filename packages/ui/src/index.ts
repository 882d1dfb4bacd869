export { AppShell, type AppShellProps } from "./app-shell";
export { Button, type ButtonProps } from "./button";
export { CopyableText } from "./copyable-text";
export { EmptyState } from "./empty-state";
export { Field, type FieldProps } from "./field";
export { PageHeader } from "./page-header";
export { SelectField, type SelectFieldProps } from "./select-field";
export { Stat } from "./stat";
