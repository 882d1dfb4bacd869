ALTER TABLE "identity_reviews" ADD COLUMN "decision" text;--> statement-breakpoint
CREATE INDEX "identity_reviews_decided_idx" ON "identity_reviews" USING btree ("workspace_id","provider","resolved_at") WHERE "identity_reviews"."decision" is not null;--> statement-breakpoint
ALTER TABLE "identity_reviews" ADD CONSTRAINT "identity_reviews_decision_known" CHECK ("identity_reviews"."decision" in ('same_as', 'create_new'));--> statement-breakpoint
-- Conflicts resolved before this column existed: their decision is in the words written then.
UPDATE "identity_reviews" SET "decision" = CASE
  WHEN "resolution" LIKE 'None of these:%' THEN 'create_new'
  WHEN "resolution" LIKE 'Same customer as %' THEN 'same_as'
END
WHERE "status" = 'resolved';
