import { notFound } from "next/navigation";
import { requirePagePermission } from "~/server/auth";
import { TemplateDetailView } from "./template-detail";

export const dynamic = "force-dynamic";

/** Template slugs are kebab-case; anything else cannot be one (and would only make the API refuse). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export default async function TemplatePage({ params }: { params: Promise<{ slug: string }> }) {
  await requirePagePermission("templates.install");
  const { slug } = await params;
  if (!SLUG.test(slug) || slug.length > 100) notFound();
  return <TemplateDetailView slug={slug} />;
}
