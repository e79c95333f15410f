import { useState } from 'react';
import { Badge, Button, FileInput, Group, NumberInput, Paper, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { classicalFormSchema, createClassicalActivitySchema, DEVELOPMENT_FORMS, type CreateClassicalActivity } from '@cakap/contracts';
import { uploadEvidence, useAddClassicalActivity, useUserLearningHours } from '../../../api/assignments';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { FormModal } from '../../../components/FormModal';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';
import { currentYear, formatDate, formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';

const CLASSICAL_FORMS = classicalFormSchema.options;
type ClassicalForm = (typeof CLASSICAL_FORMS)[number];

interface Values extends Record<string, unknown> {
  title: string;
  jp: number | string;
  developmentForm: ClassicalForm | null;
  organiser: string;
  startDate: string;
  endDate: string;
  certificateNumber: string;
}

const FIELDS = ['title', 'jp', 'developmentForm', 'organiser', 'startDate', 'endDate', 'certificateNumber', 'evidenceFileId'] as const;

const toBody = (v: Values): CreateClassicalActivity => ({
  title: v.title,
  jp: typeof v.jp === 'number' ? v.jp : Number(v.jp) || 0,
  developmentForm: v.developmentForm as ClassicalForm,
  organiser: v.organiser,
  startDate: v.startDate,
  endDate: v.endDate,
  certificateNumber: v.certificateNumber.trim() || null,
});

/** Adds a training, workshop or seminar attended outside Cakap, with its evidence, to a learner's ledger. */
function ClassicalActivityModal({ userId, onClose }: { userId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddClassicalActivity(userId);
  const [error, setError] = useState<unknown>(null);
  const [evidence, setEvidence] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const form = useZodForm<Values>({
    initialValues: { title: '', jp: '', developmentForm: null, organiser: '', startDate: '', endDate: '', certificateNumber: '' },
    schema: createClassicalActivitySchema,
    toInput: toBody,
    validateInputOnChange: false,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      let evidenceFileId: string | null = null;
      if (evidence) {
        setUploading(true);
        try {
          evidenceFileId = (await uploadEvidence(evidence)).id;
        } finally {
          setUploading(false);
        }
      }
      const saved = await add.mutateAsync({ ...toBody(values), evidenceFileId });
      notifications.show({ color: 'green', message: t('userLearningHours.added', { title: saved.title }) });
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  return (
    <FormModal title={t('userLearningHours.addTitle')} onClose={onClose} onSubmit={submit} error={error} saving={uploading || add.isPending}>
      <TextInput label={t('userLearningHours.activityTitle')} required data-autofocus {...form.getInputProps('title')} />
      <Group grow align="flex-start" wrap="wrap">
        <NumberInput label={t('userLearningHours.jp')} required min={1} max={1000} allowDecimal={false} miw={120} {...form.getInputProps('jp')} />
        <Select
          label={t('userLearningHours.developmentForm')}
          required
          miw={220}
          data={CLASSICAL_FORMS.map((f) => ({ value: f, label: `${f} — ${DEVELOPMENT_FORMS[f]}` }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('developmentForm')}
        />
      </Group>
      <TextInput label={t('userLearningHours.organiser')} required {...form.getInputProps('organiser')} />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput type="date" label={t('userLearningHours.startDate')} required miw={160} {...form.getInputProps('startDate')} />
        <TextInput type="date" label={t('userLearningHours.endDate')} required miw={160} {...form.getInputProps('endDate')} />
      </Group>
      <TextInput label={`${t('userLearningHours.certificateNumber')} (${t('common.optional')})`} {...form.getInputProps('certificateNumber')} />
      <FileInput
        label={`${t('userLearningHours.evidence')} (${t('common.optional')})`}
        description={t('userLearningHours.evidenceHint')}
        accept="application/pdf"
        clearable
        value={evidence}
        onChange={setEvidence}
        error={form.errors.evidenceFileId}
      />
    </FormModal>
  );
}

/** The admin's view of a learner's JP ledger for a year, and the way to add classical activities. */
export function UserLearningHours({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const hours = useUserLearningHours(userId, year);
  const entries = hours.data?.entries ?? [];
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="learning-hours-title" mt="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={2} fz="h4" id="learning-hours-title">
            {t('userLearningHours.title')}
          </Title>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('userLearningHours.year')}
              data={years}
              value={String(year)}
              allowDeselect={false}
              onChange={(v) => v && setYear(Number(v))}
              w={120}
            />
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('userLearningHours.add')}
            </Button>
          </Group>
        </Group>
        {hours.data && (
          <Stack gap={4}>
            <Text fw={500}>{t('userLearningHours.summary', { jp: formatNumber(hours.data.jp, lang), target: String(hours.data.target) })}</Text>
            <Progress
              value={Math.min(100, (hours.data.jp * 100) / Math.max(1, hours.data.target))}
              aria-label={t('userLearningHours.summary', { jp: String(hours.data.jp), target: String(hours.data.target) })}
            />
          </Stack>
        )}
        <ListState query={hours} isEmpty={entries.length === 0} empty={<EmptyBlock message={t('userLearningHours.empty')} />}>
          <ListTable
            caption={t('userLearningHours.tableCaption', { year: String(year) })}
            minWidth={640}
            busy={hours.isFetching}
            columns={[
              { label: t('userLearningHours.activity') },
              { label: t('userLearningHours.jp'), numeric: true },
              { label: t('userLearningHours.form') },
              { label: t('userLearningHours.dates'), hideOnPhone: true },
              { label: t('userLearningHours.source'), hideOnPhone: true },
            ]}
          >
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td fw={500}>
                  {e.title}
                  <Text size="xs" c="dimmed">
                    {e.organiser}
                    {e.certificateNumber ? ` · ${e.certificateNumber}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(e.jp, lang)}</Table.Td>
                <Table.Td>{`${e.developmentForm} — ${DEVELOPMENT_FORMS[e.developmentForm]}`}</Table.Td>
                <Table.Td visibleFrom="sm">
                  {e.startDate === e.endDate ? formatDate(e.startDate, lang) : `${formatDate(e.startDate, lang)} – ${formatDate(e.endDate, lang)}`}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Badge variant="outline" color={e.source === 'course' ? 'cakap' : 'gray.7'} tt="none">
                    {t(`userLearningHours.source_${e.source}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </ListState>
      </Stack>
      {adding && <ClassicalActivityModal userId={userId} onClose={() => setAdding(false)} />}
    </Paper>
  );
}
