import { can } from "@handoff/auth/roles";
import { auditCsvFilename, streamAuditCsv } from "@handoff/services";
import { getSessionMember } from "~/server/auth";
import { getDb } from "~/server/db";
import { parseAuditExportParams } from "./audit-export-params";

export const dynamic = "force-dynamic";

/** The audit trail as a CSV download, with the same filters as the page. Owners only. */
export async function GET(request: Request) {
  const member = await getSessionMember();
  if (!member) return Response.json({ error: "Sign in to continue" }, { status: 401 });
  if (!can(member.role, "audit.read")) {
    return Response.json({ error: "Your role cannot do this (needs audit.read)" }, { status: 403 });
  }
  const parsed = parseAuditExportParams(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: parsed.problem }, { status: 400 });
  const chunks = streamAuditCsv({ db: getDb(), workspaceId: member.workspaceId, filters: parsed.filters });
  return new Response(toByteStream(chunks), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${auditCsvFilename()}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** Pull-based, so rows are read from the database only as fast as the browser downloads them. */
function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
