import { setTimeout as sleep } from "node:timers/promises";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../workspaces/create-workspace";
import { createUser } from "./create-user";
import { createLoginThrottle } from "./login-throttle";
import { signInWithPassword } from "./sign-in-with-password";

describe("sign-in throttling against a real database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const workspaceId = (await createWorkspace({ db: database.db, name: "Acme Plumbing" })).id;
    for (const email of ["ana@acme.test", "ben@acme.test", "cy@acme.test"]) {
      await createUser({ db: database.db, workspaceId, email, password: "right-password", role: "editor" });
    }
  });
  afterAll(() => database.destroy());

  const attempt = (
    throttle: ReturnType<typeof createLoginThrottle>,
    email: string,
    password: string,
    address: string,
  ) => signInWithPassword({ db: database.db, throttle, email, password, clientAddress: address });

  it("locks an account after repeated failures, from any address, even with the right password", async () => {
    const throttle = createLoginThrottle({ db: database.db, perAccount: 3, perAddress: 100 });
    for (const address of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) {
      expect(await attempt(throttle, "ana@acme.test", "wrong", address)).toEqual({ outcome: "refused" });
    }
    const locked = await attempt(throttle, "ANA@acme.test", "right-password", "10.0.0.9");
    expect(locked).toMatchObject({ outcome: "throttled" });
    expect(locked.outcome === "throttled" && locked.retryAfterSeconds).toBeGreaterThan(0);
    // Another account is not affected.
    expect(await attempt(throttle, "ben@acme.test", "right-password", "10.0.0.9")).toMatchObject({
      outcome: "signed_in",
    });
  });

  it("treats an unknown account exactly like a known one, so a lock reveals nothing", async () => {
    const throttle = createLoginThrottle({ db: database.db, perAccount: 2, perAddress: 100 });
    for (const email of ["nobody@acme.test", "cy@acme.test"]) {
      expect(await attempt(throttle, email, "wrong", "10.1.0.1")).toEqual({ outcome: "refused" });
      expect(await attempt(throttle, email, "wrong", "10.1.0.1")).toEqual({ outcome: "refused" });
      expect((await attempt(throttle, email, "whatever", "10.1.0.1")).outcome).toBe("throttled");
    }
  });

  it("locks an address that tries many accounts", async () => {
    const throttle = createLoginThrottle({ db: database.db, perAccount: 100, perAddress: 3 });
    for (const email of ["x1@acme.test", "x2@acme.test", "x3@acme.test"]) {
      await attempt(throttle, email, "wrong", "192.0.2.7");
    }
    expect((await attempt(throttle, "ben@acme.test", "right-password", "192.0.2.7")).outcome).toBe("throttled");
    expect((await attempt(throttle, "ben@acme.test", "right-password", "192.0.2.8")).outcome).toBe("signed_in");
  });

  it("clears an account's failures on success, and lets a lock expire", async () => {
    const throttle = createLoginThrottle({ db: database.db, perAccount: 2, perAddress: 100, windowSeconds: 1 });
    await attempt(throttle, "ben@acme.test", "wrong", "198.51.100.1");
    expect((await attempt(throttle, "ben@acme.test", "right-password", "198.51.100.1")).outcome).toBe("signed_in");
    await attempt(throttle, "ben@acme.test", "wrong", "198.51.100.1");
    expect((await attempt(throttle, "ben@acme.test", "right-password", "198.51.100.1")).outcome).toBe("signed_in");
    await attempt(throttle, "ben@acme.test", "wrong", "198.51.100.1");
    await attempt(throttle, "ben@acme.test", "wrong", "198.51.100.1");
    expect((await attempt(throttle, "ben@acme.test", "right-password", "198.51.100.1")).outcome).toBe("throttled");
    await sleep(1_200);
    expect((await attempt(throttle, "ben@acme.test", "right-password", "198.51.100.1")).outcome).toBe("signed_in");
  });
});
