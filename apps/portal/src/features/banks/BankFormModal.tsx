import { useState } from 'react';
import { Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { bankInputSchema, type Bank } from '@cakap/contracts';
import { useCreateBank, useUpdateBank } from '../../api/quiz';
import { FormModal } from '../../components/FormModal';
import { applyServerErrors, useZodForm } from '../../components/zodForm';

const FIELDS = ['title', 'description'] as const;

/** Creating a bank (then opening it) or renaming one. */
export function BankFormModal({ bank, onClose }: { bank?: Bank; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateBank();
  const update = useUpdateBank();
  const [error, setError] = useState<unknown>(null);
  const form = useZodForm<{ title: string; description: string }>({
    initialValues: { title: bank?.title ?? '', description: bank?.description ?? '' },
    schema: bankInputSchema,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body = { title: values.title.trim(), description: values.description.trim() };
    try {
      if (bank) {
        await update.mutateAsync({ id: bank.id, body });
        notifications.show({ color: 'green', message: t('banks.updated', { name: body.title }) });
        onClose();
      } else {
        const saved = await create.mutateAsync(body);
        notifications.show({ color: 'green', message: t('banks.created', { name: body.title }) });
        onClose();
        navigate(`/studio/banks/${saved.id}`);
      }
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  return (
    <FormModal title={bank ? t('banks.editTitle') : t('banks.createTitle')} onClose={onClose} onSubmit={submit} error={error} saving={create.isPending || update.isPending}>
      <TextInput label={t('banks.name')} required data-autofocus {...form.getInputProps('title')} />
      <Textarea label={t('banks.description')} autosize minRows={2} {...form.getInputProps('description')} />
    </FormModal>
  );
}
