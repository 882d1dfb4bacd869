import { can } from "@handoff/auth/roles";
import { requirePagePermission } from "~/server/auth";
import { FlowsOverview } from "./flows-list/flows-overview";

export const dynamic = "force-dynamic";

export default async function FlowsPage() {
  const member = await requirePagePermission("flows.read");
  return <FlowsOverview canEdit={can(member.role, "flows.edit")} canPause={can(member.role, "flows.pause")} />;
}
