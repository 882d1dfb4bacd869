import type { AnyActionDefinition, AnyTriggerDefinition, ConnectorDefinition } from "@handoff/connector-sdk";
import type { z } from "zod";
import { calcomConnector } from "./calcom";
import { coreConnector } from "./core";
import { emailConnector } from "./email";
import { hubspotConnector } from "./hubspot";
import { stripeConnector } from "./stripe";

/** Every connector, imported statically; `registry.test.ts` checks no folder is missing. */
export const connectors = [
  coreConnector,
  emailConnector,
  calcomConnector,
  hubspotConnector,
  stripeConnector,
] as const satisfies readonly ConnectorDefinition[];

export type RegisteredConnector = (typeof connectors)[number];
export type ConnectorKey = RegisteredConnector["key"];
export type OperationKind = "action" | "trigger";

const byKey: ReadonlyMap<string, ConnectorDefinition> = new Map(
  connectors.map((connector) => [connector.key, connector]),
);

export function getConnector(key: string): ConnectorDefinition | undefined {
  return byKey.get(key);
}

export function getAction(connectorKey: string, actionKey: string): AnyActionDefinition | undefined {
  return getConnector(connectorKey)?.actions.find((action) => action.key === actionKey);
}

export function getTrigger(connectorKey: string, triggerKey: string): AnyTriggerDefinition | undefined {
  return getConnector(connectorKey)?.triggers.find((trigger) => trigger.key === triggerKey);
}

/** The props schema of one operation; the flow validator takes this as its connector lookup. */
export function propsSchemaFor(connector: string, operation: string, kind: OperationKind): z.ZodType | undefined {
  const found = kind === "action" ? getAction(connector, operation) : getTrigger(connector, operation);
  return found?.props;
}

/** Whether steps of this connector act as a saved account (a connection must be chosen). */
export function needsConnection(connector: string): boolean {
  const found = getConnector(connector);
  return found !== undefined && found.auth.kind !== "none";
}
