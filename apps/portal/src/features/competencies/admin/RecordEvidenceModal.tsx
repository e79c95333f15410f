import { useState } from 'react';
import { FileInput, NativeSelect, Radio, Group, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COMPETENCY_MESSAGES, recordEvidenceSchema, t as serverMessage, type CompetencyRef, type Lang, type RecordEvidence } from '@cakap/contracts';
import { useRecordEvidence } from '../../../api/competencies';
import { uploadFile } from '../../../api/courses';
import { CompetencySelect } from '../../../components/CompetencySelect';
import { FormModal } from '../../../components/FormModal';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';
import { todayInWib } from './evidenceDate';

const SOURCES = ['assessment', 'training', 'other'] as const;
type Source = (typeof SOURCES)[number];

interface Values extends Record<string, unknown> {
  competencyId: string | null;
  level: number | null;
  source: Source;
  title: string;
  occurredOn: string;
  note: string;
}

const FIELDS = ['competencyId', 'level', 'source', 'title', 'occurredOn', 'note', 'fileId'] as const;

const toInput = (v: Values) => ({
  competencyId: v.competencyId ?? undefined,
  level: v.level ?? undefined,
  source: v.source,
  title: v.title,
  occurredOn: v.occurredOn,
  note: v.note,
});

/** Client rules the schema cannot know: the competency's own top level and "not in the future" (WIB). */
function extraRules(competency: CompetencyRef | null) {
  return (v: Values, lang: Lang) => {
    const errors: Record<string, string> = {};
    if (v.occurredOn && v.occurredOn > todayInWib()) errors.occurredOn = serverMessage(COMPETENCY_MESSAGES.futureDate, lang);
    if (competency && v.level !== null && v.level > competency.maxLevel) {
      errors.level = serverMessage('validation.tooBig', lang, { maximum: competency.maxLevel });
    }
    return errors;
  };
}

/** "Catat bukti": evidence from outside Cakap (an assessment, a training), with an optional attachment. */
export function RecordEvidenceModal({ userId, onClose }: { userId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordEvidence(userId);
  const [competency, setCompetency] = useState<CompetencyRef | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useZodForm<Values>({
    initialValues: { competencyId: null, level: null, source: 'assessment', title: '', occurredOn: todayInWib(), note: '' },
    schema: recordEvidenceSchema,
    toInput,
    extra: extraRules(competency),
    validateInputOnChange: false,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      let fileId: string | null = null;
      if (file) {
        setUploading(true);
        try {
          // An image goes up as an image (the api checks the bytes against the kind).
          fileId = (await uploadFile(file, file.type.startsWith('image/') ? 'image' : 'document')).id;
        } finally {
          setUploading(false);
        }
      }
      const body = recordEvidenceSchema.parse({ ...toInput(values), fileId }) as RecordEvidence;
      const saved = await record.mutateAsync(body);
      notifications.show({ color: 'green', message: t('competencyAdmin.evidence.recorded', { title: saved.title }) });
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  const levels = competency ? Array.from({ length: competency.maxLevel }, (_, i) => i + 1) : [];

  return (
    <FormModal title={t('competencyAdmin.evidence.title')} onClose={onClose} onSubmit={submit} error={error} saving={uploading || record.isPending}>
      <CompetencySelect
        label={t('competencyAdmin.evidence.competency')}
        placeholder={t('competencyAdmin.evidence.competencyPlaceholder')}
        required
        data-autofocus
        value={form.values.competencyId}
        selected={competency}
        error={form.errors.competencyId}
        onChange={(id, c) => {
          setCompetency(c);
          form.setFieldValue('competencyId', id);
          // A level above the new competency's top is meaningless: start again.
          if (!c || (form.values.level ?? 0) > c.maxLevel) form.setFieldValue('level', null);
        }}
      />
      <NativeSelect
        label={t('competencyAdmin.evidence.level')}
        description={competency ? undefined : t('competencyAdmin.evidence.levelHint')}
        required
        disabled={!competency}
        value={form.values.level === null ? '' : String(form.values.level)}
        error={form.errors.level}
        onChange={(e) => form.setFieldValue('level', e.currentTarget.value ? Number(e.currentTarget.value) : null)}
        data={[{ value: '', label: '—' }, ...levels.map((l) => ({ value: String(l), label: t('competencyAdmin.standards.levelOption', { level: l }) }))]}
        w={{ base: '100%', xs: 200 }}
      />
      <Radio.Group label={t('competencyAdmin.evidence.source')} description={t('competencyAdmin.evidence.sourceHint')} required {...form.getInputProps('source')}>
        <Group mt={6}>
          {SOURCES.map((s) => (
            <Radio key={s} value={s} label={t(`competencyAdmin.profile.sources.${s}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        label={t('competencyAdmin.evidence.titleField')}
        placeholder={t('competencyAdmin.evidence.titlePlaceholder')}
        required
        {...form.getInputProps('title')}
      />
      <TextInput type="date" label={t('competencyAdmin.evidence.occurredOn')} required max={todayInWib()} w={{ base: '100%', xs: 200 }} {...form.getInputProps('occurredOn')} />
      <Textarea label={`${t('competencyAdmin.evidence.note')} (${t('common.optional')})`} autosize minRows={2} {...form.getInputProps('note')} />
      <FileInput
        label={`${t('competencyAdmin.evidence.file')} (${t('common.optional')})`}
        description={t('competencyAdmin.evidence.fileHint')}
        accept=".pdf,.docx,application/pdf,image/png,image/jpeg"
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        value={file}
        onChange={setFile}
        error={form.errors.fileId}
      />
    </FormModal>
  );
}
