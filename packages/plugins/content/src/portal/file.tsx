import { useState } from 'react';
import { Alert, Box, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconDownload, IconExternalLink, IconFileText } from '@tabler/icons-react';
import type { ContentTypePortal, EditorProps, ViewerProps } from '@cakap/plugin-sdk/portal';
import type { FileData } from '../file';
import { UploadField, useLatest } from './shared';
import { texts } from './texts';

function isPdf(data: FileData): boolean {
  if (data.mimeType) return data.mimeType === 'application/pdf';
  return !data.fileName || /\.pdf$/i.test(data.fileName);
}

/**
 * A document: on wider screens a PDF is read inline; phones (whose browsers show inline PDFs
 * poorly or not at all) get "Buka" (open in the phone's viewer) and "Unduh" instead.
 */
export function FileViewer({ data, lang, fileUrl }: ViewerProps<FileData>) {
  const t = texts(lang);
  const url = data?.fileId ? fileUrl(data.fileId) : undefined;
  if (!url) return <Alert color="yellow">{t.fileMissing}</Alert>;
  const name = data.fileName ?? data.title ?? t.document;
  const title = data.title || data.fileName || t.document;
  const pdf = isPdf(data);
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        <IconFileText size={20} aria-hidden style={{ flexShrink: 0 }} />
        <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
      </Group>
      {pdf ? (
        <Box visibleFrom="sm">
          <iframe
            src={url}
            title={title}
            loading="lazy"
            style={{ width: '100%', height: '75vh', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
          >
            {t.pdfFallback}
          </iframe>
        </Box>
      ) : (
        <Text size="sm" c="dimmed">
          {t.notPreviewable}
        </Text>
      )}
      <Group gap="xs">
        <Button
          component="a"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          variant={pdf ? 'default' : 'filled'}
          leftSection={<IconExternalLink size={16} aria-hidden />}
          aria-label={`${t.open}: ${name}`}
        >
          {t.open}
        </Button>
        {data.allowDownload !== false && (
          <Button
            component="a"
            href={url}
            download={data.fileName ?? ''}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            aria-label={`${t.download}: ${name}`}
          >
            {t.download}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function FileEditor({ data, onChange, lang, upload, errors }: EditorProps<FileData>) {
  const t = texts(lang);
  const [titleTouched, setTitleTouched] = useState(false);
  const current = { ...data, allowDownload: data?.allowDownload ?? true };
  const latest = useLatest(current);
  return (
    <Stack gap="sm">
      <UploadField
        kind="document"
        accept="application/pdf,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
        label={t.documentFile}
        hint={t.documentFileHint}
        t={t}
        upload={upload}
        required
        currentName={data?.fileId ? data.fileName ?? t.document : undefined}
        error={errors.fileId}
        onUploaded={(f) => {
          const now = latest.current;
          onChange({
            ...now,
            fileId: f.id,
            fileName: f.fileName,
            mimeType: f.mimeType,
            // a title from the file name, unless the author has written one
            ...(!titleTouched || !now.title ? { title: f.fileName.replace(/\.[^.]+$/, '').trim() } : {}),
          });
        }}
      />
      <TextInput
        label={`${t.documentTitle} ${t.optional}`}
        value={data?.title ?? ''}
        maxLength={200}
        error={errors.title}
        onChange={(e) => {
          setTitleTouched(true);
          const title = e.currentTarget.value;
          const { title: _old, ...rest } = current;
          onChange(title ? { ...rest, title } : rest);
        }}
      />
      <Switch
        label={t.allowDownload}
        description={t.allowDownloadHint}
        checked={current.allowDownload}
        onChange={(e) => onChange({ ...current, allowDownload: e.currentTarget.checked })}
      />
    </Stack>
  );
}

export const filePortal: ContentTypePortal<FileData> = {
  key: 'file',
  title: { id: 'Berkas/PDF', en: 'File/PDF' },
  initialData: () => ({ fileId: '', allowDownload: true }),
  Viewer: FileViewer,
  Editor: FileEditor,
};
