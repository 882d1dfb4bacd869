import { type SQL, sql } from "@handoff/db";
import { runsMentioning } from "./customer-runs";
import type { CustomerExecutor, CustomerSubject } from "./find-customer";

/**
 * The identity reviews about a person: looked up by their email or phone, or offering one of
 * their linked records as a candidate. A review of one of their runs that looked up no email or
 * phone (a name only) is theirs too; one that looked up someone else's email is not, even in a
 * run that mentions both.
 */
export function reviewsAbout(subject: CustomerSubject): SQL {
  const about: SQL[] = [];
  if (subject.email) about.push(sql`keys->>'email' = ${subject.email}`);
  if (subject.phone) about.push(sql`keys->>'phone' = ${subject.phone}`);
  for (const link of subject.links) {
    const candidate = JSON.stringify([{ externalId: link.externalId }]);
    about.push(sql`(provider = ${link.provider} and candidates @> ${candidate}::jsonb)`);
  }
  about.push(sql`(run_id in (${runsMentioning(subject)})
                  and keys->>'email' is null and keys->>'phone' is null)`);
  return sql`workspace_id = ${subject.workspaceId} and (${sql.join(about, sql` or `)})`;
}

export async function countReviewsAbout(db: CustomerExecutor, subject: CustomerSubject): Promise<number> {
  const found = await db.execute<{ reviews: number }>(
    sql`select count(*)::int as reviews from identity_reviews where ${reviewsAbout(subject)}`,
  );
  return found.rows[0]?.reviews ?? 0;
}

/** The reviews about a person, oldest first, as an export shows them. */
export async function listReviewsAbout(db: CustomerExecutor, subject: CustomerSubject) {
  const found = await db.execute<{
    id: string;
    provider: string;
    keys: unknown;
    candidates: unknown;
    run_id: string | null;
    status: string;
    resolution: string | null;
    created_at: string;
    resolved_at: string | null;
  }>(sql`
    select id, provider, keys, candidates, run_id, status, resolution, created_at, resolved_at
      from identity_reviews
     where ${reviewsAbout(subject)}
     order by created_at`);
  return found.rows.map((review) => ({
    id: review.id,
    provider: review.provider,
    keys: review.keys,
    candidates: review.candidates,
    runId: review.run_id,
    status: review.status,
    resolution: review.resolution,
    createdAt: new Date(review.created_at).toISOString(),
    resolvedAt: review.resolved_at ? new Date(review.resolved_at).toISOString() : null,
  }));
}
