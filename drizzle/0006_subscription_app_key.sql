ALTER TABLE "trigger_subscriptions" ADD COLUMN "app_key" text;--> statement-breakpoint
CREATE INDEX "trigger_subscriptions_app_key_idx" ON "trigger_subscriptions" USING btree ("app_key");