import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api/client';
import { downloadReport, ReportPendingError, type ReportFormat } from '../../api/reports';
import { useErrorMessage } from '../../components/ErrorAlert';

interface Props {
  path: string;
  /** The screen's query: the file holds what the screen shows. */
  query?: Query;
  /** Without extension, used when the server names no file. */
  fileName: string;
  /**
   * What the file holds, when the page offers more than one download ("peserta"): added to the
   * buttons' accessible names, after their visible text, so each pair is told apart.
   */
  subject?: string;
}

const FORMATS: ReportFormat[] = ['csv', 'xlsx'];

/** "Unduh CSV" and "Unduh XLSX"; a file not computed yet (202) asks to try again shortly. */
export function ReportDownloads({ path, query, fileName, subject }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const run = async (format: ReportFormat) => {
    setBusy(format);
    try {
      await downloadReport(path, query, format, fileName);
    } catch (e) {
      if (e instanceof ReportPendingError) {
        notifications.show({ color: 'blue', title: t('reports.download.pendingTitle'), message: t('reports.download.pending') });
      } else {
        notifications.show({ color: 'red', title: t('reports.download.failed'), message: errorMessage(e) });
      }
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs">
      {FORMATS.map((format) => (
        <Button
          key={format}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={busy === format}
          disabled={busy !== null && busy !== format}
          onClick={() => void run(format)}
          aria-label={subject ? t('reports.download.of', { action: t(`reports.download.${format}`), subject }) : undefined}
        >
          {t(`reports.download.${format}`)}
        </Button>
      ))}
    </Group>
  );
}

/** "Pelayanan Publik Prima" → "pelayanan-publik-prima" (a fallback file name). */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'laporan'
  );
}
