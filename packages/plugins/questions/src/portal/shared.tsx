import type { ReactNode } from 'react';
import { ActionIcon, Badge, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCheck, IconMinus, IconTrash, IconX } from '@tabler/icons-react';
import contentPortal from '@cakap/plugin-content/portal';
import type { ContentTypePortal, Lang } from '@cakap/plugin-sdk/portal';
import { fill, texts, type Texts } from './texts';

/**
 * A short id for a new option, item or pair (unique within its question is all it needs).
 * getRandomValues, not randomUUID: the latter exists only on https pages, and an intranet
 * portal may be served over plain http.
 */
export function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// The prompt is rich text: the content plugin's viewer (DOMPurify with the server's
// allow-list) and editor (TipTap, loaded on demand) render and edit it.
const richtext = contentPortal.contentTypes.find((c) => c.key === 'richtext') as ContentTypePortal<{ html: string }>;
const noop = () => {};
const noFile = () => undefined;
const noUpload = () => Promise.reject(new Error('Prompts have no uploads'));

export function Prompt({ html, lang }: { html: string; lang: Lang }) {
  return <richtext.Viewer data={{ html }} lang={lang} fileUrl={noFile} onComplete={noop} onProgress={noop} />;
}

export function PromptEditor({
  html,
  onChange,
  lang,
  error,
}: {
  html: string;
  onChange: (html: string) => void;
  lang: Lang;
  error?: string;
}) {
  const t = texts(lang);
  return (
    <Stack gap={4}>
      <Text fw={500} size="sm">
        {t.prompt}
      </Text>
      <richtext.Editor
        data={{ html }}
        onChange={(d) => onChange(d.html)}
        lang={lang}
        upload={noUpload}
        fileUrl={noFile}
        errors={error ? { html: error } : {}}
      />
    </Stack>
  );
}

/** Optional plain-text feedback. */
export function FeedbackField({
  label,
  value,
  onChange,
  t,
  error,
  description,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  t: Texts;
  error?: string;
  description?: string;
}) {
  return (
    <Textarea
      label={`${label} ${t.optional}`}
      description={description}
      value={value ?? ''}
      autosize
      minRows={1}
      maxLength={2000}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
    />
  );
}

/** Move, remove: the buttons of one row of an editable list (keyboard operable, labelled). */
export function RowButtons({
  index,
  count,
  onMove,
  onRemove,
  minCount,
  t,
  label,
}: {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove?: (index: number) => void;
  minCount: number;
  t: Texts;
  /** What the row is, for the buttons' names ("Naikkan Butir 2"). */
  label: string;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" color="gray" aria-label={`${t.moveUp}: ${label}`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
        <IconArrowUp size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`${t.moveDown}: ${label}`}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        <IconArrowDown size={18} aria-hidden />
      </ActionIcon>
      {onRemove && (
        <ActionIcon variant="subtle" color="red" aria-label={`${t.remove}: ${label}`} disabled={count <= minCount} onClick={() => onRemove(index)}>
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}

/** A new array with the element at `from` moved to `to`. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = list.slice();
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

export type Verdict = 'right' | 'wrong' | 'partly' | 'none';

/** Right or wrong, said in words with an icon (colour is never the only signal). */
export function VerdictBadge({ verdict, t }: { verdict: Verdict; t: Texts }) {
  const { color, icon, label } = {
    right: { color: 'green', icon: <IconCheck size={14} aria-hidden />, label: t.right },
    wrong: { color: 'red', icon: <IconX size={14} aria-hidden />, label: t.wrong },
    partly: { color: 'yellow', icon: <IconMinus size={14} aria-hidden />, label: t.partlyRight },
    none: { color: 'gray', icon: <IconMinus size={14} aria-hidden />, label: t.notAnswered },
  }[verdict];
  return (
    <Badge color={color} variant="light" leftSection={icon} radius="sm">
      {label}
    </Badge>
  );
}

/** Feedback texts shown after submission (plain text, line breaks kept). */
export function FeedbackText({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
      {children}
    </Text>
  );
}

/** "Option 2" and the like. */
export function numbered(template: string, index: number): string {
  return fill(template, { n: index + 1 });
}
