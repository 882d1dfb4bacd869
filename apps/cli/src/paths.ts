import { fileURLToPath } from "node:url";

/** The repository root: the CLI lives in apps/cli/src. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const webDir = fileURLToPath(new URL("../../web/", import.meta.url));
