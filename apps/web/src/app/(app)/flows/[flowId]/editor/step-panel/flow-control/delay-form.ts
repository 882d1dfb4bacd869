import { type DelayProps, type DurationUnit, ZDelayProps } from "@handoff/flow-core";

/** The delay step's form: both modes' inputs are kept, so switching back and forth loses nothing typed. */
export interface DelayForm {
  mode: DelayProps["mode"];
  amount: string;
  unit: DurationUnit;
  at: string;
  timeZone: string;
}

export function delayForm(props: DelayProps, defaultTimeZone: string): DelayForm {
  return props.mode === "duration"
    ? { mode: "duration", amount: String(props.amount), unit: props.unit, at: "", timeZone: defaultTimeZone }
    : { mode: "until", amount: "", unit: "hours", at: props.at, timeZone: props.timeZone };
}

/** The delay's props for the form, or null while something is missing or invalid. */
export function delayProps(form: DelayForm): DelayProps | null {
  const candidate =
    form.mode === "duration"
      ? { mode: "duration", amount: form.amount.trim() === "" ? Number.NaN : Number(form.amount), unit: form.unit }
      : { mode: "until", at: form.at, timeZone: form.timeZone.trim() };
  const parsed = ZDelayProps.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
