import type { ReactNode } from "react";

/**
 * Text for screen readers and `getByRole(…, { name })` only. Buttons are named by their content,
 * not `aria-label`: `getByLabel("Email")` matches aria-labels too, and must find the Email field
 * alone, not also the "Insert data into Email" button beside it.
 */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="step-visually-hidden">{children}</span>;
}
