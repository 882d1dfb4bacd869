import type { ReactNode } from "react";

export interface AppShellProps {
  /** Navigation links, rendered in the sidebar. */
  nav: ReactNode;
  /** Workspace name and the signed-in person, top right. */
  account: ReactNode;
  children: ReactNode;
}

/** The signed-in frame: sidebar navigation, a top bar, and the page. */
export function AppShell({ nav, account, children }: AppShellProps) {
  return (
    <div className="ho-shell">
      <aside className="ho-sidebar">
        <div className="ho-brand">
          <span className="ho-brand-mark" aria-hidden="true">
            ⇄
          </span>
          Handoff
        </div>
        <nav aria-label="Main">{nav}</nav>
      </aside>
      <div className="ho-main">
        <header className="ho-topbar">{account}</header>
        <main className="ho-content">{children}</main>
      </div>
    </div>
  );
}
