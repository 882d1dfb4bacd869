/** What the engine writes in place of a secret it recognised in a step's data. */
const REDACTED = "[redacted]";
/** Longer lists are cut: a run's output is capped, but a thousand rows are still unreadable. */
const MAX_ENTRIES = 100;

/**
 * A step's input or output as a collapsible tree: objects and arrays are native `<details>`, so
 * keyboard and screen readers work without script; the first level is open. Values are only
 * ever rendered as text.
 */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  return (
    <figure className="ho-json-tree" aria-label={label}>
      <JsonNode name={null} value={value} depth={0} />
    </figure>
  );
}

function JsonNode({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const key = name === null ? null : <span className="ho-json-key">{name}: </span>;
  if (typeof value !== "object" || value === null) {
    return (
      <div>
        {key}
        <JsonScalar value={value} />
      </div>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const size = Array.isArray(value)
    ? `[${entries.length} ${entries.length === 1 ? "item" : "items"}]`
    : `{${entries.length} ${entries.length === 1 ? "field" : "fields"}}`;
  if (entries.length === 0) {
    return (
      <div>
        {key}
        <code>{Array.isArray(value) ? "[]" : "{}"}</code>
      </div>
    );
  }
  return (
    <details open={depth === 0}>
      <summary>
        {key}
        <span className="ho-muted">{size}</span>
      </summary>
      <ul>
        {entries.slice(0, MAX_ENTRIES).map(([childName, child]) => (
          <li key={childName}>
            <JsonNode name={childName} value={child} depth={depth + 1} />
          </li>
        ))}
        {entries.length > MAX_ENTRIES ? (
          <li className="ho-muted">… {entries.length - MAX_ENTRIES} more not shown</li>
        ) : null}
      </ul>
    </details>
  );
}

function JsonScalar({ value }: { value: unknown }) {
  if (value === REDACTED) return <span className="ho-badge">redacted</span>;
  if (value === undefined) return <code className="ho-muted">—</code>;
  return <code className={`ho-json-${value === null ? "null" : typeof value}`}>{JSON.stringify(value)}</code>;
}
