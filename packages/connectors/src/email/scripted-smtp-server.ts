import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";

/**
 * Replies a test wants from the server, each a full SMTP reply line ("451 4.7.1 Try later").
 * The mail sandbox only refuses logins and oversized mail; this covers the other reply codes.
 */
export interface SmtpScript {
  /** `null` never greets, to exercise the greeting timeout. */
  greeting?: string | null;
  rcpt?: (address: string) => string;
  /** The reply once the message body has been received. */
  afterData?: string;
}

export interface ScriptedSmtpServer {
  url: string;
  /** Raw message bodies the server answered 250 to. */
  delivered: string[];
  close: () => Promise<void>;
}

/** A minimal, test-only ESMTP server over node:net: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, QUIT. */
export async function startScriptedSmtpServer(script: SmtpScript = {}): Promise<ScriptedSmtpServer> {
  const delivered: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    converse(socket, script, delivered);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function converse(socket: Socket, script: SmtpScript, delivered: string[]): void {
  const reply = (line: string) => socket.write(`${line}\r\n`);
  const greeting = script.greeting === undefined ? "220 scripted ESMTP" : script.greeting;
  if (greeting === null) return;
  reply(greeting);
  if (!greeting.startsWith("2")) {
    socket.end();
    return;
  }
  let buffered = "";
  let body: string[] | undefined;
  socket.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("latin1");
    const lines = buffered.split("\r\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (body !== undefined) {
        if (line !== ".") {
          body.push(line);
          continue;
        }
        const answer = script.afterData ?? "250 2.0.0 queued as scripted-1";
        if (answer.startsWith("2")) delivered.push(body.join("\r\n"));
        body = undefined;
        reply(answer);
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO") reply("250-scripted\r\n250 AUTH PLAIN");
      else if (verb === "AUTH") reply("235 2.7.0 Authentication successful");
      else if (verb === "MAIL" || verb === "RSET") reply("250 2.1.0 OK");
      else if (verb === "RCPT") reply(script.rcpt?.(/<([^>]*)>/.exec(line)?.[1] ?? "") ?? "250 2.1.5 OK");
      else if (verb === "DATA") {
        body = [];
        reply("354 End data with <CR><LF>.<CR><LF>");
      } else if (verb === "QUIT") {
        reply("221 2.0.0 Bye");
        socket.end();
      } else reply("502 5.5.2 Command not recognized");
    }
  });
}
