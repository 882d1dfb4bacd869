import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { defineAction } from "./action";
import { defineConnector, isConnectorDefinition } from "./connector";
import { defineTrigger } from "./triggers/define-trigger";

const createNote = defineAction({
  key: "create-note",
  name: "Create note",
  description: "Adds a note",
  props: z.object({ text: z.string(), pinned: z.boolean().default(false) }),
  sideEffect: true,
  async run(ctx) {
    expectTypeOf(ctx.props).toEqualTypeOf<{ text: string; pinned: boolean }>();
    return { length: ctx.props.text.length, pinned: ctx.props.pinned, key: ctx.idempotencyKey };
  },
});

const noteAdded = defineTrigger({
  kind: "webhook",
  key: "note-added",
  name: "Note added",
  description: "A note was added",
  props: z.object({ folder: z.string().optional() }),
  verify: (input) => {
    expectTypeOf(input.props).toEqualTypeOf<{ folder?: string | undefined }>();
    return { ok: true };
  },
  parse: (rawBody) => ({ ok: true, payload: { id: rawBody.toString("utf8") } }),
  eventId: (payload) => payload.id,
  eventTime: () => undefined,
});

describe("defineAction", () => {
  it("types run's output and refuses keys that are not kebab-case", async () => {
    const output = await createNote.run({
      props: { text: "hello", pinned: true },
      connection: null,
      idempotencyKey: "run_1:node_1",
      signal: new AbortController().signal,
      log: () => {},
    });
    expect(output).toEqual({ length: 5, pinned: true, key: "run_1:node_1" });
    expect(() => defineAction({ ...createNote, key: "createNote" })).toThrow(
      'action key "createNote" must be kebab-case (lower-case letters, digits and single hyphens)',
    );
  });
});

describe("defineConnector", () => {
  const definition = {
    key: "notes",
    name: "Notes",
    category: "messaging",
    auth: { kind: "bearer" },
    triggers: [noteAdded],
    actions: [createNote],
  } as const;

  it("returns the definition with its literal key", () => {
    const connector = defineConnector(definition);
    expectTypeOf(connector.key).toEqualTypeOf<"notes">();
    expect(connector.actions[0]?.key).toBe("create-note");
    expect(isConnectorDefinition(connector)).toBe(true);
  });

  it("refuses bad keys and duplicate operations", () => {
    expect(() => defineConnector({ ...definition, key: "My Notes" })).toThrow(
      'connector key "My Notes" must be kebab-case',
    );
    expect(() => defineConnector({ ...definition, actions: [createNote, createNote] })).toThrow(
      'connector "notes" has two actions with key "create-note"',
    );
    expect(() => defineTrigger({ ...noteAdded, key: "note_added" })).toThrow(
      'trigger key "note_added" must be kebab-case',
    );
  });
});

describe("isConnectorDefinition", () => {
  it("tells connectors from other exports", () => {
    expect(isConnectorDefinition(createNote)).toBe(false);
    expect(isConnectorDefinition({ key: "x", name: "X", category: "shop", triggers: [], actions: [] })).toBe(false);
    expect(isConnectorDefinition(null)).toBe(false);
  });
});
