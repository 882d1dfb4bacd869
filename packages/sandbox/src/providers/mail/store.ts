export interface MailAddress {
  name: string;
  address: string;
}

export interface CapturedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
}

/** One message as the SMTP listener received it, parsed for assertions. */
export interface CapturedMessage {
  id: string;
  receivedAt: string;
  /** What the client said in MAIL FROM / RCPT TO: the real recipients, Bcc included. */
  envelope: { from: string; to: string[] };
  messageId: string | null;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string | null;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
  attachments: CapturedAttachment[];
}

export interface MessageFilter {
  /** Any recipient (envelope, To or Cc), case-insensitive exact address. */
  to?: string;
  /** Case-insensitive substring of the subject. */
  subject?: string;
}

/** The captured mailbox, oldest first. */
export class MailStore {
  private messages: CapturedMessage[] = [];
  private sequence = 0;

  nextId(): string {
    this.sequence += 1;
    return `msg_${String(this.sequence).padStart(6, "0")}`;
  }

  add(message: CapturedMessage): void {
    this.messages.push(message);
  }

  get(id: string): CapturedMessage | undefined {
    return this.messages.find((message) => message.id === id);
  }

  list(filter: MessageFilter = {}): CapturedMessage[] {
    const to = filter.to?.trim().toLowerCase();
    const subject = filter.subject?.toLowerCase();
    return this.messages.filter(
      (message) =>
        (!to || recipientsOf(message).includes(to)) &&
        (!subject || (message.subject ?? "").toLowerCase().includes(subject)),
    );
  }

  /** Empties the mailbox and answers how many messages were dropped. */
  clear(): number {
    const dropped = this.messages.length;
    this.messages = [];
    return dropped;
  }

  reset(): void {
    this.clear();
    this.sequence = 0;
  }
}

function recipientsOf(message: CapturedMessage): string[] {
  return [...message.envelope.to, ...message.to.map((a) => a.address), ...message.cc.map((a) => a.address)].map(
    (address) => address.toLowerCase(),
  );
}
