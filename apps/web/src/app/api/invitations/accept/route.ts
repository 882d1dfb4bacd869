import { acceptInvitation } from "@handoff/services";
import { z } from "zod";
import { getDb } from "~/server/db";
import { acceptRefusal } from "./accept-refusal";

export const dynamic = "force-dynamic";

/** Far above any real name and password; read before parsing so a huge body is refused cheaply. */
const MAX_BODY_CHARS = 16_384;

const ZAcceptBody = z.object({
  token: z.string().min(1).max(200),
  name: z.string().max(1_000),
  password: z.string().max(4_096),
});

/**
 * Public: the invitee is not signed in yet. The token in the body is the only credential; the
 * browser signs in with the chosen password once this answers with the account's email.
 */
export async function POST(request: Request) {
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return reply(413, { error: "The request is too large" });
  const body = ZAcceptBody.safeParse(parseJson(text));
  if (!body.success) return reply(400, { error: "Send the invitation token, your name and a password" });
  try {
    const joined = await acceptInvitation({ db: getDb(), ...body.data });
    return reply(200, { email: joined.email });
  } catch (error) {
    const refusal = acceptRefusal(error);
    if (!refusal) throw error;
    return reply(refusal.status, { error: refusal.message });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function reply(status: number, body: { email: string } | { error: string }) {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
