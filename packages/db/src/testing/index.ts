import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDb, type DbHandle } from "../client";
import { adminQuery } from "./admin";
import "./provided-context";

export interface TestDatabase extends DbHandle {
  url: string;
  /** Closes the pool and drops the database. */
  destroy: () => Promise<void>;
}

/** A fresh, migrated database cloned from the run's template; call `destroy` in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template } = inject("testDatabase");
  const name = `handoff_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ connectionString: url.toString(), max: 5, applicationName: "handoff-test" });
  return {
    ...handle,
    url: url.toString(),
    async destroy() {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
