/**
 * A page boundary of the audit list: the last row's time at full microsecond precision and its id.
 * A JavaScript Date would cut the time to milliseconds and skip or repeat rows written in the same
 * millisecond, so the time travels as Postgres printed it.
 */
export interface AuditCursor {
  createdAt: string;
  id: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_(\d{1,19})$/;

export class InvalidAuditCursorError extends Error {
  override name = "InvalidAuditCursorError";
  constructor() {
    super("The page cursor is not one this list handed out; start again from the first page");
  }
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.createdAt}_${cursor.id}`;
}

export function decodeAuditCursor(value: string): AuditCursor {
  const match = CURSOR.exec(value);
  if (!match?.[1] || !match[2]) throw new InvalidAuditCursorError();
  return { createdAt: match[1], id: match[2] };
}
