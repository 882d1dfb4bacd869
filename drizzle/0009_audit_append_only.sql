-- The audit trail is append-only. A direct UPDATE or DELETE is refused; what Postgres does on its
-- own behalf is allowed: cascades when a workspace is deleted and `set null` when a user is
-- deleted arrive from the foreign-key triggers, one trigger level deeper. Erasing a customer may
-- redact personal data inside before/after, and only inside a transaction that says so with
-- `set local handoff.audit_redaction = 'on'`.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'UPDATE'
     AND current_setting('handoff.audit_redaction', true) = 'on'
     AND NEW.id = OLD.id AND NEW.workspace_id IS NOT DISTINCT FROM OLD.workspace_id
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id AND NEW.action = OLD.action
     AND NEW.target_type = OLD.target_type AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id
     AND NEW.created_at = OLD.created_at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
