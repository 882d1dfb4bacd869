import type { TemplateRole } from "../types";

type Choice = TemplateRole["test"][number];

/**
 * One connection the template needs: the workspace's connections of that tool, test and live
 * apart, and a way to add one (in a new tab, so the form keeps what was typed; the list reloads
 * when the person comes back to this tab).
 */
export function ConnectionRoleSelect({
  role,
  value,
  onChange,
}: {
  role: TemplateRole;
  value: string;
  onChange: (connectionId: string) => void;
}) {
  const id = `connection-${role.role}`;
  const hintId = `${id}-hint`;
  const none = role.test.length === 0 && role.live.length === 0;
  return (
    <div className="ho-field">
      <label htmlFor={id}>{role.label}</label>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={hintId}
        aria-invalid={value === "" ? true : undefined}
      >
        <option value="">{none ? `No ${role.provider.name} connection yet` : "Choose a connection"}</option>
        <ChoiceGroup label="Test" choices={role.test} />
        <ChoiceGroup label="Live" choices={role.live} />
      </select>
      <p id={hintId} className="ho-muted tp-help">
        <a href="/connections" target="_blank" rel="noopener noreferrer">
          Add a {role.provider.name} connection
        </a>{" "}
        (opens in a new tab).
      </p>
    </div>
  );
}

function ChoiceGroup({ label, choices }: { label: string; choices: readonly Choice[] }) {
  if (choices.length === 0) return null;
  return (
    <optgroup label={label}>
      {choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.status === "ok" ? choice.name : `${choice.name} (reconnect needed)`}
        </option>
      ))}
    </optgroup>
  );
}
