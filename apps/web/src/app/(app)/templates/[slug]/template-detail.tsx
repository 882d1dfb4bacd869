"use client";

import "../templates.css";
import { PageHeader } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { CATEGORY_LABELS } from "../category-labels";
import { ProviderBadges } from "../template-card";
import type { TemplateDetail } from "../types";
import { InstallForm } from "./install-form";
import { TemplateCanvas } from "./template-canvas";

const INSTALL_HEADING_ID = "use-template-heading";

/** The template page: what it does in plain words, the flow on the canvas, and "Use template". */
export function TemplateDetailView({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const template = useQuery(trpc.templates.get.queryOptions({ slug }));
  if (template.isPending) return <p className="ho-muted">Loading the template…</p>;
  if (template.isError) return <TemplateLoadError error={template.error} />;
  return <LoadedTemplate template={template.data} />;
}

function LoadedTemplate({ template }: { template: TemplateDetail }) {
  const [using, setUsing] = useState(false);
  const installHeading = useRef<HTMLHeadingElement>(null);
  // The form opens because the person asked for it: take them there.
  useEffect(() => {
    if (using) installHeading.current?.focus();
  }, [using]);

  return (
    <>
      <p className="tp-back">
        <Link href="/templates">← All templates</Link>
      </p>
      <PageHeader
        title={template.title}
        description={template.outcome}
        actions={
          using ? null : (
            <button
              type="button"
              className="ho-button ho-button-primary"
              aria-controls="use-template"
              aria-expanded={false}
              onClick={() => setUsing(true)}
            >
              Use template
            </button>
          )
        }
      />
      <div className="tp-badges">
        <span className="ho-badge tg-category">{CATEGORY_LABELS[template.category]}</span>
        <ProviderBadges providers={template.providers} />
      </div>
      {using ? (
        <section id="use-template" className="ho-panel" aria-labelledby={INSTALL_HEADING_ID}>
          <h2 id={INSTALL_HEADING_ID} ref={installHeading} tabIndex={-1}>
            Use this template
          </h2>
          <InstallForm template={template} headingId={INSTALL_HEADING_ID} />
        </section>
      ) : null}
      <div className="tp-body">
        <section className="ho-panel" aria-labelledby="template-steps-heading">
          <h2 id="template-steps-heading">What it does</h2>
          <ol className="tp-steps">
            {template.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
        <section className="ho-panel tp-flow" aria-labelledby="template-flow-heading">
          <h2 id="template-flow-heading">The flow</h2>
          <TemplateCanvas name={template.title} graph={template.graph} />
        </section>
      </div>
    </>
  );
}

function TemplateLoadError({ error }: { error: unknown }) {
  const notFound = error instanceof TRPCClientError && error.data?.code === "NOT_FOUND";
  return (
    <div role="alert" className="ho-panel">
      <p className="ho-error">
        {notFound
          ? "There is no such template."
          : `Could not load this template: ${error instanceof Error ? error.message : String(error)}`}
      </p>
      <Link href="/templates">Back to the templates</Link>
    </div>
  );
}
