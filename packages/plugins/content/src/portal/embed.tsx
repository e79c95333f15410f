import { useState } from 'react';
import { Alert, Anchor, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { ContentTypePortal, EditorProps, ViewerProps } from '@cakap/plugin-sdk/portal';
import type { EmbedData } from '../embed';
import { checkEmbedUrl, EMBED_HOSTS } from '../urls';
import { fill, message, texts } from './texts';

const DEFAULT_HEIGHT = 480;
/** What an embedded page may do: run its own scripts on its own origin, open links, submit its forms, go full screen. Not: reach the top window, download files, or navigate Cakap. */
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-forms allow-presentation';

export function EmbedFrame({ url, title, height }: { url: string; title: string; height?: number }) {
  return (
    <iframe
      src={url}
      title={title}
      height={height ?? DEFAULT_HEIGHT}
      loading="lazy"
      sandbox={SANDBOX}
      referrerPolicy="strict-origin-when-cross-origin"
      allow="fullscreen"
      allowFullScreen
      style={{ width: '100%', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
    />
  );
}

export function EmbedViewer({ data, lang }: ViewerProps<EmbedData>) {
  const t = texts(lang);
  // Checked again here: a stored address that no longer passes the rules is not shown.
  const check = checkEmbedUrl(data?.url ?? '');
  if (!check.ok || !data.title) return <Alert color="yellow">{t.embedRefused}</Alert>;
  return (
    <Stack gap={4}>
      <EmbedFrame url={check.url} title={data.title} height={data.height} />
      <Group justify="flex-end">
        <Anchor href={check.url} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4} component="span">
            {t.openNewTab}
            <IconExternalLink size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
    </Stack>
  );
}

export function EmbedEditor({ data, onChange, lang, errors }: EditorProps<EmbedData>) {
  const t = texts(lang);
  const [touched, setTouched] = useState({ url: false, title: false });
  const current: EmbedData = { url: data?.url ?? '', title: data?.title ?? '', ...(data?.height ? { height: data.height } : {}) };
  const check = current.url.trim() ? checkEmbedUrl(current.url) : null;
  const urlError = touched.url && check && !check.ok ? message(check.reason, lang) : errors.url;
  const titleError = touched.title && current.url && !current.title.trim() ? t.required : errors.title;
  return (
    <Stack gap="sm">
      <TextInput
        label={t.embedUrl}
        description={fill(t.embedUrlHint, { hosts: EMBED_HOSTS.join(', ') })}
        placeholder="https://docs.google.com/forms/d/e/…/viewform"
        inputMode="url"
        withAsterisk
        value={current.url}
        maxLength={2000}
        onChange={(e) => onChange({ ...current, url: e.currentTarget.value })}
        onBlur={() => setTouched((s) => ({ ...s, url: true }))}
        error={urlError}
      />
      <TextInput
        label={t.embedTitle}
        description={t.embedTitleHint}
        withAsterisk
        value={current.title}
        maxLength={200}
        onChange={(e) => onChange({ ...current, title: e.currentTarget.value })}
        onBlur={() => setTouched((s) => ({ ...s, title: true }))}
        error={titleError}
      />
      <NumberInput
        label={`${t.embedHeight} ${t.optional}`}
        description={t.embedHeightHint}
        placeholder={String(DEFAULT_HEIGHT)}
        min={200}
        max={2000}
        step={20}
        allowDecimal={false}
        allowNegative={false}
        value={current.height ?? ''}
        error={errors.height}
        onChange={(value) => {
          const { height: _old, ...rest } = current;
          onChange(typeof value === 'number' && Number.isFinite(value) ? { ...rest, height: value } : rest);
        }}
      />
      {check?.ok && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t.preview}
          </Text>
          <EmbedFrame url={check.url} title={`${t.preview}: ${current.title || check.url}`} height={Math.min(current.height ?? DEFAULT_HEIGHT, 480)} />
        </Stack>
      )}
    </Stack>
  );
}

export const embedPortal: ContentTypePortal<EmbedData> = {
  key: 'embed',
  title: { id: 'Sematan', en: 'Embed' },
  initialData: () => ({ url: '', title: '' }),
  Viewer: EmbedViewer,
  Editor: EmbedEditor,
};
