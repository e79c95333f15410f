import { useState } from 'react';
import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createFrameworkSchema, MAX_SCALE } from '@cakap/contracts';
import { useCreateFramework } from '../../../api/competencies';
import { FormModal } from '../../../components/FormModal';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';
import { FRAMEWORK_FIELDS, frameworkInput, type FrameworkValues } from './frameworkValues';

/** "Buat kerangka": a new draft framework; its page opens to add competencies. */
export function FrameworkFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateFramework();
  const [error, setError] = useState<unknown>(null);
  const form = useZodForm<FrameworkValues>({
    initialValues: { name: '', description: '', publisher: '', version: '1', scaleMax: 5, language: 'id' },
    schema: createFrameworkSchema,
    toInput: frameworkInput,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const saved = await create.mutateAsync(createFrameworkSchema.parse(frameworkInput(values)));
      notifications.show({ color: 'green', message: t('competencyAdmin.frameworks.created', { name: saved.name }) });
      onClose();
      navigate(`/admin/competencies/${saved.id}`);
    } catch (e) {
      if (!applyServerErrors(form, e, FRAMEWORK_FIELDS)) setError(e);
    }
  });

  return (
    <FormModal title={t('competencyAdmin.frameworks.createTitle')} onClose={onClose} onSubmit={submit} error={error} saving={create.isPending}>
      <FrameworkFields form={form} autoFocus />
    </FormModal>
  );
}

type Form = ReturnType<typeof useZodForm<FrameworkValues>>;

/** The framework's metadata fields, shared by the create dialog and the framework page. */
export function FrameworkFields({ form, autoFocus }: { form: Form; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('competencyAdmin.frameworks.name')} required data-autofocus={autoFocus || undefined} {...form.getInputProps('name')} />
      <Textarea label={`${t('competencyAdmin.frameworks.description')} (${t('common.optional')})`} autosize minRows={2} {...form.getInputProps('description')} />
      <TextInput label={`${t('competencyAdmin.frameworks.publisher')} (${t('common.optional')})`} {...form.getInputProps('publisher')} />
      <TextInput label={t('competencyAdmin.frameworks.version')} required w={{ base: '100%', xs: 160 }} {...form.getInputProps('version')} />
      <NumberInput
        label={t('competencyAdmin.frameworks.scaleMax')}
        description={t('competencyAdmin.frameworks.scaleMaxHint')}
        required
        min={1}
        max={MAX_SCALE}
        allowDecimal={false}
        w={{ base: '100%', xs: 220 }}
        {...form.getInputProps('scaleMax')}
      />
      <Select
        label={t('competencyAdmin.frameworks.language')}
        data={(['id', 'en'] as const).map((l) => ({ value: l, label: t(`competencyAdmin.frameworks.languages.${l}`) }))}
        allowDeselect={false}
        w={{ base: '100%', xs: 220 }}
        {...form.getInputProps('language')}
      />
    </>
  );
}
