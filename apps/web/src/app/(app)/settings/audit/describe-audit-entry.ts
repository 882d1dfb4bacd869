import { ROLE_LABELS, ZRole } from "@handoff/auth/roles";

/** The parts of an audit row a sentence is made from. */
export interface DescribableAuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
}

type Describe = (entry: DescribableAuditEntry, facts: Facts) => string;

interface Facts {
  /** The target as a person reads it: its name or email, else a short id. */
  target: string;
  before: (key: string) => string | undefined;
  after: (key: string) => string | undefined;
  role: (value: string | undefined) => string;
}

/**
 * "invited ana@x.test as Bookkeeper", "published flow “Bookings” v3": what the actor did, for the
 * audit page. Actions not listed here fall back to a sentence made from the action's name, so a new
 * action shows up readable before anyone adds it.
 */
const SENTENCES: Record<string, Describe> = {
  "user.created": (_, f) => `created the account ${f.after("email") ?? f.target} as ${f.role(f.after("role"))}`,
  "user.invited": (_, f) => `invited ${f.after("email") ?? f.target} as ${f.role(f.after("role"))}`,
  "user.joined": (_, f) => `${f.after("email") ?? f.target} joined as ${f.role(f.after("role"))}`,
  "user.role_changed": (_, f) =>
    `changed the role of ${f.before("email") ?? f.target} from ${f.role(f.before("role"))} to ${f.role(f.after("role"))}`,
  "user.removed": (_, f) => `removed ${f.before("email") ?? f.target} from the workspace`,
  "user.signed_out_everywhere": (_, f) => `signed ${f.after("email") ?? f.target} out of every browser`,
  "invitation.revoked": (_, f) =>
    `revoked the invitation of ${f.before("email") ?? f.target} as ${f.role(f.before("role"))}`,
  "flow.created": (_, f) => `created flow ${named(f.after("name"), f.target)}`,
  "flow.renamed": (_, f) => `renamed flow ${named(f.before("name"), f.target)} to ${named(f.after("name"), "?")}`,
  "flow.deleted": (_, f) => `deleted flow ${named(f.before("name"), f.target)}`,
  "flow.saved": (entry, f) => `saved the draft of flow ${f.target}${draftChanges(entry.after)}`,
  "flow.published": (_, f) => `published flow ${f.target} v${f.after("number") ?? "?"}`,
  "flow.rolled_back": (_, f) =>
    `rolled flow ${f.target} back to v${f.after("rolledBackTo") ?? "?"} (published as v${f.after("number") ?? "?"})`,
  "flow.paused": (_, f) => `paused flow ${f.target}`,
  "flow.resumed": (_, f) => `resumed flow ${f.target}`,
  "flow.hook_secret_set": (_, f) => `set the webhook signing secret of flow ${f.target}`,
  "flow.hook_secret_removed": (_, f) => `removed the webhook signing secret of flow ${f.target}`,
  "connection.created": (_, f) =>
    `connected ${f.after("provider") ?? "a tool"} as ${named(f.after("name"), f.target)}${f.after("environment") ? ` (${f.after("environment")})` : ""}`,
  "connection.renamed": (_, f) =>
    `renamed connection ${named(f.before("name"), f.target)} to ${named(f.after("name"), "?")}`,
  "connection.rotated": (_, f) => `replaced the credentials of connection ${f.target}`,
  "connection.deleted": (_, f) => `deleted connection ${named(f.before("name"), f.target)}`,
  "customer.exported": (_, f) => `exported everything held about customer ${f.target}`,
  "customer.erased": (_, f) => `erased customer ${f.target} from Handoff`,
  "secrets.key_rotated": () => "rotated the encryption key of stored credentials",
  "run.retried": (_, f) => `retried run ${f.target}`,
  "run.replayed": (_, f) =>
    `replayed run ${f.target}${f.after("fromNodeId") ? ` from step ${f.after("fromNodeId")}` : ""}`,
  "run.replay_payload_edited": (_, f) => `replayed run ${f.target} with an edited trigger payload`,
  "run.dismissed": (_, f) => `dismissed run ${f.target} from the needs-attention queue`,
  "run.canceled": (_, f) => `canceled run ${f.target}`,
  "attention.assigned": (entry, f) =>
    f.after("assignedTo")
      ? `assigned ${ATTENTION_KINDS[entry.targetType] ?? "item"} ${f.target} in the needs-attention queue`
      : `unassigned ${ATTENTION_KINDS[entry.targetType] ?? "item"} ${f.target} in the needs-attention queue`,
  "attention.dismissed": (entry, f) =>
    `dismissed ${ATTENTION_KINDS[entry.targetType] ?? "item"} ${f.target} from the needs-attention queue`,
  "identity_review.resolved": (_, f) =>
    f.after("decision") === "same_as"
      ? `settled identity conflict ${f.target}: the ${f.after("provider") ?? ""} record ${f.after("externalId") ?? "?"} is the customer`
      : `settled identity conflict ${f.target}: none of the ${f.after("provider") ?? ""} records is the customer`,
  "workspace.settings_changed": () => "changed the workspace settings (mapping owner, retention)",
};

/** How a needs-attention item's kind reads in a sentence. */
const ATTENTION_KINDS: Record<string, string> = {
  run: "run",
  identity_review: "identity conflict",
  rejected_delivery: "rejected delivery",
};

export function describeAuditEntry(entry: DescribableAuditEntry): string {
  const facts: Facts = {
    target: targetName(entry),
    before: (key) => scalar(entry.before, key),
    after: (key) => scalar(entry.after, key),
    role: (value) => {
      const role = ZRole.safeParse(value);
      return role.success ? ROLE_LABELS[role.data] : (value ?? "an unknown role");
    },
  };
  const describe = SENTENCES[entry.action];
  if (describe) return describe(entry, facts);
  const verb = entry.action.split(".").slice(1).join(" ").replaceAll("_", " ") || entry.action;
  return `${verb}: ${entry.targetType.replaceAll("_", " ")} ${facts.target}`;
}

/** The target's name in quotes when known; otherwise the start of its id, enough to tell rows apart. */
export function targetName({ targetLabel, targetId }: Pick<DescribableAuditEntry, "targetLabel" | "targetId">) {
  if (targetLabel) return quote(targetLabel);
  if (!targetId) return "";
  return targetId.length > 12 ? targetId.slice(0, 8) : targetId;
}

function quote(text: string): string {
  return `“${text}”`;
}

/** A name the row itself recorded (what it was called then), else the target as known now. */
function named(recorded: string | undefined, fallback: string): string {
  return recorded ? quote(recorded) : fallback;
}

function scalar(value: unknown, key: string): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" || typeof field === "number" ? String(field) : undefined;
}

/** ": 1 step added, 2 steps changed" from the summary a draft save records; nothing when only positions moved. */
function draftChanges(after: unknown): string {
  const count = (key: string) => {
    const list = after && typeof after === "object" ? (after as Record<string, unknown>)[key] : undefined;
    return Array.isArray(list) ? list.length : 0;
  };
  const parts = (
    [
      ["nodesAdded", "added"],
      ["nodesRemoved", "removed"],
      ["nodesChanged", "changed"],
    ] as const
  ).flatMap(([key, verb]) => {
    const n = count(key);
    return n > 0 ? [`${n} ${n === 1 ? "step" : "steps"} ${verb}`] : [];
  });
  return parts.length > 0 ? `: ${parts.join(", ")}` : "";
}
