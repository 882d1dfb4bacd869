import type { ReactNode } from "react";

/** What a page shows before it has anything: what will be here, and the next step. */
export function EmptyState({ title, description, action }: { title: string; description: string; action?: ReactNode }) {
  return (
    <section className="ho-empty" aria-label={title}>
      <h2>{title}</h2>
      <p className="ho-muted">{description}</p>
      {action ? <div className="ho-actions">{action}</div> : null}
    </section>
  );
}
