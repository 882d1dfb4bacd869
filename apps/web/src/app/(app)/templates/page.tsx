import { PageHeader } from "@handoff/ui";
import { Suspense } from "react";
import { requirePagePermission } from "~/server/auth";
import { TemplateGallery } from "./template-gallery";

export const dynamic = "force-dynamic";

export default async function TemplatesPage() {
  await requirePagePermission("templates.install");
  return (
    <>
      <PageHeader title="Templates" description="The common handoffs of a service business, ready in one click." />
      {/* The search and category are read from the URL in the browser. */}
      <Suspense fallback={<p className="ho-muted">Loading templates…</p>}>
        <TemplateGallery />
      </Suspense>
    </>
  );
}
