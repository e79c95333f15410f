import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { t } from '@cakap/contracts';
import type { NotificationSender, OutgoingMessage } from '@cakap/plugin-sdk';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import type { DataSource } from 'typeorm';
import type { Logger } from '../core/logger';
import { Poller } from '../core/poller';
import { CONFIG, DATA_SOURCE, LOGGER, PLUGINS, WORKER_OPTIONS } from '../core/tokens';
import type { ResolvedWorkerOptions } from '../core/worker-options';
import { type ClaimedDelivery, notificationDeliveries } from './notification-deliveries.repository';

/** Deliveries claimed per statement, and sent at once per channel. */
const CLAIM_SIZE = 100;
const SEND_CONCURRENCY = 4;

export interface DispatchReport {
  sent: number;
  skipped: number;
  failed: number;
}

/**
 * Delivers in-app notifications (the `notifications` table, written by the domain) through the
 * channels of the enabled plugins that are configured (e-mail with SMTP_URL). At start-up and
 * every few seconds, for each channel, it claims the new and the due deliveries and sends them.
 *
 * Delivery is at-least-once: a worker that dies after the SMTP server accepted a mail but
 * before the row says `sent` sends it again once the claim's lease runs out. For mail that is
 * acceptable (a rare duplicate beats a lost notice); exactly-once would need the SMTP server
 * to take part in our transaction.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  /** The configured channels by key; a channel whose create() answered null is off. */
  private readonly senders = new Map<string, NotificationSender>();
  private readonly poller = new Poller(
    () => this.pass(),
    (err) => this.logger.error({ err }, 'notification dispatch failed'),
  );

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONFIG) cfg: AppConfig,
    @Inject(PLUGINS) registry: PluginRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(WORKER_OPTIONS) private readonly opts: ResolvedWorkerOptions,
  ) {
    for (const [key, { def }] of registry.notificationChannels) {
      const sender = def.create({ smtpUrl: cfg.SMTP_URL, mailFrom: cfg.MAIL_FROM, publicBaseUrl: cfg.PUBLIC_BASE_URL });
      if (sender) this.senders.set(key, sender);
    }
  }

  /** The keys of the channels that are on. */
  get channels(): string[] {
    return [...this.senders.keys()];
  }

  onApplicationBootstrap(): void {
    this.logger.info({ channels: this.channels }, 'notification channels');
    if (this.senders.size) this.poller.start(this.opts.notificationPollMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
    await Promise.allSettled([...this.senders.values()].map((s) => s.close()));
  }

  /** One pass over every channel until nothing is due; concurrent calls share it. */
  dispatch(): Promise<DispatchReport> {
    return this.poller.run();
  }

  private async pass(): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, skipped: 0, failed: 0 };
    for (const [channel, sender] of this.senders) {
      for (const claim of [notificationDeliveries.claimNew, notificationDeliveries.claimDue]) {
        // A full claim means there may be more; a failed delivery is not due again in this
        // pass (its backoff is in the future), so the loop ends.
        for (;;) {
          const claimed = await claim(this.ds, channel, CLAIM_SIZE);
          await eachLimited(claimed, SEND_CONCURRENCY, (d) => this.deliver(channel, sender, d, report));
          if (claimed.length < CLAIM_SIZE) break;
        }
      }
    }
    if (report.sent + report.skipped + report.failed) this.logger.info(report, 'notifications delivered');
    return report;
  }

  private async deliver(channel: string, sender: NotificationSender, d: ClaimedDelivery, report: DispatchReport): Promise<void> {
    try {
      await sender.send(message(d));
      await notificationDeliveries.markSent(this.ds, channel, d.notificationId);
      report.sent++;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      // By name, not instanceof: the plugin may resolve its own copy of the SDK.
      if (error.name === 'NoAddressError') {
        await notificationDeliveries.markSkipped(this.ds, channel, d.notificationId, error.message);
        report.skipped++;
        return;
      }
      // 1, 2, 4, 8 × the base delay; after the last attempt it stays failed.
      await notificationDeliveries.markFailed(this.ds, channel, d.notificationId, error.message, this.opts.notificationRetryMs * 2 ** (d.attempts - 1));
      report.failed++;
      this.logger.warn({ channel, notificationId: d.notificationId, attempts: d.attempts, err: error.message }, 'notification delivery failed');
    }
  }
}

/**
 * The notification's texts: the same message keys the in-app list shows, in Indonesian (users
 * have no language preference yet).
 */
function message(d: ClaimedDelivery): OutgoingMessage {
  return {
    to: { name: d.name, email: d.email },
    lang: 'id',
    subject: t(`notification.${d.kind}.title`, 'id', d.params),
    text: t(`notification.${d.kind}.body`, 'id', d.params),
    link: d.link,
  };
}

/** Runs `fn` over the items with at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
