import type { OutgoingMessage } from '@cakap/plugin-sdk';

/** The channel's own words around the core's texts (the link, the footer), per language. */
export const MAIL_MESSAGES = {
  id: {
    'mail.greeting': 'Yth. {name},',
    'mail.open': 'Buka di Cakap',
    'mail.footer': 'Surel ini dikirim otomatis oleh Cakap, mohon tidak dibalas.',
  },
  en: {
    'mail.greeting': 'Dear {name},',
    'mail.open': 'Open in Cakap',
    'mail.footer': 'This e-mail was sent automatically by Cakap; please do not reply.',
  },
} satisfies Record<'id' | 'en', Record<string, string>>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text in the HTML part comes from names, course titles and numbers people typed: always escaped. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The link made absolute (the notification stores a portal path); an absolute link is kept as it is. */
export function absoluteLink(link: string | null, publicBaseUrl: string): string | null {
  if (!link) return null;
  return new URL(link, publicBaseUrl.endsWith('/') ? publicBaseUrl : `${publicBaseUrl}/`).toString();
}

/**
 * The e-mail of one notification: plain text, and a minimal accessible HTML part (a language,
 * a title, real paragraphs and a descriptive link text; no images, no layout tables).
 */
export function renderEmail(m: OutgoingMessage, publicBaseUrl: string): { subject: string; text: string; html: string } {
  const words = MAIL_MESSAGES[m.lang];
  const greeting = words['mail.greeting'].replace('{name}', () => m.to.name);
  const url = absoluteLink(m.link, publicBaseUrl);
  const text = [greeting, '', m.text, ...(url ? ['', `${words['mail.open']}: ${url}`] : []), '', '--', words['mail.footer'], ''].join('\n');
  const paragraphs = m.text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${m.lang}">
<head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head>
<body>
<p>${escapeHtml(greeting)}</p>
${paragraphs}
${url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(words['mail.open'])}</a></p>\n` : ''}<hr>
<p><small>${escapeHtml(words['mail.footer'])}</small></p>
</body>
</html>
`;
  return { subject: m.subject, text, html };
}
