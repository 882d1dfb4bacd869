import Link from "next/link";
import { CATEGORY_LABELS } from "./category-labels";
import type { TemplateSummary } from "./types";

/** One gallery card: what the template does, for which tools, and the way to its page. */
export function TemplateCard({ template }: { template: TemplateSummary }) {
  const headingId = `template-${template.slug}`;
  return (
    <article className="tg-card" aria-labelledby={headingId}>
      <span className="ho-badge tg-category">{CATEGORY_LABELS[template.category]}</span>
      <h2 id={headingId}>
        <Link href={`/templates/${template.slug}`}>{template.title}</Link>
      </h2>
      <p className="ho-muted">{template.outcome}</p>
      <ProviderBadges providers={template.providers} />
    </article>
  );
}

export function ProviderBadges({ providers }: { providers: TemplateSummary["providers"] }) {
  if (providers.length === 0) return null;
  return (
    <ul className="tg-providers" aria-label="Tools">
      {providers.map((provider) => (
        <li key={provider.key}>
          <span className="ho-badge">{provider.name}</span>
        </li>
      ))}
    </ul>
  );
}
