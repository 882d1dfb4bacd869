import type { SandboxProviderFactory } from "../types";
import { createCalcomSandbox } from "./calcom";
import { createHubspotSandbox } from "./hubspot";
import { createSeededMailSandbox } from "./mail";
import { createStripeSandbox } from "./stripe";

/** Every emulator `npm start` and `handoff sandbox serve` mount, one per provider. */
export function defaultSandboxProviders(options: { smtpPort?: number } = {}): SandboxProviderFactory[] {
  return [
    createSeededMailSandbox(options.smtpPort),
    createCalcomSandbox(),
    createHubspotSandbox(),
    createStripeSandbox(),
  ];
}
