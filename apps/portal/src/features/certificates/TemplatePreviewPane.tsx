import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIsPhone } from '../../components/useIsPhone';
import type { PreviewState } from './useTemplatePreview';

/**
 * The sample certificate beside the form. Phones rarely show a PDF inline: there, a button opens
 * it in the browser's own viewer instead; a download link is always there as a fallback.
 */
export function TemplatePreviewPane({ preview }: { preview: PreviewState }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preview-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h4" id="preview-title">
            {t('certificates.editor.preview')}
          </Title>
          <Group gap="xs" aria-live="polite">
            {preview.loading && <Loader size="xs" aria-hidden />}
            <Text size="xs" c="dimmed">
              {preview.loading ? t('certificates.editor.previewUpdating') : preview.url ? t('certificates.editor.previewReady') : ''}
            </Text>
          </Group>
        </Group>
        {preview.error ? <ErrorAlert error={preview.error} title={t('certificates.editor.previewFailed')} /> : null}
        {preview.url && !isPhone && (
          <iframe
            src={preview.url}
            title={t('certificates.editor.previewFrame')}
            data-testid="template-preview"
            style={{ width: '100%', aspectRatio: '297 / 210', minHeight: 320, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
          />
        )}
        {preview.url && (
          <Group gap="sm">
            {isPhone && (
              <Button component="a" href={preview.url} target="_blank" rel="noopener" leftSection={<IconExternalLink size={16} aria-hidden />}>
                {t('certificates.editor.openPreview')}
              </Button>
            )}
            <Anchor href={preview.url} download="pratinjau-sertifikat.pdf" size="sm">
              {t('certificates.editor.downloadPreview')}
            </Anchor>
          </Group>
        )}
        {!preview.url && !preview.loading && !preview.error && (
          <Text size="sm" c="dimmed">
            {t('certificates.editor.previewHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
