import { listRunsFilters } from "@handoff/api";
import type { Database } from "@handoff/db";
import { runsCsvFilename, streamRunsCsv } from "@handoff/services";
import { parseRunsExportParams } from "./runs-export-params";

export interface RunsExportOptions {
  db: Database;
  /** The signed-in member's workspace: the only runs the file may hold. */
  workspaceId: string;
  params: URLSearchParams;
}

/** The CSV download for filters given as query parameters, or a 400 that names the wrong one. */
export async function runsExportResponse({ db, workspaceId, params }: RunsExportOptions): Promise<Response> {
  const parsed = parseRunsExportParams(params);
  if (!parsed.ok) return Response.json({ error: parsed.problem }, { status: 400 });
  const filters = await listRunsFilters(db, workspaceId, parsed.filters);
  return new Response(toByteStream(streamRunsCsv({ db, filters })), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${runsCsvFilename()}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** Pull-based, so runs are read from the database only as fast as the browser downloads them. */
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
