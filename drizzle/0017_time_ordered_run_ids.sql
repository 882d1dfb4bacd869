ALTER TABLE "flow_runs" ALTER COLUMN "id" SET DEFAULT time_ordered_uuid();--> statement-breakpoint
ALTER TABLE "trigger_events" ALTER COLUMN "id" SET DEFAULT time_ordered_uuid();