import { can } from "@handoff/auth/roles";
import { getSessionMember } from "~/server/auth";
import { getDb } from "~/server/db";
import { runsExportResponse } from "./runs-export-response";

export const dynamic = "force-dynamic";

/** The run history as a CSV download, with the same filters as the Runs page: for the bookkeeper. */
export async function GET(request: Request) {
  const member = await getSessionMember();
  if (!member) return Response.json({ error: "Sign in to continue" }, { status: 401 });
  if (!can(member.role, "runs.read")) {
    return Response.json({ error: "Your role cannot do this (needs runs.read)" }, { status: 403 });
  }
  return runsExportResponse({
    db: getDb(),
    workspaceId: member.workspaceId,
    params: new URL(request.url).searchParams,
  });
}
