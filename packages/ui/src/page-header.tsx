import type { ReactNode } from "react";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="ho-page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p className="ho-muted">{description}</p> : null}
      </div>
      {actions ? <div className="ho-actions">{actions}</div> : null}
    </div>
  );
}
