import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { createOrgUnitSchema, type OrgUnit, type OrgUnitRef } from '@cakap/contracts';
import { useCreateOrgUnit, useUpdateOrgUnit } from '../../../api/org-units';
import { FormModal } from '../../../components/FormModal';
import { OrgUnitSelect } from '../../../components/OrgUnitSelect';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';

interface Props {
  /** The unit to edit; absent to create one. */
  unit?: OrgUnit;
  /** Where a new unit goes by default (the level being viewed). */
  defaultParent?: OrgUnitRef | null;
  onClose: () => void;
}

const FIELDS = ['code', 'name', 'parentId'] as const;

export function OrgUnitFormModal({ unit, defaultParent, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const [error, setError] = useState<unknown>(null);
  const parentRef: OrgUnitRef | null = unit
    ? (unit.ancestors.find((a) => a.id === unit.parentId) ?? null)
    : (defaultParent ?? null);

  const form = useZodForm({
    initialValues: { code: unit?.code ?? '', name: unit?.name ?? '', parentId: (unit ? unit.parentId : defaultParent?.id) ?? null },
    schema: createOrgUnitSchema,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body = { code: values.code.trim(), name: values.name.trim(), parentId: values.parentId ?? null };
    try {
      if (unit) {
        const saved = await update.mutateAsync({ id: unit.id, body });
        notifications.show({ color: 'green', message: t('orgUnits.updated', { name: saved?.name ?? body.name }) });
      } else {
        const saved = await create.mutateAsync(body);
        notifications.show({ color: 'green', message: t('orgUnits.created', { name: saved?.name ?? body.name }) });
      }
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  return (
    <FormModal
      title={unit ? t('orgUnits.editTitle') : t('orgUnits.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      saving={create.isPending || update.isPending}
    >
      <TextInput
        label={t('orgUnits.code')}
        description={t('orgUnits.codeHint')}
        required
        data-autofocus
        autoCapitalize="characters"
        {...form.getInputProps('code')}
      />
      <TextInput label={t('orgUnits.name')} required {...form.getInputProps('name')} />
      <OrgUnitSelect
        label={t('orgUnits.parent')}
        description={t('orgUnits.parentHint')}
        placeholder={t('orgUnits.parentPlaceholder')}
        selected={parentRef}
        excludeId={unit?.id}
        value={form.values.parentId}
        error={form.errors.parentId}
        onChange={(id) => form.setFieldValue('parentId', id)}
      />
    </FormModal>
  );
}
