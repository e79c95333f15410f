import { useState } from 'react';
import { Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { createPositionSchema, POSITION_KINDS, type Position, type PositionKind } from '@cakap/contracts';
import { useCreatePosition, useUpdatePosition } from '../../../api/positions';
import { FormModal } from '../../../components/FormModal';
import { OrgUnitSelect } from '../../../components/OrgUnitSelect';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';

interface Props {
  position?: Position;
  onClose: () => void;
}

const FIELDS = ['name', 'kind', 'orgUnitId'] as const;

export function PositionFormModal({ position, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreatePosition();
  const update = useUpdatePosition();
  const [error, setError] = useState<unknown>(null);

  const form = useZodForm<{ name: string; kind: PositionKind | null; orgUnitId: string | null }>({
    initialValues: { name: position?.name ?? '', kind: position?.kind ?? null, orgUnitId: position?.orgUnit?.id ?? null },
    schema: createPositionSchema,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body = { name: values.name.trim(), kind: values.kind as PositionKind, orgUnitId: values.orgUnitId ?? null };
    try {
      if (position) {
        const saved = await update.mutateAsync({ id: position.id, body });
        notifications.show({ color: 'green', message: t('positions.updated', { name: saved?.name ?? body.name }) });
      } else {
        const saved = await create.mutateAsync(body);
        notifications.show({ color: 'green', message: t('positions.created', { name: saved?.name ?? body.name }) });
      }
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  return (
    <FormModal
      title={position ? t('positions.editTitle') : t('positions.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      saving={create.isPending || update.isPending}
    >
      <TextInput label={t('positions.name')} required data-autofocus {...form.getInputProps('name')} />
      <Select
        label={t('positions.kind')}
        required
        data={POSITION_KINDS.map((k) => ({ value: k, label: t(`positionKind.${k}`) }))}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      <OrgUnitSelect
        label={t('positions.orgUnit')}
        description={t('positions.orgUnitHint')}
        placeholder={t('positions.orgUnitAny')}
        selected={position?.orgUnit ?? null}
        value={form.values.orgUnitId}
        error={form.errors.orgUnitId}
        onChange={(id) => form.setFieldValue('orgUnitId', id)}
      />
    </FormModal>
  );
}
