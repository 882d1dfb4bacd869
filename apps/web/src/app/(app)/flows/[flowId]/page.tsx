import { can } from "@handoff/auth/roles";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePagePermission } from "~/server/auth";
import { FlowEditorPage } from "./editor/flow-editor-page";

export const dynamic = "force-dynamic";

export default async function FlowPage({ params }: { params: Promise<{ flowId: string }> }) {
  const member = await requirePagePermission("flows.read");
  const { flowId } = await params;
  // Flow ids are UUIDs; anything else cannot be a flow (and would only make the API answer BAD_REQUEST).
  if (!z.uuid().safeParse(flowId).success) notFound();
  return (
    <FlowEditorPage
      flowId={flowId}
      canEdit={can(member.role, "flows.edit")}
      canPause={can(member.role, "flows.pause")}
    />
  );
}
