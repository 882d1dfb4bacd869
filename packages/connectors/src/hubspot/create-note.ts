import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import { createObject, engagementAssociations, type RecordOutput, toRecordOutput } from "./crm-objects";
import { optionalText, ZDateTime } from "./props";

export const ZCreateNoteProps = z.object({
  body: z.string().trim().min(1, "body is required").describe("The note's text (HubSpot accepts simple HTML)"),
  timestamp: ZDateTime.optional().describe("When the note is dated on the timeline; now when empty"),
  contactId: optionalText,
  dealId: optionalText,
});

/**
 * Like create-task: notes cannot carry the idempotency key and cannot be searched consistently, so
 * a step retried after an unanswered create may leave a second note. Accepted (a duplicate note is
 * noise, not money); the client never replays the POST by itself.
 */
export const createNoteAction = defineAction({
  key: "create-note",
  name: "Create note",
  description: "Adds a note to the timeline of a HubSpot contact and/or deal.",
  props: ZCreateNoteProps,
  sideEffect: true,
  sampleOutput: {
    noteId: "3002",
    note: {
      id: "3002",
      properties: { hs_note_body: "Paid invoice INV-0042", hs_timestamp: "2025-03-04T09:00:00.000Z" },
    },
  },
  async run(ctx): Promise<{ noteId: string; note: RecordOutput }> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const properties = { hs_note_body: ctx.props.body, hs_timestamp: ctx.props.timestamp ?? new Date().toISOString() };
    const note = await createObject(client, "notes", properties, engagementAssociations("note", ctx.props));
    return { noteId: note.id, note: toRecordOutput(note) };
  },
});
