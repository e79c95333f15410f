import { useState } from 'react';
import { Alert, Button, FileButton, Group, List, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../../app/theme';
import { createBatchSchema, issueMessage, type CatalogItem, type CreateBatch } from '@cakap/contracts';
import { useCreateBatch, useTemplates } from '../../api/certificates';
import { useCatalog } from '../../api/courses';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { PageHeader } from '../../components/PageHeader';
import { useRemoteSelect } from '../../hooks/useRemoteSelect';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { parseNipList } from './nipList';

const useCourseSearch = (q: string | undefined, enabled: boolean) => useCatalog({ q, pageSize: 20 }, enabled);
const courseLabel = (c: CatalogItem) => c.title;
/** Lines shown before "and N more": enough to fix typos, not a wall. */
const SHOWN_REJECTS = 10;
const LIST_TYPES = '.txt,.csv,text/plain,text/csv';

type Mode = 'filters' | 'list';

/** "Terbitkan sertifikat": a course and who gets it (by unit and completion dates, or a NIP list). */
export function CreateBatchPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const create = useCreateBatch();
  const [courseId, setCourseId] = useState<string | null>(null);
  const templates = useTemplates({ pageSize: 100, archived: false });
  const defaultTemplate = templates.data?.items.find((tpl) => tpl.isDefault)?.id ?? null;
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('filters');
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [completedFrom, setCompletedFrom] = useState('');
  const [completedTo, setCompletedTo] = useState('');
  const [listText, setListText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const courseSelect = useRemoteSelect<CatalogItem>({ value: courseId, onChange: (id) => setCourseId(id), labelOf: courseLabel, useSearch: useCourseSearch });

  const list = mode === 'list' ? parseNipList(listText) : null;
  const body: Partial<CreateBatch> = {
    courseId: courseId ?? undefined,
    templateId: (templateId ?? defaultTemplate) || undefined,
    ...(mode === 'filters'
      ? { orgUnitId: orgUnitId ?? undefined, completedFrom: completedFrom || undefined, completedTo: completedTo || undefined }
      : { nips: list && list.nips.length ? list.nips : undefined }),
  };
  const parsed = createBatchSchema.safeParse(body);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (!(key in errors)) errors[key] = issueMessage(issue, lang, body).message;
    }
  }
  const listEmpty = mode === 'list' && !list?.nips.length;
  const show = (key: string) => (submitted ? errors[key] : undefined);

  const onFile = async (file: File | null) => {
    if (file) setListText(await file.text());
  };

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!parsed.success || listEmpty) return;
    try {
      const { id } = await create.mutateAsync(parsed.data);
      navigate(`/admin/certificate-batches/${id}`);
    } catch {
      // shown above the button
    }
  };

  return (
    <>
      <PageHeader
        title={t('certificates.batches.issue')}
        description={t('certificates.batches.issueIntro')}
        before={<BackLink to="/admin/certificate-batches">{t('certificates.batches.back')}</BackLink>}
      />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack maw={760}>
          <Paper withBorder p="md">
            <Stack>
              <Select label={t('certificates.course')} description={t('certificates.batches.courseHint')} withAsterisk searchable clearable {...courseSelect} error={show('courseId')} />
              <Select
                label={t('certificates.batches.template')}
                description={t('certificates.batches.templateHint')}
                data={(templates.data?.items ?? []).map((tpl) => ({ value: tpl.id, label: tpl.isDefault ? `${tpl.name} (${t('certificates.templates.default')})` : tpl.name }))}
                value={templateId ?? defaultTemplate}
                onChange={setTemplateId}
                allowDeselect={false}
                error={show('templateId')}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md" role="group" aria-labelledby="who-title">
            <Stack>
              <Text fw={600} id="who-title">
                {t('certificates.batches.who')}
              </Text>
              <SegmentedControl
                value={mode}
                onChange={(v) => setMode(v as Mode)}
                aria-label={t('certificates.batches.who')}
                data={[
                  { value: 'filters', label: t('certificates.batches.byFilters') },
                  { value: 'list', label: t('certificates.batches.byList') },
                ]}
                fullWidth
              />
              {mode === 'filters' ? (
                <>
                  <Text size="sm" c="dimmed">
                    {t('certificates.batches.filtersHint')}
                  </Text>
                  <OrgUnitSelect label={t('certificates.batches.orgUnit')} description={t('certificates.batches.orgUnitHint')} value={orgUnitId} onChange={setOrgUnitId} />
                  <SimpleGrid cols={{ base: 1, xs: 2 }}>
                    <TextInput type="date" label={t('certificates.batches.completedFrom')} value={completedFrom} onChange={(e) => setCompletedFrom(e.currentTarget.value)} error={show('completedFrom')} />
                    <TextInput type="date" label={t('certificates.batches.completedTo')} value={completedTo} onChange={(e) => setCompletedTo(e.currentTarget.value)} error={errors.completedTo} />
                  </SimpleGrid>
                </>
              ) : (
                <>
                  <Textarea
                    label={t('certificates.batches.nipList')}
                    description={t('certificates.batches.nipListHint')}
                    autosize
                    minRows={5}
                    maxRows={14}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    value={listText}
                    onChange={(e) => setListText(e.currentTarget.value)}
                    error={submitted && listEmpty ? t('certificates.batches.nipListEmpty') : show('nips')}
                  />
                  <Group>
                    <FileButton onChange={(f) => void onFile(f)} accept={LIST_TYPES}>
                      {(props) => (
                        <Button {...props} variant="default" size="xs" leftSection={<IconFileUpload size={14} aria-hidden />}>
                          {t('certificates.batches.uploadList')}
                        </Button>
                      )}
                    </FileButton>
                  </Group>
                  {list && listText.trim() && (
                    <Stack gap={4} aria-live="polite" data-testid="nip-summary">
                      <Text size="sm" fw={600}>
                        {t('certificates.batches.recognised', { n: formatNumber(list.nips.length, lang) })}
                        {list.duplicates > 0 ? ` ${t('certificates.batches.duplicates', { n: formatNumber(list.duplicates, lang) })}` : ''}
                      </Text>
                      {list.rejected.length > 0 && (
                        <Alert color={statusColors.warning} variant="light" title={t('certificates.batches.rejectedTitle', { n: formatNumber(list.rejected.length, lang) })}>
                          <List size="sm" spacing={2}>
                            {list.rejected.slice(0, SHOWN_REJECTS).map((r) => (
                              <List.Item key={r.line}>
                                {t('certificates.batches.rejectedLine', { line: r.line })}: <Text span ff="monospace">{r.text}</Text>
                              </List.Item>
                            ))}
                          </List>
                          {list.rejected.length > SHOWN_REJECTS && (
                            <Text size="sm" mt={4}>
                              {t('certificates.batches.rejectedMore', { n: formatNumber(list.rejected.length - SHOWN_REJECTS, lang) })}
                            </Text>
                          )}
                        </Alert>
                      )}
                    </Stack>
                  )}
                </>
              )}
            </Stack>
          </Paper>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('certificates.batches.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
