import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import { createObject, engagementAssociations, type RecordOutput, toRecordOutput } from "./crm-objects";
import { optionalText, ZDateTime } from "./props";

export const ZCreateTaskProps = z.object({
  subject: z.string().trim().min(1, "subject is required"),
  body: optionalText,
  dueAt: ZDateTime.describe("When the task is due (ISO-8601 with a time zone offset)"),
  status: z.enum(["NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"]).default("NOT_STARTED"),
  priority: z.enum(["NONE", "LOW", "MEDIUM", "HIGH"]).optional(),
  contactId: optionalText,
  dealId: optionalText,
});

/**
 * Tasks have no property to hold the step's idempotency key, and no natural key HubSpot can
 * search consistently, so a step retried after HubSpot created the task but before we heard back
 * may create a second one. The client never replays the POST itself (no idempotency key is passed),
 * which keeps that to a failed-then-retried step: a rare duplicate follow-up task, accepted here.
 */
export const createTaskAction = defineAction({
  key: "create-task",
  name: "Create task",
  description: "Creates a HubSpot task (a follow-up due at a time), linked to a contact and/or a deal.",
  props: ZCreateTaskProps,
  sideEffect: true,
  sampleOutput: {
    taskId: "3001",
    task: {
      id: "3001",
      properties: {
        hs_task_subject: "Call Jane about the overdue invoice",
        hs_timestamp: "2025-03-04T09:00:00.000Z",
        hs_task_status: "NOT_STARTED",
      },
    },
  },
  async run(ctx): Promise<{ taskId: string; task: RecordOutput }> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const { subject, body, dueAt, status, priority } = ctx.props;
    const properties: Record<string, string> = {
      hs_task_subject: subject,
      hs_timestamp: dueAt,
      hs_task_status: status,
      ...(body ? { hs_task_body: body } : {}),
      ...(priority ? { hs_task_priority: priority } : {}),
    };
    const task = await createObject(client, "tasks", properties, engagementAssociations("task", ctx.props));
    return { taskId: task.id, task: toRecordOutput(task) };
  },
});
