import { can } from "@handoff/auth/roles";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePagePermission } from "~/server/auth";
import { FlowEditorPage } from "./editor/flow-editor-page";
import { VersionViewPage } from "./version-view/version-view-page";

export const dynamic = "force-dynamic";

const ZVersionNumber = z.coerce.number().int().min(1);

/** The flow's editor, or with `?version=N` that published version, read-only (linked from runs). */
export default async function FlowPage({
  params,
  searchParams,
}: {
  params: Promise<{ flowId: string }>;
  searchParams: Promise<{ version?: string | string[] }>;
}) {
  const member = await requirePagePermission("flows.read");
  const { flowId } = await params;
  // Flow ids are UUIDs; anything else cannot be a flow (and would only make the API answer BAD_REQUEST).
  if (!z.uuid().safeParse(flowId).success) notFound();
  const { version } = await searchParams;
  if (version !== undefined) {
    const number = ZVersionNumber.safeParse(version);
    if (!number.success) notFound();
    return <VersionViewPage flowId={flowId} number={number.data} />;
  }
  return (
    <FlowEditorPage
      flowId={flowId}
      canEdit={can(member.role, "flows.edit")}
      canPause={can(member.role, "flows.pause")}
    />
  );
}
