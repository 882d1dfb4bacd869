import { schema } from "@handoff/db";
import { z } from "zod";

const { RETENTION_DAYS_MIN, RETENTION_DAYS_MAX } = schema;

const ZMember = z.object({ userId: z.string(), email: z.string(), name: z.string() });

export const ZWorkspaceSettings = z.object({
  mappingOwner: ZMember.nullable(),
  successRetentionDays: z.number(),
  failureRetentionDays: z.number(),
});

/** Whole days, within what the database accepts. */
const retentionDays = (what: string) =>
  z
    .number({ error: `${what} must be a number of days` })
    .int(`${what} are kept a whole number of days`)
    .min(RETENTION_DAYS_MIN, `${what} are kept at least ${RETENTION_DAYS_MIN} day`)
    .max(RETENTION_DAYS_MAX, `${what} are kept at most ${RETENTION_DAYS_MAX} days (ten years)`);

/** Only the fields sent change; `mappingOwnerUserId: null` clears the mapping owner. */
export const ZWorkspaceSettingsChanges = z.object({
  mappingOwnerUserId: z.uuid("Choose a mapping owner among the members").nullable().optional(),
  successRetentionDays: retentionDays("Successful runs").optional(),
  failureRetentionDays: retentionDays("Failed runs").optional(),
});

export const ZWorkspaceSettingsView = ZWorkspaceSettings.extend({ candidates: z.array(ZMember) });
