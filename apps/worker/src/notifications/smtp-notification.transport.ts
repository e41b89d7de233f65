// A small SMTP client (RFC 5321) on node:net / node:tls: EHLO, STARTTLS when offered, AUTH PLAIN when the
// URL has credentials, one message per connection. Enough for reminders; no dependency to audit.
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { randomUUID } from 'node:crypto';
import {
  isEmailAddress,
  type DeliveryResult,
  type NotificationTransport,
  type OutgoingMessage,
} from './notification-transport.js';

export interface SmtpSettings {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://host:465 (TLS from the start). */
  url: string;
  from: string;
  timeoutMs?: number;
}

/** A permanent refusal (5xx): retrying the same message will not help. */
export class SmtpRejectedError extends Error {}

export class SmtpNotificationTransport implements NotificationTransport {
  readonly name = 'smtp';
  private readonly server: URL;

  constructor(private readonly settings: SmtpSettings) {
    this.server = new URL(settings.url);
    if (!['smtp:', 'smtps:'].includes(this.server.protocol)) {
      throw new Error('SMTP_URL must start with smtp:// or smtps://');
    }
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (!isEmailAddress(message.to)) {
      return { delivered: false, reason: `no e-mail address for ${message.to}` };
    }
    const session = await SmtpSession.open(this.server, this.settings.timeoutMs ?? 15_000);
    try {
      await session.greet();
      await session.authenticate(this.server);
      await session.deliver(this.settings.from, message);
      return { delivered: true };
    } finally {
      session.close();
    }
  }
}

interface Reply {
  code: number;
  lines: string[];
}

class SmtpSession {
  private buffer = '';
  private waiting: ((reply: Reply) => void) | null = null;
  private failure: ((error: Error) => void) | null = null;
  private extensions: string[] = [];

  private constructor(
    private socket: Socket | TLSSocket,
    private readonly host: string,
    private readonly timeoutMs: number,
  ) {
    this.listen();
  }

  static async open(server: URL, timeoutMs: number): Promise<SmtpSession> {
    const host = server.hostname;
    const implicitTls = server.protocol === 'smtps:';
    const port = Number(server.port || (implicitTls ? 465 : 587));
    const socket = implicitTls ? connectTls({ host, port, servername: host }) : connectTcp({ host, port });
    socket.setTimeout(timeoutMs);
    const session = new SmtpSession(socket, host, timeoutMs);
    await session.expect(220);
    return session;
  }

  async greet(): Promise<void> {
    this.extensions = (await this.command('EHLO supplier-screening', 250)).lines.map((l) => l.toUpperCase());
    if (!(this.socket as TLSSocket).encrypted && this.supports('STARTTLS')) {
      await this.command('STARTTLS', 220);
      this.socket.removeAllListeners('data');
      this.socket = connectTls({ socket: this.socket, servername: this.host });
      this.socket.setTimeout(this.timeoutMs);
      this.listen();
      await new Promise<void>((resolve, reject) => {
        (this.socket as TLSSocket).once('secureConnect', resolve).once('error', reject);
      });
      this.extensions = (await this.command('EHLO supplier-screening', 250)).lines.map((l) =>
        l.toUpperCase(),
      );
    }
  }

  async authenticate(server: URL): Promise<void> {
    if (!server.username) return;
    const user = decodeURIComponent(server.username);
    const password = decodeURIComponent(server.password);
    const token = Buffer.from(`\0${user}\0${password}`).toString('base64');
    await this.command(`AUTH PLAIN ${token}`, 235);
  }

  async deliver(from: string, message: OutgoingMessage): Promise<void> {
    await this.command(`MAIL FROM:<${from}>`, 250);
    await this.command(`RCPT TO:<${message.to}>`, [250, 251]);
    await this.command('DATA', 354);
    const body = [
      `From: ${from}`,
      `To: ${message.to}`,
      `Subject: ${message.subject.replace(/[\r\n]+/g, ' ')}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${randomUUID()}@supplier-screening>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      // Dot-stuffing: a line starting with "." would otherwise end the message early.
      ...message.text.split(/\r?\n/).map((line) => (line.startsWith('.') ? `.${line}` : line)),
    ].join('\r\n');
    await this.command(`${body}\r\n.`, 250);
    await this.command('QUIT', 221).catch(() => undefined);
  }

  close(): void {
    this.socket.destroy();
  }

  private supports(extension: string): boolean {
    return this.extensions.some((line) => line === extension || line.startsWith(`${extension} `));
  }

  private listen(): void {
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      this.flush();
    });
    this.socket.on('error', (error: Error) => this.fail(error));
    this.socket.on('timeout', () => this.fail(new Error('SMTP server did not answer in time')));
  }

  /** A reply is complete when a line has a space after its code ("250 OK" ends "250-..." lines). */
  private flush(): void {
    const lines = this.buffer.split('\r\n');
    const last = lines.findIndex((line) => /^\d{3} /.test(line) || /^\d{3}$/.test(line));
    if (last < 0 || !this.waiting) return;
    const replyLines = lines.slice(0, last + 1);
    this.buffer = lines.slice(last + 1).join('\r\n');
    const resolve = this.waiting;
    this.waiting = null;
    this.failure = null;
    resolve({ code: Number(replyLines[last].slice(0, 3)), lines: replyLines.map((l) => l.slice(4)) });
  }

  private fail(error: Error): void {
    const reject = this.failure;
    this.waiting = null;
    this.failure = null;
    reject?.(error);
  }

  private expect(codes: number | number[]): Promise<Reply> {
    const accepted = Array.isArray(codes) ? codes : [codes];
    return new Promise<Reply>((resolve, reject) => {
      this.failure = reject;
      this.waiting = (reply) => {
        if (accepted.includes(reply.code)) resolve(reply);
        else {
          const text = `SMTP ${reply.code}: ${reply.lines.join(' ')}`;
          reject(reply.code >= 500 ? new SmtpRejectedError(text) : new Error(text));
        }
      };
      this.flush();
    });
  }

  private command(line: string, codes: number | number[]): Promise<Reply> {
    const reply = this.expect(codes);
    this.socket.write(`${line}\r\n`);
    return reply;
  }
}
