CREATE TYPE "public"."attention_kind" AS ENUM('run', 'identity_review', 'rejected_delivery');--> statement-breakpoint
CREATE TABLE "attention_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" "attention_kind" NOT NULL,
	"ref_id" uuid NOT NULL,
	"assigned_to" uuid,
	"dismissed_at" timestamp with time zone,
	"dismissed_by" uuid,
	"dismiss_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attention_notes" ADD CONSTRAINT "attention_notes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attention_notes" ADD CONSTRAINT "attention_notes_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attention_notes" ADD CONSTRAINT "attention_notes_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attention_notes_item_key" ON "attention_notes" USING btree ("kind","ref_id");--> statement-breakpoint
CREATE INDEX "attention_notes_workspace_idx" ON "attention_notes" USING btree ("workspace_id");