export { AppShell, type AppShellProps } from "./app-shell";
export { Button, type ButtonProps } from "./button";
export { EmptyState } from "./empty-state";
export { Field, type FieldProps } from "./field";
export { PageHeader } from "./page-header";
export { Stat } from "./stat";
