import { useState } from 'react';
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  PREFERRED_FORMS,
  learningNeedInputSchema,
  learningNeedPatchSchema,
  type CompetencyRef,
  type LearningNeed,
  type PreferredForm,
} from '@cakap/contracts';
import { useProposeNeed, useUpdateNeed } from '../../api/needs';
import { CompetencySelect } from '../../components/CompetencySelect';
import { FormModal } from '../../components/FormModal';
import { applyServerErrors, useZodForm } from '../../components/zodForm';

interface Values extends Record<string, unknown> {
  title: string;
  reason: string;
  competencyId: string | null;
  preferredForm: PreferredForm;
}

const FIELDS = ['title', 'reason', 'competencyId', 'preferredForm'] as const;
const REASON_MAX = 4000;

/** "Usulkan kebutuhan" (a new proposal, then its page) or the proposer's edit of one. */
export function NeedFormModal({ need, onClose }: { need?: LearningNeed; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const propose = useProposeNeed();
  const update = useUpdateNeed(need?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  // The need's competency as the picker names it (kind and levels do not matter here).
  const selected: CompetencyRef | null = need?.competency
    ? { ...need.competency, kind: 'teknis', frameworkId: '', maxLevel: 0 }
    : null;
  const form = useZodForm<Values>({
    initialValues: {
      title: need?.title ?? '',
      reason: need?.reason ?? '',
      competencyId: need?.competency?.id ?? null,
      preferredForm: need?.preferredForm ?? 'elearning',
    },
    schema: need ? learningNeedPatchSchema : learningNeedInputSchema,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      if (need) {
        await update.mutateAsync(values);
        notifications.show({ color: 'green', message: t('needs.form.saved') });
        onClose();
      } else {
        const created = await propose.mutateAsync(values);
        notifications.show({ color: 'green', message: t('needs.form.submitted') });
        onClose();
        void navigate(`/kebutuhan/${created.id}`);
      }
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  return (
    <FormModal
      title={need ? t('needs.form.editTitle') : t('needs.form.title')}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      saving={propose.isPending || update.isPending}
    >
      <TextInput
        label={t('needs.form.needTitle')}
        description={t('needs.form.needTitleHint')}
        required
        maxLength={200}
        data-autofocus
        {...form.getInputProps('title')}
      />
      <Textarea
        label={t('needs.form.reason')}
        description={`${t('needs.form.reasonHint')} ${t('needs.form.counter', { count: form.values.reason.length, max: REASON_MAX })}`}
        required
        autosize
        minRows={4}
        maxLength={REASON_MAX}
        {...form.getInputProps('reason')}
      />
      <CompetencySelect
        label={t('needs.form.competency')}
        description={t('needs.form.competencyHint')}
        placeholder={t('needs.form.competencyPlaceholder')}
        value={form.values.competencyId}
        selected={selected}
        error={form.errors.competencyId}
        onChange={(id) => form.setFieldValue('competencyId', id)}
      />
      <NativeSelect
        label={t('needs.form.preferredForm')}
        data={PREFERRED_FORMS.map((f) => ({ value: f, label: t(`needs.forms.${f}`) }))}
        {...form.getInputProps('preferredForm')}
      />
    </FormModal>
  );
}
