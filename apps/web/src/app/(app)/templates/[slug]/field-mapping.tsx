import type { TemplateFieldView } from "../types";

/** The values the template fills into its steps, each prefilled with its default. */
export function FieldMapping({
  fields,
  values,
  onChange,
}: {
  fields: readonly TemplateFieldView[];
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
}) {
  if (fields.length === 0) return null;
  return (
    <fieldset className="tp-fieldset">
      <legend>Field mapping</legend>
      <p className="ho-muted tp-help">
        Text in {"{{ }}"} is taken from the event that starts the flow; keep it, change it, or type fixed text.
      </p>
      {fields.map((field) => {
        const id = `template-field-${field.key}`;
        const value = values[field.key] ?? field.default;
        return (
          <div className="ho-field" key={field.key}>
            <label htmlFor={id}>{field.label}</label>
            <input
              id={id}
              name={id}
              autoComplete="off"
              spellCheck={false}
              value={value}
              onChange={(event) => onChange(field.key, event.target.value)}
              aria-describedby={`${id}-hint`}
            />
            <p id={`${id}-hint`} className="ho-muted tp-help">
              {field.description}
              {value === field.default ? null : (
                <>
                  {" "}
                  <button
                    type="button"
                    className="tp-link-button"
                    onClick={() => onChange(field.key, field.default)}
                    aria-label={`Reset ${field.label} to its default`}
                  >
                    Reset to default
                  </button>
                </>
              )}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
