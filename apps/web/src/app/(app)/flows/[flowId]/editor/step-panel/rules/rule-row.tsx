"use client";

import { formatPath, type PathSegment, RULE_OPERATORS, type Rule, UNARY_OPERATORS } from "@handoff/flow-core";
import { Button } from "@handoff/ui";
import { useId } from "react";
import { ExpressionInput } from "../data-picker/expression-input";
import { controlAria, FieldMessages, useFieldMessages } from "../field-frame";
import { VisuallyHidden } from "../visually-hidden";
import { OPERATOR_LABELS, TEXT_OPERATORS, valuePlaceholder } from "./operator-labels";
import { valueText, withOperator } from "./rule-edits";

export type RuleChange = (rule: Rule, options: { debounce: boolean }) => void;

/** One rule: [field] [operator] [value], named "Rule 1" (or "Rule 2.1" inside a group). */
export function RuleRow(props: {
  name: string;
  path: PathSegment[];
  rule: Rule;
  onChange: RuleChange;
  onRemove(): void;
  onBlur(): void;
}) {
  const { name, path, rule, onChange, onRemove, onBlur } = props;
  const fieldId = useId();
  const operatorId = useId();
  const valueId = useId();
  const anchor = formatPath(path);
  const fieldMessages = useFieldMessages(`${anchor}.field`);
  const valueMessages = useFieldMessages(`${anchor}.value`);
  const otherMessages = useFieldMessages(anchor, [`${anchor}.field`, `${anchor}.value`]);
  const unary = UNARY_OPERATORS.has(rule.operator);
  return (
    <fieldset className="step-rule">
      <legend className="step-rule-name">{name}</legend>
      <div className="step-rule-line">
        <ExpressionInput
          id={fieldId}
          label={`${name} field`}
          ariaLabel={`${name} field`}
          placeholder="Pick a value"
          insertMode="replace"
          value={rule.field}
          onChange={(text, options) => onChange({ ...rule, field: text }, options)}
          onBlur={onBlur}
          {...controlAria(fieldId, { messages: fieldMessages, required: true })}
        />
      </div>
      <FieldMessages id={`${fieldId}-problems`} messages={fieldMessages} />
      <div className="step-rule-line">
        <select
          id={operatorId}
          aria-label={`${name} operator`}
          value={rule.operator}
          onChange={(event) =>
            onChange(withOperator(rule, event.currentTarget.value as Rule["operator"]), { debounce: false })
          }
        >
          {RULE_OPERATORS.map((operator) => (
            <option key={operator} value={operator}>
              {OPERATOR_LABELS[operator]}
            </option>
          ))}
        </select>
        {unary ? null : (
          <ExpressionInput
            id={valueId}
            label={`${name} value`}
            ariaLabel={`${name} value`}
            placeholder={valuePlaceholder(rule.operator)}
            value={valueText(rule.value)}
            onChange={(text, options) => onChange({ ...rule, value: text }, options)}
            onBlur={onBlur}
            {...controlAria(valueId, { messages: valueMessages })}
          />
        )}
      </div>
      <FieldMessages id={`${valueId}-problems`} messages={valueMessages} />
      <div className="step-rule-line">
        {TEXT_OPERATORS.has(rule.operator) ? (
          <label className="step-inline-check">
            <input
              type="checkbox"
              checked={rule.ignoreCase === true}
              onChange={(event) => {
                const { ignoreCase: _old, ...rest } = rule;
                onChange(event.currentTarget.checked ? { ...rest, ignoreCase: true } : rest, { debounce: false });
              }}
            />
            Ignore case
          </label>
        ) : null}
        <Button variant="secondary" onClick={onRemove}>
          Remove rule<VisuallyHidden> {name.replace(/^Rule /, "")}</VisuallyHidden>
        </Button>
      </div>
      <FieldMessages id={`${operatorId}-problems`} messages={otherMessages} />
    </fieldset>
  );
}
