import { and, type Database, eq, ne, schema, sql } from "@handoff/db";
import { z } from "zod";
import { type ReviewKeys, ZReviewCandidate, ZReviewKeys } from "../attention/identity-review";
import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../flows/errors";
import { retryRun } from "../runs/retry-run";

/** Bad input from the person: a record that is not one of the candidates, a review without keys. */
export class IdentityReviewInputError extends Error {
  override name = "IdentityReviewInputError";
}

/** Someone resolved or dismissed the review first. */
export class IdentityReviewClosedError extends Error {
  override name = "IdentityReviewClosedError";
}

export type IdentityReviewDecision =
  /** This provider record is the customer the action was looking for. */
  | { kind: "same_as"; externalId: string }
  /** None of the records is that customer: a new one is needed in the provider. */
  | { kind: "create_new" };

export interface ResolveIdentityReviewOptions {
  db: Database;
  workspaceId: string;
  reviewId: string;
  decision: IdentityReviewDecision;
  actorUserId: string | null;
}

export interface IdentityReviewResolution {
  reviewId: string;
  /** Other open reviews asking the very same question, answered by the same decision. */
  alsoResolved: string[];
  /** The customer the record was linked to (same_as only). */
  customerId: string | null;
  retriedRunIds: string[];
  /** Runs the conflict blocked that were not retried, and why. */
  notRetried: { runId: string; reason: string }[];
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Settles an identity conflict. For "same as", the identity map records that the chosen record is
 * the customer the action looked for — under the customer the map itself finds for those keys
 * (email first, then phone), since that is where the action's `lookup` looks when the run is
 * retried: it then finds the link and continues with that record, without matching again.
 * The customer's other links to this provider are dropped, because `lookup` reads one link per
 * provider and an older one would win over the person's choice.
 *
 * For "create new", the decision itself is the record: the identity map's `lookup` answers
 * `decided_new` for these keys (while no link exists), so the retried step creates the record
 * without matching again, and links it, so later runs find it by that link.
 *
 * Runs the conflict blocked are retried after the decision commits (in their own audited
 * transactions); a run replayed since is left alone, as retrying it would repeat its side effects.
 */
export async function resolveIdentityReview(options: ResolveIdentityReviewOptions): Promise<IdentityReviewResolution> {
  const { db, workspaceId, actorUserId } = options;
  const decided = await db.transaction((tx) => recordDecision(tx, options));
  const resolution: IdentityReviewResolution = {
    reviewId: options.reviewId,
    alsoResolved: decided.alsoResolved,
    customerId: decided.customerId,
    retriedRunIds: [],
    notRetried: [],
  };
  for (const runId of decided.blockedRunIds) {
    try {
      await retryRun({ db, runId, actorUserId, workspaceId });
      resolution.retriedRunIds.push(runId);
    } catch (error) {
      resolution.notRetried.push({ runId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return resolution;
}

async function recordDecision(tx: Tx, { workspaceId, reviewId, decision, actorUserId }: ResolveIdentityReviewOptions) {
  const found = await tx.execute<{ provider: string; keys: unknown; candidates: unknown; status: string }>(sql`
    select provider, keys, candidates, status from identity_reviews
     where id = ${reviewId} and workspace_id = ${workspaceId} for update`);
  const review = found.rows[0];
  if (!review) throw new NotFoundError(`No identity review ${reviewId} in this workspace`);
  if (review.status !== "open")
    throw new IdentityReviewClosedError(`This identity conflict was already ${review.status}`);
  const keys = ZReviewKeys.parse(review.keys ?? {});
  const candidates = z.array(ZReviewCandidate).parse(review.candidates ?? []);

  let resolutionText = `None of these: a new ${review.provider} record is needed`;
  let customerId: string | null = null;
  let linkChange: Awaited<ReturnType<typeof linkChosenRecord>> | null = null;
  if (decision.kind === "create_new" && !keys.email && !keys.phone) {
    // `lookup` finds the decision by these keys: without them the retried step would stop again.
    throw new IdentityReviewInputError("This conflict has no email or phone to record the decision under");
  }
  if (decision.kind === "same_as") {
    const chosen = candidates.find((candidate) => candidate.externalId === decision.externalId);
    if (!chosen) {
      throw new IdentityReviewInputError(
        `${review.provider} record ${decision.externalId} is not one of the records in this conflict`,
      );
    }
    customerId = await findOrCreateCustomer(tx, workspaceId, keys);
    linkChange = await linkChosenRecord(tx, { workspaceId, customerId, provider: review.provider, ...chosen });
    resolutionText = `Same customer as ${review.provider} record ${chosen.externalId}${chosen.label ? ` (${chosen.label})` : ""}`;
  }

  // Every open review asking the same question (the same person booked twice) gets the same answer.
  const closed = await tx.execute<{ id: string; run_id: string | null }>(sql`
    update identity_reviews
       set status = 'resolved', decision = ${decision.kind}, resolution = ${resolutionText},
           resolved_by = ${actorUserId}, resolved_at = now()
     where workspace_id = ${workspaceId} and status = 'open'
       and (id = ${reviewId} or (provider = ${review.provider} and keys = ${JSON.stringify(review.keys)}::jsonb))
    returning id, run_id`);
  const alsoResolved = closed.rows.map((row) => row.id).filter((id) => id !== reviewId);
  const blockedRunIds = await retriableRuns(
    tx,
    closed.rows.flatMap((row) => (row.run_id ? [row.run_id] : [])),
  );

  await recordAudit({
    db: tx,
    workspaceId,
    actorUserId,
    action: "identity_review.resolved",
    targetType: "identity_review",
    targetId: reviewId,
    before: { status: "open", ...(linkChange ? linkChange.before : {}) },
    after: {
      status: "resolved",
      decision: decision.kind,
      provider: review.provider,
      ...(decision.kind === "same_as" ? { externalId: decision.externalId, customerId } : {}),
      ...(alsoResolved.length > 0 ? { alsoResolved } : {}),
      runsToRetry: blockedRunIds,
    },
  });
  return { customerId, alsoResolved, blockedRunIds };
}

/** The customer `lookup` will find for these keys: by email, then by phone, never by name; else a new one. */
async function findOrCreateCustomer(tx: Tx, workspaceId: string, keys: ReviewKeys): Promise<string> {
  if (!keys.email && !keys.phone) {
    throw new IdentityReviewInputError("This conflict has no email or phone to record the decision under");
  }
  const find = async () => {
    if (keys.email) {
      const byEmail = await tx.execute<{ id: string }>(
        sql`select id from customers where workspace_id = ${workspaceId} and email = ${keys.email}`,
      );
      if (byEmail.rows[0]) return byEmail.rows[0].id;
    }
    if (keys.phone) {
      const byPhone = await tx.execute<{ id: string }>(sql`
        select id from customers where workspace_id = ${workspaceId} and phone = ${keys.phone}
         order by created_at limit 1`);
      if (byPhone.rows[0]) return byPhone.rows[0].id;
    }
    return undefined;
  };
  const existing = await find();
  if (existing) return existing;
  const [created] = await tx
    .insert(schema.customers)
    .values({ workspaceId, email: keys.email ?? null, phone: keys.phone ?? null, name: keys.name ?? null })
    .onConflictDoNothing()
    .returning({ id: schema.customers.id });
  const id = created?.id ?? (await find());
  if (!id) throw new Error("the customer vanished while it was being created");
  return id;
}

/**
 * Makes the chosen record this customer's one link to the provider. A record already linked to
 * another customer is moved: the person has just said whose it is.
 */
async function linkChosenRecord(
  tx: Tx,
  link: { workspaceId: string; customerId: string; provider: string; externalId: string },
) {
  const { workspaceId, customerId, provider, externalId } = link;
  const sameRecord = and(
    eq(schema.customerLinks.workspaceId, workspaceId),
    eq(schema.customerLinks.provider, provider),
    eq(schema.customerLinks.externalId, externalId),
  );
  const [current] = await tx
    .select({ customerId: schema.customerLinks.customerId })
    .from(schema.customerLinks)
    .where(sameRecord)
    .for("update");
  const replaced = await tx
    .delete(schema.customerLinks)
    .where(
      and(
        eq(schema.customerLinks.customerId, customerId),
        eq(schema.customerLinks.provider, provider),
        ne(schema.customerLinks.externalId, externalId),
      ),
    )
    .returning({ externalId: schema.customerLinks.externalId });
  if (!current) {
    await tx.insert(schema.customerLinks).values({ workspaceId, customerId, provider, externalId });
  } else if (current.customerId !== customerId) {
    await tx.update(schema.customerLinks).set({ customerId }).where(sameRecord);
  }
  return {
    before: {
      ...(current && current.customerId !== customerId ? { linkedToCustomerId: current.customerId } : {}),
      ...(replaced.length > 0 ? { replacedLinks: replaced.map((row) => row.externalId) } : {}),
    },
  };
}

/** Blocked runs that a retry can continue: still stopped, and not replayed since. */
async function retriableRuns(tx: Tx, runIds: string[]): Promise<string[]> {
  if (runIds.length === 0) return [];
  const found = await tx.execute<{ id: string }>(sql`
    select r.id from flow_runs r
     where r.id in (${sql.join(
       [...new Set(runIds)].map((id) => sql`${id}`),
       sql`, `,
     )})
       and r.status in ('needs_attention', 'failed')
       and not exists (select 1 from flow_runs replay where replay.replay_of_run_id = r.id)
     order by r.created_at`);
  return found.rows.map((row) => row.id);
}
