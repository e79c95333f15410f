import { useState, type ReactNode } from 'react';
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GiftImportResult } from '@cakap/contracts';
import { isApiError } from '../../api';
import { saveDownload } from '../../api/download';
import { useImportGift } from '../../api/quiz';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/ListTable';

/** The line a GIFT import error points at (`line.12` → 12). */
export function lineOf(field: string): number | null {
  const m = /^line\.(\d+)$/.exec(field);
  return m ? Number(m[1]) : null;
}

/** GIFT import (all or nothing: a bad line is listed and nothing is imported) and export. */
export function GiftPanel({ bankId, bankTitle }: { bankId: string; bankTitle: string }) {
  const { t } = useTranslation();
  const importGift = useImportGift(bankId);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<GiftImportResult | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const lineErrors = isApiError(importGift.error) ? importGift.error.errors.filter((e) => lineOf(e.field) !== null) : [];

  const onImport = async () => {
    if (!file) return;
    setResult(null);
    try {
      setResult(await importGift.mutateAsync(file));
      setFile(null);
    } catch {
      // shown below
    }
  };

  const onExport = async () => {
    setExportError(null);
    setExporting(true);
    try {
      await saveDownload(`/question-banks/${bankId}/export`, undefined, `${bankTitle || 'bank-soal'}.gift.txt`);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="lg">
      <GiftSection id="gift-import" title={t('gift.importTitle')} intro={t('gift.importIntro')}>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('gift.file')}
            placeholder={t('gift.filePlaceholder')}
            accept=".gift,.txt,text/plain"
            value={file}
            onChange={(f) => {
              setFile(f);
              setResult(null);
              importGift.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={{ base: '100%', xs: 320 }}
          />
          <Button leftSection={<IconFileUpload size={16} aria-hidden />} onClick={() => void onImport()} disabled={!file} loading={importGift.isPending}>
            {t('gift.import')}
          </Button>
        </Group>
        {result && (
          <Alert color="green" role="status" title={t('gift.doneTitle')}>
            {t('gift.done', { count: result.imported, categories: String(result.categoriesCreated) })}
          </Alert>
        )}
        {importGift.error && lineErrors.length === 0 ? <ErrorAlert error={importGift.error} /> : null}
        {lineErrors.length > 0 && (
          <Stack gap="xs">
            <Alert color="red" role="alert" title={t('gift.failedTitle')}>
              {t('gift.failed', { count: lineErrors.length })}
            </Alert>
            <ListTable
              caption={t('gift.errorsCaption')}
              minWidth={0}
              columns={[
                { label: t('gift.line'), width: 90 },
                { label: t('gift.problem') },
              ]}
            >
              {lineErrors.map((e, i) => (
                <Table.Tr key={`${e.field}-${i}`}>
                  <Table.Td>{lineOf(e.field)}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </Stack>
        )}
      </GiftSection>
      <GiftSection id="gift-export" title={t('gift.exportTitle')} intro={t('gift.exportIntro')}>
        {exportError ? <ErrorAlert error={exportError} /> : null}
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void onExport()} loading={exporting} w="fit-content">
          {t('gift.export')}
        </Button>
      </GiftSection>
    </Stack>
  );
}

function GiftSection({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        <Text size="sm">{intro}</Text>
        {children}
      </Stack>
    </Paper>
  );
}
