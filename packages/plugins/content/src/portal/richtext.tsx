import { lazy, Suspense, useMemo } from 'react';
import { Skeleton, Typography } from '@mantine/core';
import DOMPurify from 'dompurify';
import type { ContentTypePortal, EditorProps, ViewerProps } from '@cakap/plugin-sdk/portal';
import type { RichTextData } from '../richtext';

// Mirrors the server's allow-list (src/richtext.ts). The server has already sanitised what
// is stored; the viewer sanitises again so that a bug or a bypass in one layer is not enough.
const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h2', 'h3', 'h4', 'ul', 'ol', 'li',
  'blockquote', 'code', 'pre', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
const ALLOWED_ATTR = ['href', 'title', 'target', 'rel', 'start', 'colspan', 'rowspan'];
const SAFE_URI = /^(?:https?:|mailto:)/i;

let purifier: ReturnType<typeof DOMPurify> | null = null;
function purify(html: string): string {
  if (typeof window === 'undefined') return '';
  if (!purifier) {
    purifier = DOMPurify(window);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        const href = node.getAttribute('href');
        if (href && !SAFE_URI.test(href)) node.removeAttribute('href');
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}

export function RichTextViewer({ data }: ViewerProps<RichTextData>) {
  const html = useMemo(() => purify(data?.html ?? ''), [data?.html]);
  return (
    <Typography>
      <div className="cakap-richtext" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

// TipTap is large: authors load it when they open an editor, learners never do.
const LazyEditor = lazy(() => import('./richtext-editor.js').then((m) => ({ default: m.RichTextEditorImpl })));

export function RichTextEditor(props: EditorProps<RichTextData>) {
  return (
    <Suspense fallback={<Skeleton height={220} radius="sm" />}>
      <LazyEditor {...props} />
    </Suspense>
  );
}

export const richtextPortal: ContentTypePortal<RichTextData> = {
  key: 'richtext',
  title: { id: 'Teks', en: 'Rich text' },
  initialData: () => ({ html: '' }),
  Viewer: RichTextViewer,
  Editor: RichTextEditor,
};
