import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@handoff/db/testing/admin";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCaptured, waitFor } from "./support/processes";

const root = fileURLToPath(new URL("../", import.meta.url));

/** `handoff start` as a person runs it: its own process group, so Ctrl-C reaches every process in it. */
function startHandoff(dataDir: string, ports: { web: number; pg: number; sandbox: number; smtp: number }) {
  return spawnCaptured(
    [path.join(root, "apps/cli/bin/handoff.js"), "start"],
    {
      ...process.env,
      DATABASE_URL: "",
      HANDOFF_DATA_DIR: dataDir,
      PORT: String(ports.web),
      HANDOFF_PG_PORT: String(ports.pg),
      HANDOFF_SANDBOX_PORT: String(ports.sandbox),
      HANDOFF_SMTP_PORT: String(ports.smtp),
    },
    true,
  );
}

/** Processes whose command line mentions the data folder (PostgreSQL does) or the group (the rest). */
function leftovers(dataDir: string, groupId: number): string[] {
  const ps = execFileSync("ps", ["-eo", "pid=,pgid=,args="], { encoding: "utf8" });
  return ps
    .split("\n")
    .filter((line) => line.includes(dataDir) || line.trim().split(/\s+/)[1] === String(groupId))
    .filter((line) => !line.includes("ps -eo"));
}

function ready(handoff: ReturnType<typeof startHandoff>): boolean {
  if (handoff.child.exitCode !== null) throw new Error(`handoff start exited early:\n${handoff.output()}`);
  return handoff.output().includes("Handoff is ready");
}

describe("handoff start", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("starts on a fresh data folder, stops on Ctrl-C leaving nothing behind, and keeps the data", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "handoff-start-"));
    dirs.push(dataDir);
    const ports = { web: await freePort(), pg: await freePort(), sandbox: await freePort(), smtp: await freePort() };

    const first = startHandoff(dataDir, ports);
    await waitFor(() => ready(first), 180_000, first.output);
    expect(first.output()).toContain("starting the embedded PostgreSQL");
    expect(first.output()).toContain("migrating the database");
    expect(first.output()).toContain("created the demo workspace and its owner account");
    const health = await fetch(`http://127.0.0.1:${ports.web}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ db: "up" });
    const login = JSON.parse(await readFile(path.join(dataDir, "demo-login.json"), "utf8")) as { password: string };
    expect(first.output()).toContain(`with password ${login.password}`);

    const groupId = first.child.pid ?? 0;
    process.kill(-groupId, "SIGINT"); // what the terminal does on Ctrl-C
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain("stopping PostgreSQL");
    await waitFor(
      () => leftovers(dataDir, groupId).length === 0,
      10_000,
      () => leftovers(dataDir, groupId).join("\n"),
    );

    const second = startHandoff(dataDir, ports);
    await waitFor(() => ready(second), 120_000, second.output);
    expect(second.output()).not.toContain("created the demo workspace");
    expect(second.output()).not.toContain("creating a new PostgreSQL cluster");
    expect(second.output()).toContain(`with password ${login.password}`);
    const signIn = await fetch(`http://127.0.0.1:${ports.web}/api/auth/csrf`);
    expect(signIn.status).toBe(200);
    process.kill(-(second.child.pid ?? 0), "SIGINT");
    expect(await second.exited).toBe(0);
  }, 300_000);
});
