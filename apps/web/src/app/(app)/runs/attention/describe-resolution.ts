import type { IdentityResolution, IdentityReview } from "./types";

/** The choice in the resolve dialog: a candidate's external id, or a new record. */
export type ResolveChoice = { kind: "same_as"; externalId: string } | { kind: "create_new" };

export function candidateLabel(
  review: Pick<IdentityReview, "provider">,
  candidate: IdentityReview["candidates"][number],
) {
  const matched = candidate.matchedBy ? ` · same ${candidate.matchedBy}` : "";
  return `${candidate.label ?? "Record"} — ${review.provider} ${candidate.externalId}${matched}`;
}

/** What the person is told after resolving: the decision, and what happened to the blocked runs. */
export function describeResolution(review: IdentityReview, choice: ResolveChoice, result: IdentityResolution): string {
  const chosen =
    choice.kind === "same_as"
      ? review.candidates.find((candidate) => candidate.externalId === choice.externalId)
      : null;
  const decision =
    choice.kind === "same_as"
      ? `the same customer as ${chosen?.label ?? `${review.provider} ${choice.externalId}`}`
      : "none of these records";
  const others = result.alsoResolved.length;
  const parts = [
    `Resolved as ${decision}${others > 0 ? ` (with ${others} identical conflict${others === 1 ? "" : "s"})` : ""}.`,
  ];
  const retried = result.retriedRunIds.length;
  if (choice.kind === "same_as") {
    if (retried === 1) parts.push("The blocked run was retried and continues with that record.");
    if (retried > 1) parts.push(`The ${retried} blocked runs were retried and continue with that record.`);
  } else {
    const record = `a new ${review.provider} record`;
    if (retried === 1) parts.push(`The blocked run was retried: it creates ${record} and continues.`);
    if (retried > 1)
      parts.push(`The ${retried} blocked runs were retried: the first creates ${record}, all continue with it.`);
  }
  for (const reason of new Set(result.notRetried.map((run) => run.reason))) parts.push(reason);
  return parts.join(" ");
}
