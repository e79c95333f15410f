import { Fragment, type ReactNode } from 'react';
import { ActionIcon, Badge, Button, Fieldset, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCheck, IconMinus, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
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

/**
 * A question in the player or its review: the prompt, what follows it, and (in a review) the
 * question's own feedback.
 */
export function QuestionBody({ prompt, lang, feedback, children }: { prompt: string; lang: Lang; feedback?: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Prompt html={prompt} lang={lang} />
      {children}
      <FeedbackText>{feedback}</FeedbackText>
    </Stack>
  );
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

/**
 * The options, items or pairs of a question editor: each row with its move and remove
 * buttons (at least two rows stay), the list's own error, and a button adding a row.
 */
export function ListEditor<T extends { id: string }>({
  legend,
  items,
  onChange,
  create,
  addLabel,
  error,
  rowLabel,
  t,
  renderRow,
  children,
}: {
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  create: () => T;
  addLabel: string;
  error?: string;
  /** What row i is, for its buttons' names. */
  rowLabel: (index: number) => string;
  t: Texts;
  /** The row's fields, with `buttons` placed where the row wants them. */
  renderRow: (item: T, index: number, buttons: ReactNode) => ReactNode;
  /** Shown above the rows. */
  children?: ReactNode;
}) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="sm">
        {children}
        {items.map((item, i) => (
          <Fragment key={item.id}>
            {renderRow(
              item,
              i,
              <RowButtons
                index={i}
                count={items.length}
                minCount={2}
                t={t}
                label={rowLabel(i)}
                onMove={(from, to) => onChange(move(items, from, to))}
                onRemove={(at) => onChange(items.filter((_, j) => j !== at))}
              />,
            )}
          </Fragment>
        ))}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...items, create()])}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** A new array with the element at `index` changed by `patch`. */
export function patchAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
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
/** Outline badges in shades that keep 4.5:1 on white (light badges in Mantine's greens and yellows do not). */
const VERDICT_COLORS = { right: '#1b5e20', wrong: '#b71c1c', partly: '#a63c06', none: '#495057' } as const;

export function VerdictBadge({ verdict, t }: { verdict: Verdict; t: Texts }) {
  const { icon, label } = {
    right: { icon: <IconCheck size={14} aria-hidden />, label: t.right },
    wrong: { icon: <IconX size={14} aria-hidden />, label: t.wrong },
    partly: { icon: <IconMinus size={14} aria-hidden />, label: t.partlyRight },
    none: { icon: <IconMinus size={14} aria-hidden />, label: t.notAnswered },
  }[verdict];
  return (
    <Badge color={VERDICT_COLORS[verdict]} variant="outline" leftSection={icon} radius="sm" tt="none">
      {label}
    </Badge>
  );
}

/**
 * How much of an answer made of parts (pairs, positions, options) is right: all, some, none,
 * or nothing answered.
 */
export function partsVerdict(answered: boolean, right: number, total: number): Verdict {
  if (!answered) return 'none';
  return right === total ? 'right' : right > 0 ? 'partly' : 'wrong';
}

/** The parts of a review, one row each (a numbered list when their order is the point). */
export function ReviewList({ ordered, children }: { ordered?: boolean; children: ReactNode }) {
  return (
    <Stack gap={6} component={ordered ? 'ol' : 'ul'} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {children}
    </Stack>
  );
}

/** One part of a review: a tick, a cross or an empty space, then what is said about it. */
export function ReviewRow({ mark, children }: { mark: 'right' | 'wrong' | 'none'; children: ReactNode }) {
  return (
    <li>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {mark === 'right' ? (
          <IconCheck size={18} color={VERDICT_COLORS.right} aria-hidden />
        ) : mark === 'wrong' ? (
          <IconX size={18} color={VERDICT_COLORS.wrong} aria-hidden />
        ) : (
          <span style={{ width: 18 }} />
        )}
        <div>{children}</div>
      </Group>
    </li>
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
