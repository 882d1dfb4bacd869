import { applyOperations, type FlowDocument, type FlowOperation } from "@handoff/flow-core";
import { afterEach, describe, expect, it } from "vitest";
import { CONFLICT_MESSAGE, DraftSession, type SaveResult, type ServerDraft } from "./draft-session";

/**
 * A stand-in for `flows.editDraft` that behaves like it: applies the same operations, bumps the
 * revision, answers CONFLICT to a stale base. `gate` holds answers back to test what happens
 * while a save is in flight.
 */
class DraftServer {
  revision = 1;
  draft: FlowDocument = { schemaVersion: 2, nodes: [], edges: [] };
  requests: { baseRevision: number; operations: FlowOperation[] }[] = [];
  offline = false;
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => {};

  hold(): void {
    this.gate = new Promise((resolve) => {
      this.open = resolve;
    });
  }

  release(): void {
    this.open();
  }

  current(): ServerDraft {
    return { draft: this.draft, revision: this.revision, problems: [] };
  }

  /** Someone else saving from another browser. */
  editElsewhere(operations: FlowOperation[]): void {
    const result = applyOperations(this.draft, operations);
    if (!result.ok) throw new Error(result.error.message);
    this.draft = result.graph;
    this.revision += 1;
  }

  save = async (baseRevision: number, operations: FlowOperation[]): Promise<SaveResult> => {
    this.requests.push({ baseRevision, operations });
    await this.gate;
    if (this.offline) return { ok: false, kind: "failed", message: "Network is down" };
    if (baseRevision !== this.revision) return { ok: false, kind: "conflict", message: "stale" };
    const result = applyOperations(this.draft, operations);
    if (!result.ok) return { ok: false, kind: "refused", message: result.error.message };
    this.draft = result.graph;
    this.revision += 1;
    return { ok: true, ...this.current(), problems: [{ code: "no_trigger", message: "Add a trigger" }] };
  };
}

function delayNode(id: string, y = 0): FlowOperation {
  return {
    type: "add_node",
    node: {
      id,
      type: "delay",
      label: id,
      position: { x: 0, y },
      props: { mode: "duration", amount: 1, unit: "hours" },
    },
  };
}

const sessions: DraftSession[] = [];

function start(server: DraftServer, quietMs = 20): DraftSession {
  const session = new DraftSession({ initial: server.current(), save: server.save, quietMs, retryMs: 30 });
  sessions.push(session);
  return session;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const ids = (session: DraftSession) => session.getSnapshot().draft.nodes.map((node) => node.id);

afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

describe("DraftSession", () => {
  it("applies at once and saves everything after a quiet moment in one request", async () => {
    const server = new DraftServer();
    const session = start(server);
    expect(session.apply([delayNode("a")])).toEqual({ ok: true });
    session.apply([delayNode("b")]);
    expect(ids(session)).toEqual(["a", "b"]);
    expect(session.getSnapshot()).toMatchObject({ save: { state: "saving" }, revision: 1 });
    expect(session.getSnapshot().unsaved).toHaveLength(2);

    await until(() => session.getSnapshot().save.state === "saved", "the save");
    expect(server.requests).toEqual([{ baseRevision: 1, operations: [delayNode("a"), delayNode("b")] }]);
    expect(session.getSnapshot()).toMatchObject({ revision: 2, unsaved: [] });
    expect(session.getSnapshot().serverProblems).toEqual([{ code: "no_trigger", message: "Add a trigger" }]);
  });

  it("returns the refusal of applyOperation and changes nothing", () => {
    const session = start(new DraftServer());
    session.apply([delayNode("a")]);
    const before = session.getSnapshot();
    expect(session.apply([delayNode("a")])).toEqual({ ok: false, message: 'A node with id "a" already exists' });
    expect(session.getSnapshot().draft).toBe(before.draft);
    expect(session.getSnapshot().unsaved).toHaveLength(1);
  });

  it("keeps one request in flight; edits made meanwhile go in the next one", async () => {
    const server = new DraftServer();
    const session = start(server, 5);
    server.hold();
    session.apply([delayNode("a")]);
    await until(() => server.requests.length === 1, "the first request");
    session.apply([delayNode("b")]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(server.requests).toHaveLength(1);
    expect(session.getSnapshot().unsaved).toHaveLength(2);

    server.release();
    await until(() => server.requests.length === 2 && session.getSnapshot().save.state === "saved", "the second save");
    expect(server.requests[1]).toEqual({ baseRevision: 2, operations: [delayNode("b")] });
    expect(session.getSnapshot().revision).toBe(3);
    expect(ids(session)).toEqual(["a", "b"]);
  });

  it("flush saves at once and resolves with the revision that has the edits", async () => {
    const server = new DraftServer();
    const session = start(server, 60_000);
    session.apply([delayNode("a")]);
    await expect(session.flush()).resolves.toBe(2);
    expect(server.draft.nodes.map((node) => node.id)).toEqual(["a"]);
    await expect(session.flush()).resolves.toBe(2);
    expect(server.requests).toHaveLength(1);
  });

  it("undo and redo apply the inverse through the same autosave", async () => {
    const server = new DraftServer();
    const session = start(server);
    session.apply([delayNode("a")]);
    session.apply([{ type: "move_node", nodeId: "a", position: { x: 50, y: 60 } }]);
    expect(session.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });

    expect(session.undo()).toEqual({ ok: true });
    expect(session.getSnapshot().draft.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(session.undo()).toEqual({ ok: true });
    expect(ids(session)).toEqual([]);
    expect(session.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });
    expect(session.undo()).toEqual({ ok: false, message: "Nothing to undo" });

    expect(session.redo()).toEqual({ ok: true });
    expect(ids(session)).toEqual(["a"]);
    await session.flush();
    expect(server.draft.nodes.map((node) => node.id)).toEqual(["a"]);

    session.apply([delayNode("b")]);
    expect(session.getSnapshot().canRedo).toBe(false);
  });

  it("stops at a conflict when the server moved on, and never retries over it", async () => {
    const server = new DraftServer();
    const session = start(server);
    server.editElsewhere([delayNode("theirs")]);
    session.apply([delayNode("mine")]);
    await until(() => session.getSnapshot().save.state === "conflict", "the conflict");
    expect(session.getSnapshot().save).toEqual({ state: "conflict", message: CONFLICT_MESSAGE });
    expect(session.getSnapshot().unsaved).toHaveLength(1);
    await expect(session.flush()).rejects.toThrow(CONFLICT_MESSAGE);
    expect(session.apply([delayNode("more")])).toMatchObject({ ok: false });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(server.requests).toHaveLength(1);
    expect(server.draft.nodes.map((node) => node.id)).toEqual(["theirs"]);

    session.load(server.current());
    expect(ids(session)).toEqual(["theirs"]);
    expect(session.getSnapshot()).toMatchObject({ revision: 2, unsaved: [], save: { state: "saved" }, canUndo: false });
  });

  it("loads a newer draft silently when nothing is unsaved, and reports a conflict otherwise", () => {
    const server = new DraftServer();
    const session = start(server, 60_000);
    expect(session.observe(server.current())).toBe("current");
    server.editElsewhere([delayNode("theirs")]);
    expect(session.observe(server.current())).toBe("loaded");
    expect(ids(session)).toEqual(["theirs"]);

    session.apply([delayNode("mine")]);
    server.editElsewhere([delayNode("theirs_2")]);
    expect(session.observe(server.current())).toBe("conflict");
    expect(ids(session)).toEqual(["theirs", "mine"]);
    expect(session.getSnapshot().save.state).toBe("conflict");
  });

  it("ignores the poll while a save is in flight, and ignores an answer that predates a reload", async () => {
    const server = new DraftServer();
    const session = start(server, 5);
    server.hold();
    session.apply([delayNode("a")]);
    await until(() => server.requests.length === 1, "the request");
    expect(session.observe({ ...server.current(), revision: 9 })).toBe("busy");

    session.load(server.current());
    server.release();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(session.getSnapshot()).toMatchObject({ revision: 1, unsaved: [], save: { state: "saved" } });
    expect(ids(session)).toEqual([]);
  });

  it("retries a save that failed on the network, keeping the edits", async () => {
    const server = new DraftServer();
    const session = start(server);
    server.offline = true;
    session.apply([delayNode("a")]);
    await until(() => session.getSnapshot().save.state === "error", "the failure");
    expect(session.getSnapshot().save).toEqual({ state: "error", message: "Network is down" });
    expect(session.getSnapshot().unsaved).toHaveLength(1);
    server.offline = false;
    await until(() => session.getSnapshot().save.state === "saved", "the retry");
    expect(server.draft.nodes.map((node) => node.id)).toEqual(["a"]);
  });

  it("drops operations the server refuses and says why", async () => {
    // A server whose applyOperation disagrees with the browser's (say, a newer flow-core).
    const refusing = new DraftSession({
      initial: new DraftServer().current(),
      quietMs: 60_000,
      save: async () => ({ ok: false, kind: "refused", message: 'A node with id "a" already exists' }),
    });
    sessions.push(refusing);
    refusing.apply([delayNode("a")]);
    await expect(refusing.flush()).rejects.toThrow('A node with id "a" already exists');
    expect(refusing.getSnapshot()).toMatchObject({
      unsaved: [],
      save: { state: "error", message: 'A node with id "a" already exists' },
      canUndo: false,
    });
    expect(ids(refusing)).toEqual([]);
  });
});
