import type { SyncReview } from "./get-sync-review";
import { periodLabel, plural, type ReviewSection, reviewSections } from "./review-sections";

export interface RenderedSyncReview {
  subject: string;
  text: string;
  html: string;
}

/** "Sync review 2 Mar – 8 Mar: 2 failed syncs, 1 duplicate, 1 canceled booking still invoiced". */
function subjectOf(review: SyncReview): string {
  const { failedSyncs, duplicates, canceledStillOpen } = review.counts;
  const findings = [
    failedSyncs > 0 ? plural(failedSyncs, "failed sync") : null,
    duplicates > 0 ? plural(duplicates, "duplicate") : null,
    canceledStillOpen > 0 ? `${plural(canceledStillOpen, "canceled booking")} still invoiced` : null,
  ].filter((finding): finding is string => finding !== null);
  return `Sync review ${periodLabel(review)}: ${findings.length > 0 ? findings.join(", ") : "nothing to review"}`;
}

const moreThanShown = (section: ReviewSection) =>
  section.total > section.lines.length ? `…and ${section.total - section.lines.length} more in Handoff.` : null;

function textOf(review: SyncReview, sections: ReviewSection[]): string {
  const lines = [`Sync review for ${review.workspaceName}, ${periodLabel(review)} (${review.timeZone})`];
  for (const section of sections) {
    lines.push("", `${section.title} (${section.total})`);
    if (section.total === 0) lines.push(section.empty);
    for (const line of section.lines) {
      lines.push(`- ${line.text}`);
      if (line.detail) lines.push(`  ${line.detail}`);
      if (line.url) lines.push(`  ${line.url}`);
    }
    const more = moreThanShown(section);
    if (more) lines.push(more);
  }
  return `${lines.join("\n")}\n`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Everything in the review comes from customers and providers: all of it is escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

function htmlOf(review: SyncReview, sections: ReviewSection[]): string {
  const parts = [`<h1>Sync review for ${escapeHtml(review.workspaceName)}, ${escapeHtml(periodLabel(review))}</h1>`];
  parts.push(`<p>Times are in ${escapeHtml(review.timeZone)}.</p>`);
  for (const section of sections) {
    parts.push(`<h2>${escapeHtml(section.title)} (${section.total})</h2>`);
    if (section.total === 0) parts.push(`<p>${escapeHtml(section.empty)}</p>`);
    if (section.lines.length > 0) {
      const items = section.lines.map((line) => {
        const text = line.url
          ? `<a href="${escapeHtml(line.url)}">${escapeHtml(line.text)}</a>`
          : escapeHtml(line.text);
        return `<li>${text}${line.detail ? `<br><small>${escapeHtml(line.detail)}</small>` : ""}</li>`;
      });
      parts.push(`<ul>${items.join("")}</ul>`);
    }
    const more = moreThanShown(section);
    if (more) parts.push(`<p>${escapeHtml(more)}</p>`);
  }
  return parts.join("\n");
}

/** The review as an e-mail: a subject that says what was found, a plain-text and an HTML body. */
export function renderSyncReview(review: SyncReview): RenderedSyncReview {
  const sections = reviewSections(review);
  return { subject: subjectOf(review), text: textOf(review, sections), html: htmlOf(review, sections) };
}
