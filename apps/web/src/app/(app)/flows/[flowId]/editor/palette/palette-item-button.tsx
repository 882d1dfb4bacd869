import type { PaletteItem } from "./palette-items";

/**
 * A palette entry. Its accessible name is exactly the operation's name ("Booking created"), so a
 * person with a screen reader, and a browser test, find it the way it reads; the app shows beside it.
 */
export function PaletteItemButton({ item, name, onClick }: { item: PaletteItem; name?: string; onClick(): void }) {
  const app = item.kind === "logic" ? null : item.connectorName;
  return (
    <button
      type="button"
      className={`fe-palette-item fe-palette-${item.group}`}
      aria-label={name ?? item.name}
      title={item.description}
      onClick={onClick}
    >
      <span className="fe-palette-item-name">{item.name}</span>
      {app ? (
        <span className="fe-palette-item-app" aria-hidden="true">
          {item.kind === "trigger" ? `${app} · trigger` : app}
        </span>
      ) : null}
    </button>
  );
}
