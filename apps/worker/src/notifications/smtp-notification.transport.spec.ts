// The SMTP transport against a scripted SMTP server on the loopback interface: what it says, in order.
import { createServer, type Server, type Socket } from 'node:net';
import { SmtpNotificationTransport } from './smtp-notification.transport.js';

interface FakeSmtp {
  url: (credentials?: string) => string;
  commands: string[];
  data: string[];
  close: () => Promise<void>;
}

/** Answers like a mail server without STARTTLS; `refuseRecipient` answers RCPT with 550. */
async function fakeSmtp(options: { refuseRecipient?: boolean } = {}): Promise<FakeSmtp> {
  const commands: string[] = [];
  const data: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let inData = false;
    let buffer = '';
    socket.write('220 fake.test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd < 0) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        commands.push(line);
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') socket.write('250-fake.test\r\n250 AUTH PLAIN\r\n');
        else if (verb === 'AUTH') socket.write('235 ok\r\n');
        else if (verb === 'MAIL') socket.write('250 ok\r\n');
        else if (verb === 'RCPT')
          socket.write(options.refuseRecipient ? '550 no such user\r\n' : '250 ok\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('502 unknown\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (credentials) => `smtp://${credentials ? `${credentials}@` : ''}127.0.0.1:${port}`,
    commands,
    data,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const message = {
  to: 'bids@example.co.uk',
  subject: 'Reminder: declaration due',
  text: 'Your declaration is due.\n.a line starting with a dot',
  kind: 'declaration.reminder',
  screeningId: 'scr_1',
};

describe('SmtpNotificationTransport', () => {
  let server: FakeSmtp;
  afterEach(() => server?.close());

  it('sends one message with authentication, headers and dot-stuffed lines', async () => {
    server = await fakeSmtp();
    const sut = new SmtpNotificationTransport({
      url: server.url('mailer:s%40cret'),
      from: 'screening@council.example',
    });
    expect(await sut.send(message)).toEqual({ delivered: true });
    expect(server.commands).toEqual([
      'EHLO supplier-screening',
      `AUTH PLAIN ${Buffer.from('\0mailer\0s@cret').toString('base64')}`,
      'MAIL FROM:<screening@council.example>',
      'RCPT TO:<bids@example.co.uk>',
      'DATA',
      'QUIT',
    ]);
    expect(server.data[0]).toContain('Subject: Reminder: declaration due');
    expect(server.data[0]).toContain('To: bids@example.co.uk');
    expect(server.data[0]).toContain('\r\n..a line starting with a dot');
  });

  it('reports a permanent refusal as an error the dispatcher will not retry', async () => {
    server = await fakeSmtp({ refuseRecipient: true });
    const sut = new SmtpNotificationTransport({ url: server.url(), from: 'screening@council.example' });
    await expect(sut.send(message)).rejects.toThrow(/SMTP 550/);
  });

  it('skips recipients that are role pools, without connecting', async () => {
    server = await fakeSmtp();
    const sut = new SmtpNotificationTransport({ url: server.url(), from: 'screening@council.example' });
    expect(await sut.send({ ...message, to: 'role:approver' })).toEqual({
      delivered: false,
      reason: 'no e-mail address for role:approver',
    });
    expect(server.commands).toEqual([]);
  });
});
