import { type NodeSettings, ZNodeSettings } from "@handoff/flow-core";

/** The "Advanced" form: retries in plain numbers (seconds, not milliseconds), and continue-on-error. */
export interface SettingsForm {
  attempts: string;
  waitSeconds: string;
  continueOnError: boolean;
}

export function settingsForm(settings: NodeSettings | undefined): SettingsForm {
  return {
    attempts: settings?.retry ? String(settings.retry.maxAttempts) : "",
    waitSeconds: settings?.retry ? String(settings.retry.backoffBaseMs / 1000) : "",
    continueOnError: settings?.continueOnError === true,
  };
}

/**
 * The node's settings for the form: null clears them (the flow's defaults apply); undefined while
 * the retry numbers are incomplete or out of range. An empty wait means retry at once.
 */
export function nodeSettings(form: SettingsForm): NodeSettings | null | undefined {
  const attempts = form.attempts.trim();
  const wait = form.waitSeconds.trim();
  const settings: NodeSettings = {};
  if (attempts !== "" || wait !== "") {
    if (attempts === "") return undefined;
    settings.retry = {
      maxAttempts: Number(attempts),
      backoffBaseMs: Math.round(Number(wait === "" ? 0 : wait) * 1000),
    };
  }
  if (form.continueOnError) settings.continueOnError = true;
  if (Object.keys(settings).length === 0) return null;
  const parsed = ZNodeSettings.safeParse(settings);
  return parsed.success ? parsed.data : undefined;
}
