import { type AddressInfo } from 'node:net';
import { NoAddressError, type NotificationSender, type OutgoingMessage } from '@cakap/plugin-sdk';
import { SMTPServer } from 'smtp-server';
import plugin, { emailChannel } from './index';

/** A real SMTP server in the test process, on a random port; it keeps what it receives. */
interface Received {
  from: string;
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ url: string; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The decoded text of a MIME part of a raw message (nodemailer uses quoted-printable for non-ASCII). */
function part(raw: string, type: 'text/plain' | 'text/html'): string {
  const start = raw.indexOf(`Content-Type: ${type}`);
  const body = raw.slice(raw.indexOf('\r\n\r\n', start) + 4, raw.indexOf('\r\n----', start));
  const qp = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(qp, 'latin1').toString('utf8');
}

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  to: { name: 'Siti Rahmawati', email: 'siti@example.go.id' },
  lang: 'id',
  subject: 'Sertifikat terbit',
  text: 'Sertifikat Pelayanan Publik Prima Anda telah terbit dengan nomor 0001/BKPSDMD-BH/XI/2026.',
  link: '/sertifikat',
  ...over,
});

describe('the e-mail channel', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sender: NotificationSender;

  beforeAll(async () => {
    smtp = await startSmtp();
    const created = emailChannel.create({ smtpUrl: smtp.url, mailFrom: 'Cakap <no-reply@cakap.test>', publicBaseUrl: 'https://cakap.test/' });
    if (!created) throw new Error('the channel should be on with an SMTP_URL');
    sender = created;
  });

  afterAll(async () => {
    await sender.close();
    await smtp.stop();
  });

  beforeEach(() => {
    smtp.received.length = 0;
  });

  it('is registered by the plugin under the key "email" and is off without SMTP_URL', () => {
    expect(plugin.notificationChannels.map((c) => c.key)).toEqual(['email']);
    expect(emailChannel.create({ mailFrom: 'Cakap <no-reply@cakap.test>', publicBaseUrl: 'https://cakap.test' })).toBeNull();
  });

  it('sends the notification over SMTP: envelope, headers, text and HTML with the absolute link', async () => {
    await sender.send(message());
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('no-reply@cakap.test');
    expect(mail.to).toEqual(['siti@example.go.id']);
    expect(mail.raw).toMatch(/^From: Cakap <no-reply@cakap\.test>\r$/m);
    expect(mail.raw).toMatch(/^To: Siti Rahmawati <siti@example\.go\.id>\r$/m);
    expect(mail.raw).toMatch(/^Subject: Sertifikat terbit\r$/m);
    const text = part(mail.raw, 'text/plain');
    expect(text).toContain('Yth. Siti Rahmawati,');
    expect(text).toContain('dengan nomor 0001/BKPSDMD-BH/XI/2026.');
    expect(text).toContain('Buka di Cakap: https://cakap.test/sertifikat');
    const html = part(mail.raw, 'text/html');
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<a href="https://cakap.test/sertifikat">Buka di Cakap</a>');
  });

  it('escapes what people typed in the HTML part and keeps it verbatim in the text part', async () => {
    await sender.send(
      message({
        to: { name: 'Budi <script>alert(1)</script> & "Co" $&', email: 'budi@example.go.id' },
        text: 'Kursus <img src=x onerror=alert(1)> selesai.',
        lang: 'en',
      }),
    );
    const html = part(smtp.received[0].raw, 'text/html');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Dear Budi &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; $&amp;,');
    expect(html).toContain('Kursus &lt;img src=x onerror=alert(1)&gt; selesai.');
    expect(part(smtp.received[0].raw, 'text/plain')).toContain('Kursus <img src=x onerror=alert(1)> selesai.');
  });

  it('refuses a recipient without an e-mail address with NoAddressError and sends nothing', async () => {
    await expect(sender.send(message({ to: { name: 'Tanpa Surel', email: null } }))).rejects.toBeInstanceOf(NoAddressError);
    expect(smtp.received).toHaveLength(0);
  });

  it('rejects when the SMTP server is unreachable, so that the worker retries later', async () => {
    const down = await startSmtp();
    await down.stop();
    const offline = emailChannel.create({ smtpUrl: down.url, mailFrom: 'no-reply@cakap.test', publicBaseUrl: 'https://cakap.test' });
    await expect(offline!.send(message())).rejects.toThrow(/ECONNREFUSED/);
    await offline!.close();
  });
});
