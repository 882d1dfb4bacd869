ALTER TABLE "workspaces" ADD COLUMN "mapping_owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_mapping_owner_user_id_users_id_fk" FOREIGN KEY ("mapping_owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_reviews_run_idx" ON "identity_reviews" USING btree ("run_id") WHERE "identity_reviews"."run_id" is not null;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_success_retention_days_range" CHECK ("workspaces"."success_retention_days" between 1 and 3650);--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_failure_retention_days_range" CHECK ("workspaces"."failure_retention_days" between 1 and 3650);