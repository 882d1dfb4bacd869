// Index orders use DESC NULLS FIRST, which is what `ORDER BY x DESC` means: drizzle's bare
// `.desc()` emits NULLS LAST, and an index in that order cannot serve the history queries.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { runStatusEnum, stepStatusEnum, triggerEventStatusEnum } from "./enums";
import { flows, flowVersions } from "./flows";
import { workspaces } from "./workspaces";

/** Every delivery Handoff received for a flow: accepted, ignored while paused, or rejected. */
export const triggerEvents = pgTable(
  "trigger_events",
  {
    // Time-ordered (UUIDv7, migration 0016): inserts append to the key indexes.
    id: uuid("id").primaryKey().default(sql`time_ordered_uuid()`),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    /** Provider event id, else a hash of the body. Null for rejected deliveries. */
    idempotencyKey: text("idempotency_key"),
    status: triggerEventStatusEnum("status").notNull(),
    rejectionReason: text("rejection_reason"),
    payload: jsonb("payload"),
    headers: jsonb("headers"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the event happened at the source, when the provider says so. */
    sourceEventAt: timestamp("source_event_at", { withTimezone: true }),
  },
  (t) => [
    // A duplicate delivery of the same event must never start a second run.
    uniqueIndex("trigger_events_flow_key_key")
      .on(t.flowId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index("trigger_events_flow_received_idx").on(t.flowId, t.receivedAt.desc().nullsFirst()),
    index("trigger_events_rejected_idx")
      .on(t.workspaceId, t.receivedAt.desc().nullsFirst())
      .where(sql`${t.status} = 'rejected'`),
  ],
);

export const flowRuns = pgTable(
  "flow_runs",
  {
    // Time-ordered like trigger events: steps are keyed by run id, so they append too.
    id: uuid("id").primaryKey().default(sql`time_ordered_uuid()`),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    flowId: uuid("flow_id")
      .notNull()
      .references(() => flows.id, { onDelete: "cascade" }),
    flowVersionId: uuid("flow_version_id").references(() => flowVersions.id),
    triggerEventId: uuid("trigger_event_id").references(() => triggerEvents.id),
    status: runStatusEnum("status").notNull().default("queued"),
    isTest: boolean("is_test").notNull().default(false),
    /** The draft a test run ran: editor test runs have no version, they run what is on the canvas. */
    testGraph: jsonb("test_graph"),
    /** Replays are new runs linked to the run they replay. */
    replayOfRunId: uuid("replay_of_run_id"),
    replayFromNodeId: text("replay_from_node_id"),
    /** One line for lists, e.g. "Booking: Jane Roe, Tue 14:00 Europe/Paris". */
    triggerSummary: text("trigger_summary").notNull().default(""),
    /** Normalised business keys (emails, phones, invoice numbers, booking uids) for search. */
    businessKeys: text("business_keys").array().notNull().default(sql`'{}'::text[]`),
    attempt: integer("attempt").notNull().default(0),
    error: jsonb("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sourceEventAt: timestamp("source_event_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    // Keyset pagination of the history, newest first, with and without filters.
    index("flow_runs_workspace_created_idx").on(
      t.workspaceId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("flow_runs_flow_created_idx").on(t.flowId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The version filter of the runs page, newest first (and the foreign key when a version goes).
    index("flow_runs_version_created_idx").on(
      t.flowVersionId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("flow_runs_workspace_status_created_idx").on(
      t.workspaceId,
      t.status,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // The bookkeeper's usual filter, one flow's failures: direct even when that flow has none.
    index("flow_runs_flow_status_created_idx").on(
      t.flowId,
      t.status,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("flow_runs_business_keys_idx").using("gin", t.businessKeys),
    index("flow_runs_trigger_event_idx").on(t.triggerEventId),
    index("flow_runs_replay_of_idx").on(t.replayOfRunId).where(sql`${t.replayOfRunId} is not null`),
  ],
);

export const stepRuns = pgTable(
  "step_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => flowRuns.id, { onDelete: "cascade" }),
    /** Node id, plus the loop index inside a loop: the memo key of the step. */
    stepKey: text("step_key").notNull(),
    nodeId: text("node_id").notNull(),
    status: stepStatusEnum("status").notNull(),
    input: jsonb("input"),
    output: jsonb("output"),
    outputTruncated: boolean("output_truncated").notNull().default(false),
    error: jsonb("error"),
    attempt: integer("attempt").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
  },
  (t) => [uniqueIndex("step_runs_run_step_key").on(t.runId, t.stepKey)],
);
