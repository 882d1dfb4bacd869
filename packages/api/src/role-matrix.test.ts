import { can, PERMISSIONS, ROLES, type Role } from "@handoff/auth";
import { createTestDatabase, type TestDatabase } from "@handoff/db/testing";
import { createUser, createWorkspace, resolveSessionMember, type SessionMember } from "@handoff/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { testApiContext } from "./testing";
import { createCallerFactory, type ProcedureMeta } from "./trpc";

/**
 * The role matrix, generated from the router itself: every procedure, called as every role (and
 * without a session), must be allowed exactly when its declared permission lists the role. A
 * procedure added without a declared permission fails here.
 */
// `_def.procedures` is flat at runtime ("members.invite" → procedure), whatever its static type says.
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>,
);
const createCaller = createCallerFactory(appRouter);

describe("role matrix: every tRPC procedure as every role", () => {
  let database: TestDatabase;
  const members = new Map<Role, SessionMember>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const workspaceId = (await createWorkspace({ db: database.db, name: "Matrix Dental" })).id;
    for (const role of ROLES) {
      const user = await createUser({
        db: database.db,
        workspaceId,
        email: `${role}@matrix.test`,
        password: "matrix-password",
        role,
      });
      const member = await resolveSessionMember({ db: database.db, userId: user.id, sessionVersion: 1 });
      if (!member) throw new Error(`no session for ${role}`);
      members.set(role, member);
    }
  });
  afterAll(() => database.destroy());

  it("finds the procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(1);
  });

  it.each(procedures.map(([path, procedure]) => [path, procedure._def.meta?.permission] as const))(
    "%s declares a known permission",
    (_path, permission) => {
      expect(permission).toBeDefined();
      expect(Object.keys(PERMISSIONS)).toContain(permission);
    },
  );

  it.each(procedures.map(([path, procedure]) => [path, procedure._def.meta?.permission] as const))(
    "%s is allowed exactly for the roles of its permission",
    async (path, permission) => {
      if (!permission) throw new Error(`${path} declares no permission`);
      expect(await outcomeOf(path, null)).toBe("UNAUTHORIZED");
      for (const role of ROLES) {
        const outcome = await outcomeOf(path, members.get(role) ?? null);
        if (can(role, permission)) expect(outcome, `${role} on ${path}`).not.toMatch(/^(FORBIDDEN|UNAUTHORIZED)$/);
        else expect(outcome, `${role} on ${path}`).toBe("FORBIDDEN");
      }
    },
  );

  /**
   * Calls the procedure with no input: a denied role must be stopped before input is even read,
   * an allowed one gets through the guard (and then usually a BAD_REQUEST for the missing input).
   */
  async function outcomeOf(path: string, member: SessionMember | null): Promise<string> {
    const caller = createCaller(testApiContext(database.db, member)) as unknown as Record<string, unknown>;
    const call = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
    try {
      await (call as (input?: unknown) => Promise<unknown>)(undefined);
      return "OK";
    } catch (error) {
      return error instanceof TRPCError ? error.code : `THREW ${String(error)}`;
    }
  }
});
