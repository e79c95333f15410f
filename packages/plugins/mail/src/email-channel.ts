import { NoAddressError, type NotificationChannelDefinition, type NotificationSender } from '@cakap/plugin-sdk';
import { createTransport } from 'nodemailer';
import { renderEmail } from './email-message';

/**
 * The `email` channel: one pooled SMTP transport per worker, from SMTP_URL (`smtp://` with
 * STARTTLS when the server offers it, `smtps://` for implicit TLS). Without SMTP_URL the
 * channel is off. A send that fails throws, and the worker retries it later.
 */
export const emailChannel: NotificationChannelDefinition = {
  key: 'email',
  title: { id: 'Surel', en: 'E-mail' },
  create({ smtpUrl, mailFrom, publicBaseUrl }): NotificationSender | null {
    if (!smtpUrl) return null;
    const transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 3,
      // Fail fast when the server is down: the delivery is retried later anyway, and a
      // two-minute default would hold the dispatcher's whole pass.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      async send(m) {
        if (!m.to.email) throw new NoAddressError('email');
        const { subject, text, html } = renderEmail(m, publicBaseUrl);
        await transport.sendMail({ from: mailFrom, to: { name: m.to.name, address: m.to.email }, subject, text, html });
      },
      async close() {
        transport.close();
      },
    };
  },
};
