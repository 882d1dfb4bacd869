import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isConnectorDefinition } from "@handoff/connector-sdk";
import { describe, expect, it } from "vitest";
import { ZHttpRequestProps } from "./core/http-request-props";
import { connectors, getAction, getConnector, getTrigger, propsSchemaFor } from "./registry";

const sourceDir = path.dirname(fileURLToPath(import.meta.url));

/** Folders holding an index.ts: read in this test only, never at run time. */
async function connectorFolders(): Promise<string[]> {
  const entries = await readdir(sourceDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(sourceDir, entry.name, "index.ts")))
    .map((entry) => entry.name);
}

describe("connector registry", () => {
  it("registers every connector defined in a folder's index.ts, and nothing else", async () => {
    const folders = await connectorFolders();
    expect(folders).toContain("core");
    const registered = new Set<unknown>(connectors);
    const discovered = new Set<unknown>();
    for (const folder of folders) {
      const module: Record<string, unknown> = await import(`./${folder}/index.ts`);
      for (const connector of Object.values(module).filter(isConnectorDefinition)) {
        expect(registered.has(connector), `connector "${connector.key}" in ${folder}/ is not in registry.ts`).toBe(
          true,
        );
        discovered.add(connector);
      }
    }
    expect(discovered.size).toBe(connectors.length);
  });

  it("has unique connector keys", () => {
    const keys = connectors.map((connector) => connector.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("finds connectors and operations by key", () => {
    expect(getConnector("core")?.name).toBe("Handoff");
    expect(getConnector("nope")).toBeUndefined();
    expect(getAction("core", "http-request")?.sideEffect).toBe(true);
    expect(getAction("core", "webhook")).toBeUndefined();
    expect(getTrigger("core", "webhook")?.kind).toBe("webhook");
    expect(getTrigger("core", "schedule")?.kind).toBe("schedule");
    expect(getTrigger("core", "http-request")).toBeUndefined();
  });

  it("looks up props schemas for the flow validator, by kind", () => {
    expect(propsSchemaFor("core", "http-request", "action")).toBe(ZHttpRequestProps);
    expect(propsSchemaFor("core", "http-request", "trigger")).toBeUndefined();
    expect(
      propsSchemaFor("core", "schedule", "trigger")?.safeParse({ cron: "0 9 * * *", timeZone: "UTC" }).success,
    ).toBe(true);
    expect(propsSchemaFor("hubspot", "create-contact", "action")).toBeUndefined();
  });
});
