import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { webDir } from "../paths";
import { runToCompletion } from "./processes";

const requireFromWeb = createRequire(path.join(webDir, "package.json"));

export function webBuildExists(): boolean {
  return existsSync(path.join(webDir, ".next", "BUILD_ID"));
}

/** Production build of the web app (`next build`), streamed to the terminal with a prefix. */
export async function buildWeb(say: (message: string) => void): Promise<void> {
  say("building the web app (first start only; this takes a minute or two)");
  await runToCompletion({
    name: "build",
    command: process.execPath,
    args: [nextBin(), "build"],
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

function nextBin(): string {
  return path.join(path.dirname(requireFromWeb.resolve("next/package.json")), "dist", "bin", "next");
}
