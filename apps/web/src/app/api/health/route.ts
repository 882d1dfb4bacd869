import { getHealth } from "@handoff/services";
import { readWebEnv } from "~/env";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** 200 while the database answers (a missing worker only degrades); 503 when it does not. */
export async function GET() {
  const health = await getHealth({ db: getDb(), version: readWebEnv().HANDOFF_VERSION });
  return Response.json(health, { status: health.db === "up" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
