import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { notify } from '@cakap/db';
import { NOTIFICATION_KINDS } from '@cakap/issuance';
import { SMTPServer } from 'smtp-server';
import { MAX_DELIVERY_ATTEMPTS } from '../src/notifications/notification-deliveries.repository';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher';
import { randomNip } from './certificates-support';
import { type Harness, seedUnit, seedUser, startWorker } from './support';

/**
 * E-mail delivery of notifications through the mail channel plugin, against a real SMTP server
 * in this process (smtp-server on a local port) and the run's Postgres. Other spec files leave
 * notifications in the shared database too, so every assertion looks at this file's own
 * recipients and notifications only.
 */
interface Mail {
  to: string[];
  raw: string;
}

class LocalSmtp {
  readonly received: Mail[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(email: string): Mail[] {
    return this.received.filter((m) => m.to.includes(email));
  }
}

/** The message with its quoted-printable soft line breaks and escapes undone (nodemailer folds long lines). */
const decoded = (m: Mail) =>
  Buffer.from(m.raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');

/**
 * An SMTP server that is down: it holds the port (so nothing else takes it before the real
 * one comes back on it) and drops every connection at once.
 */
async function downServer(): Promise<{ port: number; url: string; stop(): Promise<void> }> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, url: `smtp://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface DeliveryRow {
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  retry_in_sec: number;
}

async function delivery(h: Harness, notificationId: string): Promise<DeliveryRow | undefined> {
  const [row] = await h.ds.query(
    `SELECT status, attempts, last_error, sent_at, extract(epoch FROM next_attempt_at - now())::int AS retry_in_sec
       FROM notification_deliveries WHERE notification_id = $1 AND channel = 'email'`,
    [notificationId],
  );
  return row;
}

/** A learner (with or without an e-mail address) and a "certificate issued" notification for them, as issuance writes it. */
async function issuedNotification(h: Harness, email: string | null): Promise<string> {
  const tag = randomBytes(4).toString('hex');
  const unitId = await seedUnit(h.ds, `N-${tag}`, `Dinas ${tag}`);
  const userId = await seedUser(h.ds, { nip: randomNip(), name: `Siti ${tag}`, orgUnitId: unitId, email });
  await notify(h.ds, {
    userId,
    kind: NOTIFICATION_KINDS.certificateIssued,
    params: { number: `0001/BKPSDMD-BH/XI/${tag}`, course: 'Pelayanan Publik Prima' },
    link: '/sertifikat',
    dedupeKey: `certificate.issued:${tag}`,
  });
  const [row] = await h.ds.query(`SELECT id FROM notifications WHERE dedupe_key = $1`, [`certificate.issued:${tag}`]);
  return row.id;
}

const email = () => `peserta.${randomBytes(4).toString('hex')}@example.go.id`;

describe('notification delivery by e-mail', () => {
  const smtp = new LocalSmtp();
  let h: Harness;
  let dispatcher: NotificationDispatcher;

  // The instance's mail settings; a replica runs with the same configuration.
  const mailEnv = () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Cakap BKPSDMD <no-reply@cakap.test>', PUBLIC_BASE_URL: 'https://cakap.test' });

  beforeAll(async () => {
    await smtp.start();
    h = await startWorker('notifications', { startWorkers: false, outboxPollMs: 0, notificationPollMs: 0 }, mailEnv());
    dispatcher = h.app.get(NotificationDispatcher);
  });

  afterAll(async () => {
    await h.close();
    await smtp.stop();
  });

  it('mails a certificate.issued notification once, in Indonesian with the absolute link, however often and by how many workers it runs', async () => {
    expect(dispatcher.channels).toEqual(['email']);
    const address = email();
    const id = await issuedNotification(h, address);
    // A second worker process (a replica) dispatching at the same moment.
    const replica = await startWorker('notifications-replica', { startWorkers: false, outboxPollMs: 0, notificationPollMs: 0 }, mailEnv());
    try {
      await Promise.all([dispatcher.dispatch(), replica.app.get(NotificationDispatcher).dispatch()]);
    } finally {
      await replica.close();
    }
    await dispatcher.dispatch();

    const mails = smtp.to(address);
    expect(mails).toHaveLength(1);
    expect(mails[0].raw).toMatch(/^From: Cakap BKPSDMD <no-reply@cakap\.test>\r$/m);
    expect(mails[0].raw).toMatch(/^Subject: Sertifikat terbit\r$/m);
    expect(decoded(mails[0])).toContain('Sertifikat Pelayanan Publik Prima Anda telah terbit dengan nomor 0001/BKPSDMD-BH/XI/');
    expect(decoded(mails[0])).toContain('<a href="https://cakap.test/sertifikat">Buka di Cakap</a>');
    expect(await delivery(h, id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null, sent_at: expect.any(Date) });
  });

  it('skips a recipient without an e-mail address and never tries again', async () => {
    const id = await issuedNotification(h, null);
    await dispatcher.dispatch();
    expect(await delivery(h, id)).toMatchObject({ status: 'skipped', attempts: 1, sent_at: null });
    await h.ds.query(`UPDATE notification_deliveries SET next_attempt_at = now() - interval '1 hour' WHERE notification_id = $1`, [id]);
    await dispatcher.dispatch();
    expect(await delivery(h, id)).toMatchObject({ status: 'skipped', attempts: 1 });
  });

  it('leaves notifications older than seven days alone', async () => {
    const id = await issuedNotification(h, email());
    await h.ds.query(`UPDATE notifications SET created_at = now() - interval '8 days' WHERE id = $1`, [id]);
    await dispatcher.dispatch();
    expect(await delivery(h, id)).toBeUndefined();
  });
});

describe('notification delivery while the SMTP server is down', () => {
  it('records the failure with its attempts and backoff, retries when due and sends once the server is back', async () => {
    const down = await downServer();
    const h = await startWorker(
      'notifications-down',
      { startWorkers: false, outboxPollMs: 0, notificationPollMs: 0, notificationRetryMs: 60_000 },
      { SMTP_URL: down.url },
    );
    const smtp = new LocalSmtp();
    try {
      const dispatcher = h.app.get(NotificationDispatcher);
      const address = email();
      const id = await issuedNotification(h, address);

      await dispatcher.dispatch();
      const failed = await delivery(h, id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, sent_at: null });
      expect(failed!.last_error).toMatch(/connection/i);
      expect(failed!.retry_in_sec).toBeGreaterThan(50);
      expect(failed!.retry_in_sec).toBeLessThanOrEqual(60);

      // Not due yet: the next pass leaves it alone.
      await dispatcher.dispatch();
      expect(await delivery(h, id)).toMatchObject({ status: 'failed', attempts: 1 });

      // Due (time moved on) but still down: the second attempt doubles the backoff.
      await h.ds.query(`UPDATE notification_deliveries SET next_attempt_at = now() WHERE notification_id = $1`, [id]);
      await dispatcher.dispatch();
      const again = await delivery(h, id);
      expect(again).toMatchObject({ status: 'failed', attempts: 2 });
      expect(again!.retry_in_sec).toBeGreaterThan(110);

      // The server is back and the backoff is over: sent, once.
      await down.stop();
      await smtp.start(down.port);
      await h.ds.query(`UPDATE notification_deliveries SET next_attempt_at = now() WHERE notification_id = $1`, [id]);
      await dispatcher.dispatch();
      await dispatcher.dispatch();
      expect(await delivery(h, id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
      expect(smtp.to(address)).toHaveLength(1);
    } finally {
      await h.close();
      await Promise.all([smtp.stop(), down.stop().catch(() => undefined)]);
    }
  });

  it('gives up after the last attempt', async () => {
    const down = await downServer();
    const h = await startWorker('notifications-down', { startWorkers: false, outboxPollMs: 0, notificationPollMs: 0 }, { SMTP_URL: down.url });
    try {
      const dispatcher = h.app.get(NotificationDispatcher);
      const id = await issuedNotification(h, email());
      for (let i = 0; i < MAX_DELIVERY_ATTEMPTS + 2; i++) {
        await dispatcher.dispatch();
        await h.ds.query(`UPDATE notification_deliveries SET next_attempt_at = now() WHERE notification_id = $1`, [id]);
      }
      expect(await delivery(h, id)).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
    } finally {
      await h.close();
      await down.stop();
    }
  });
});

describe('notification delivery without SMTP_URL', () => {
  it('keeps the e-mail channel off: nothing is claimed, the in-app notification stays', async () => {
    const h = await startWorker('notifications-off', { startWorkers: false, outboxPollMs: 0, notificationPollMs: 0 });
    try {
      const dispatcher = h.app.get(NotificationDispatcher);
      expect(dispatcher.channels).toEqual([]);
      const id = await issuedNotification(h, email());
      expect(await dispatcher.dispatch()).toEqual({ sent: 0, skipped: 0, failed: 0 });
      expect(await delivery(h, id)).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});
