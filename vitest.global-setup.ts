import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type RunningPostgres, startEmbeddedPostgres } from "@handoff/db/embedded-postgres";
import { migrateDatabase } from "@handoff/db/migrate";
import { adminQuery, freePort } from "@handoff/db/testing/admin";
import { migrateQueue } from "@handoff/worker";
import type { TestProject } from "vitest/node";
import "@handoff/db/testing/provided-context";

/**
 * Integration tests hit a real PostgreSQL: DATABASE_URL when set (the role must be allowed to
 * create databases), else a throwaway embedded cluster. One migrated template database is made
 * here; each test file clones it (`createTestDatabase`), so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  let embedded: RunningPostgres | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), "handoff-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "postgres" });
    adminUrl = embedded.connectionString;
  }
  const template = `handoff_template_${process.pid}`;
  await adminQuery(adminUrl, `drop database if exists ${template}`);
  await adminQuery(adminUrl, `create database ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  await migrateDatabase(templateUrl);
  await migrateQueue(templateUrl);
  project.provide("testDatabase", { adminUrl, template });

  return async () => {
    await adminQuery(adminUrl, `drop database if exists ${template} with (force)`).catch(() => {});
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
