import { defineAction } from "@handoff/connector-sdk";
import { z } from "zod";
import { createHubspotClient } from "./client";
import { type RecordOutput, toRecordOutput, updateObject } from "./crm-objects";
import { optionalText, ZDateTime } from "./props";

/** Expressions that resolve to nothing give "": that field is left as it is. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const TASK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"] as const;

export const ZUpdateTaskProps = z
  .object({
    taskId: z.string().trim().min(1, "taskId is required"),
    subject: optionalText,
    body: optionalText,
    dueAt: z.preprocess(blankToUndefined, ZDateTime.optional()).describe("The new due time (ISO-8601 with an offset)"),
    status: z
      .preprocess(blankToUndefined, z.enum(TASK_STATUSES).optional())
      .describe("COMPLETED closes the task (HubSpot stamps the completion date)"),
    priority: z.preprocess(blankToUndefined, z.enum(["NONE", "LOW", "MEDIUM", "HIGH"]).optional()),
  })
  .refine(
    (props) => [props.subject, props.body, props.dueAt, props.status, props.priority].some((v) => v !== undefined),
    { message: "give at least one of subject, body, dueAt, status or priority to change", path: ["subject"] },
  );

export type UpdateTaskProps = z.output<typeof ZUpdateTaskProps>;

function taskProperties(props: UpdateTaskProps): Record<string, string> {
  const named = {
    hs_task_subject: props.subject,
    hs_task_body: props.body,
    hs_timestamp: props.dueAt,
    hs_task_status: props.status,
    hs_task_priority: props.priority,
  };
  return Object.fromEntries(Object.entries(named).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Moves, renames or closes a task (an appointment follow-up that was rescheduled or canceled).
 * A PATCH of the same values is harmless when repeated; a task deleted in HubSpot is a final 404.
 */
export const updateTaskAction = defineAction({
  key: "update-task",
  name: "Update task",
  description: "Changes a HubSpot task's due time, subject, body, priority or status (COMPLETED closes it).",
  props: ZUpdateTaskProps,
  sideEffect: false,
  sampleOutput: {
    taskId: "3001",
    task: {
      id: "3001",
      properties: {
        hs_task_subject: "Appointment: Haircut with Jane Roe",
        hs_timestamp: "2026-11-26T09:00:00.000Z",
        hs_task_status: "NOT_STARTED",
      },
    },
  },
  async run(ctx): Promise<{ taskId: string; task: RecordOutput }> {
    const client = createHubspotClient(ctx.connection, { signal: ctx.signal, log: ctx.log });
    const task = await updateObject(client, "tasks", ctx.props.taskId, taskProperties(ctx.props));
    return { taskId: task.id, task: toRecordOutput(task) };
  },
});
