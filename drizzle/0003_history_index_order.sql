DROP INDEX "audit_log_workspace_created_idx";--> statement-breakpoint
DROP INDEX "flows_workspace_idx";--> statement-breakpoint
DROP INDEX "flow_runs_workspace_created_idx";--> statement-breakpoint
DROP INDEX "flow_runs_flow_created_idx";--> statement-breakpoint
DROP INDEX "flow_runs_workspace_status_created_idx";--> statement-breakpoint
DROP INDEX "trigger_events_flow_received_idx";--> statement-breakpoint
DROP INDEX "trigger_events_rejected_idx";--> statement-breakpoint
CREATE INDEX "audit_log_workspace_created_idx" ON "audit_log" USING btree ("workspace_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "flows_workspace_idx" ON "flows" USING btree ("workspace_id","updated_at" DESC NULLS FIRST) WHERE "flows"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "flow_runs_workspace_created_idx" ON "flow_runs" USING btree ("workspace_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "flow_runs_flow_created_idx" ON "flow_runs" USING btree ("flow_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "flow_runs_workspace_status_created_idx" ON "flow_runs" USING btree ("workspace_id","status","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "trigger_events_flow_received_idx" ON "trigger_events" USING btree ("flow_id","received_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "trigger_events_rejected_idx" ON "trigger_events" USING btree ("workspace_id","received_at" DESC NULLS FIRST) WHERE "trigger_events"."status" = 'rejected';