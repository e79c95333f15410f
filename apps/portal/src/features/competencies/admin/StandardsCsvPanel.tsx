import { useState, type ReactNode } from 'react';
import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STANDARDS_CSV_COLUMNS } from '@cakap/contracts';
import { exportStandards, useImportStandards, type StandardsImportResult } from '../../../api/competencies';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { ImportErrorTable } from './ImportErrorTable';

/** "Impor/ekspor CSV": position standards in bulk (all or nothing) and back out. */
export function StandardsCsvPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const importStandards = useImportStandards();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<StandardsImportResult | null>(null);
  const [exporting, setExporting] = useState(false);

  const onImport = async () => {
    if (!file) return;
    setResult(null);
    try {
      setResult(await importStandards.mutateAsync(file));
      setFile(null);
    } catch {
      // listed below
    }
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await exportStandards();
    } catch (e) {
      notifications.show({ color: 'red', title: t('competencyAdmin.framework.exportFailed'), message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="lg">
      <CsvSection id="standards-import" title={t('competencyAdmin.standards.csvImportTitle')}>
        <Text size="sm">{t('competencyAdmin.standards.csvImportIntro', { columns: STANDARDS_CSV_COLUMNS.join(', ') })}</Text>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('competencyAdmin.importer.file')}
            placeholder={t('competencyAdmin.importer.filePlaceholder')}
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              setFile(f);
              setResult(null);
              importStandards.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={{ base: '100%', xs: 320 }}
          />
          <Button leftSection={<IconFileUpload size={16} aria-hidden />} disabled={!file} loading={importStandards.isPending} onClick={() => void onImport()}>
            {t('competencyAdmin.importer.submit')}
          </Button>
        </Group>
        {result && (
          <Alert color="green" role="status">
            {t('competencyAdmin.standards.csvDone', { positions: result.positions, rows: result.rows })}
          </Alert>
        )}
        <ImportErrorTable error={importStandards.error} />
      </CsvSection>
      <CsvSection id="standards-export" title={t('competencyAdmin.standards.csvExportTitle')}>
        <Text size="sm">{t('competencyAdmin.standards.csvExportIntro')}</Text>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={exporting} onClick={() => void onExport()} w="fit-content">
          {t('competencyAdmin.standards.download')}
        </Button>
      </CsvSection>
    </Stack>
  );
}

function CsvSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
