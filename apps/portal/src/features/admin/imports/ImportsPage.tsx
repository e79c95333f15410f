import { useState } from 'react';
import { Anchor, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { downloadTemplate, useImports, useStartImport } from '../../../api/imports';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListState } from '../../../components/ListState';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { useListParams } from '../../../hooks/useListParams';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { ImportStatusBadge } from './ImportStatusBadge';

export function ImportsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { page, setParams } = useListParams();
  const history = useImports(page);
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [templateError, setTemplateError] = useState<unknown>(null);
  const [templateLoading, setTemplateLoading] = useState(false);

  const upload = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError(t('imports.fileRequired'));
      return;
    }
    try {
      const { id } = await start.mutateAsync(file);
      navigate(`/admin/imports/${id}`);
    } catch {
      // shown below
    }
  };

  const getTemplate = async () => {
    setTemplateError(null);
    setTemplateLoading(true);
    try {
      await downloadTemplate();
    } catch (e) {
      setTemplateError(e);
    } finally {
      setTemplateLoading(false);
    }
  };

  const items = history.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />
      <Stack gap="xl">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="upload-title" maw={760}>
          <form onSubmit={(e) => void upload(e)} noValidate>
            <Stack>
              <Title order={2} fz="h4" id="upload-title">
                {t('imports.uploadTitle')}
              </Title>
              {start.error ? <ErrorAlert error={start.error} /> : null}
              <FileInput
                label={t('imports.file')}
                description={t('imports.fileHint')}
                placeholder={t('imports.filePlaceholder')}
                accept=".csv,text/csv"
                leftSection={<IconFileTypeCsv size={18} aria-hidden />}
                value={file}
                onChange={(f) => {
                  setFile(f);
                  setFileError(null);
                  start.reset();
                }}
                error={fileError}
                clearable
                required
              />
              <Group justify="space-between" gap="sm">
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  onClick={() => void getTemplate()}
                  loading={templateLoading}
                >
                  {t('imports.template')}
                </Button>
                <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />} loading={start.isPending}>
                  {t('imports.submit')}
                </Button>
              </Group>
              {templateError ? <ErrorAlert error={templateError} /> : null}
            </Stack>
          </form>
        </Paper>

        <section aria-labelledby="history-title">
          <Title order={2} fz="h4" id="history-title" mb="sm">
            {t('imports.recent')}
          </Title>
          <ListState
            query={history}
            isEmpty={items.length === 0}
            skeletonRows={2}
            skeletonHeight={40}
            empty={<EmptyBlock message={t('imports.recentEmpty')} />}
          >
            <Table.ScrollContainer minWidth={680}>
              <Table striped verticalSpacing="sm">
                <Table.Caption className="visually-hidden">{t('imports.recentCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('imports.startedAt')}</Table.Th>
                    <Table.Th scope="col">{t('imports.fileName')}</Table.Th>
                    <Table.Th scope="col">{t('common.status')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('imports.progress')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('imports.created')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('imports.updated')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('imports.failed')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/admin/imports/${i.id}`}
                          aria-label={t('imports.viewImport', { name: `${i.fileName ?? ''} ${formatDateTime(i.createdAt, lang)}`.trim() })}
                        >
                          {formatDateTime(i.createdAt, lang)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ wordBreak: 'break-all' }}>
                          {i.fileName ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ImportStatusBadge status={i.status} />
                      </Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(i.processed, lang)} / {formatNumber(i.total, lang)}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(i.created, lang)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(i.updated, lang)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(i.failed, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {history.data && (
              <Pager
                page={history.data.page}
                pageSize={history.data.pageSize}
                total={history.data.total}
                onChange={(p) => setParams(p > 1 ? { page: String(p) } : {})}
              />
            )}
          </ListState>
        </section>
      </Stack>
    </>
  );
}
