import type { SandboxProviderFactory } from "../types";

/** Every emulator `npm start` and `handoff sandbox serve` mount, one per provider. */
export function defaultSandboxProviders(): SandboxProviderFactory[] {
  return [];
}
