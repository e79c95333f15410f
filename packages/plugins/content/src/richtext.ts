import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { defineContentType } from '@cakap/plugin-sdk';

/** Longest HTML accepted before sanitising (characters). */
export const RICHTEXT_MAX_LENGTH = 200_000;

/** What rich text may contain. No images (the image block has alt text), no media, no forms, no styles. */
export const RICHTEXT_TAGS = [
  'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's',
  'h2', 'h3', 'h4',
  'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'hr',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Only absolute http(s) and mailto links survive. The value reaching here has its entities
 * decoded (`jav&#x09;ascript:` is `jav\tascript:`), and the WHATWG URL parser drops tabs and
 * new lines exactly as a browser does, so obfuscated schemes are seen for what they are.
 * The serialised form of the parsed URL is what gets stored.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  let u: URL;
  try {
    u = new URL(href.trim());
  } catch {
    return undefined; // relative, protocol-relative or malformed
  }
  if (!LINK_PROTOCOLS.has(u.protocol)) return undefined;
  if (u.protocol !== 'mailto:' && !u.hostname) return undefined;
  return u.href;
}

/** Keeps only the named attributes, and only when they are small whole numbers. */
function numeric(attribs: sanitizeHtml.Attributes, names: string[]): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  for (const name of names) if (/^\d{1,3}$/.test(attribs[name] ?? '')) out[name] = attribs[name];
  return out;
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: RICHTEXT_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    ol: ['start'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedStyles: {},
  allowedClasses: {},
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  // Disallowed tags are dropped and their text kept, except these, whose content goes too.
  nonTextTags: [
    'script', 'style', 'textarea', 'option', 'noscript', 'select', 'template', 'title',
    'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
    'xmp', 'noembed', 'noframes', 'plaintext', 'head', 'audio', 'video', 'canvas',
  ],
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    strike: 's',
    del: 's',
    ol: (tagName, attribs) => ({ tagName, attribs: numeric(attribs, ['start']) }),
    th: (tagName, attribs) => ({ tagName, attribs: numeric(attribs, ['colspan', 'rowspan']) }),
    td: (tagName, attribs) => ({ tagName, attribs: numeric(attribs, ['colspan', 'rowspan']) }),
    a: (_tagName, attribs) => {
      const href = safeHref(attribs.href);
      // A link without a usable address becomes its text (see exclusiveFilter). Renaming the
      // tag to a disallowed one here would trip sanitize-html 2.17, which then closes the
      // next sibling with the wrong tag.
      if (!href) return { tagName: 'a', attribs: {} };
      const out: Record<string, string> = { href, target: '_blank', rel: 'noopener noreferrer' };
      if (attribs.title) out.title = attribs.title;
      return { tagName: 'a', attribs: out };
    },
  },
  exclusiveFilter: (frame) => {
    if (frame.tag !== 'a') return false;
    // A link with no text cannot be seen or read out: drop it.
    if (!frame.text.trim()) return true;
    // A link whose address was refused: keep its text, drop the tag.
    return frame.attribs.href ? false : 'excludeTag';
  },
};

/** Allow-list sanitising of author HTML (server side; the viewer runs DOMPurify again). */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of (sanitised) rich text, for search: blocks separated by spaces, entities decoded. */
export function richTextToPlain(html: string): string {
  const parts: string[] = [];
  sanitizeHtml(html.replace(/<(br|hr)\b[^>]*>|<\/(p|h\d|li|td|th|blockquote|pre|div|tr)>/gi, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: OPTIONS.nonTextTags,
    textFilter: (text) => {
      parts.push(text);
      return text;
    },
  });
  return parts
    .join('')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

export const richtextSchema = z
  .object({
    html: z.string().max(RICHTEXT_MAX_LENGTH),
  })
  .transform((data, ctx) => {
    const html = sanitizeRichText(data.html).trim();
    if (!richTextToPlain(html)) {
      ctx.issues.push({ code: 'custom', message: 'content.richtext.empty', path: ['html'], input: data.html });
      return z.NEVER;
    }
    return { html };
  });

export type RichTextData = z.output<typeof richtextSchema>;

/** Unfinished drafts may be empty; they are sanitised all the same. */
export const richtextDraftSchema = z
  .object({ html: z.string().max(RICHTEXT_MAX_LENGTH).default('') })
  .transform((data) => ({ html: sanitizeRichText(data.html).trim() }));

export const richtext = defineContentType<RichTextData>({
  key: 'richtext',
  title: { id: 'Teks', en: 'Rich text' },
  description: {
    id: 'Teks berformat: judul, daftar, kutipan, tautan, dan tabel.',
    en: 'Formatted text: headings, lists, quotes, links and tables.',
  },
  schema: richtextSchema,
  draftSchema: richtextDraftSchema,
  completion: { kind: 'viewed' },
  summarize: (data) => richTextToPlain(data.html),
  files: () => [],
});
