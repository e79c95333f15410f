import { useMemo, useState } from 'react';
import { Checkbox, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { createAssignmentSchema, type AssignmentTargetKind, type CatalogItem, type CreateAssignment } from '@cakap/contracts';
import { useCreateAssignment } from '../../../api/assignments';
import { useCatalog } from '../../../api/courses';
import { useUsers } from '../../../api/users';
import { FormModal } from '../../../components/FormModal';
import { OrgUnitSelect } from '../../../components/OrgUnitSelect';
import { PositionSelect } from '../../../components/PositionSelect';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';
import { useRemoteSelect } from '../../../hooks/useRemoteSelect';

interface Values extends Record<string, unknown> {
  courseId: string | null;
  kind: AssignmentTargetKind;
  orgUnitId: string | null;
  includeSubUnits: boolean;
  positionId: string | null;
  userIds: string[];
  dueAt: string;
  note: string;
}

const FIELDS = ['courseId', 'orgUnitId', 'positionId', 'userIds', 'dueAt', 'note'] as const;

/** The body the api takes: only the chosen kind's target. */
function toBody(v: Values): CreateAssignment {
  return {
    courseId: v.courseId ?? '',
    ...(v.kind === 'org_unit' ? { orgUnitId: v.orgUnitId, includeSubUnits: v.includeSubUnits } : {}),
    ...(v.kind === 'position' ? { positionId: v.positionId } : {}),
    ...(v.kind === 'users' ? { userIds: v.userIds } : {}),
    dueAt: v.dueAt,
    note: v.note.trim() || null,
  };
}

const useCourseSearch = (q: string | undefined, enabled: boolean) => useCatalog({ q, pageSize: 20 }, enabled);
const courseLabel = (c: CatalogItem) => c.title;

/** Published courses, searched as the admin types. */
function CourseSelect({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: React.ReactNode }) {
  const { t } = useTranslation();
  const select = useRemoteSelect<CatalogItem>({ value, onChange, labelOf: courseLabel, useSearch: useCourseSearch });
  return (
    <Select
      label={t('assignments.course')}
      placeholder={t('assignments.coursePlaceholder')}
      required
      searchable
      error={error}
      {...select}
    />
  );
}

/** Staff picked by name or NIP (GET /users). */
function UsersSelect({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: React.ReactNode }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const users = useUsers({ q: debounced || undefined, pageSize: 20 });
  const data = useMemo(() => {
    const found = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.nip}` }));
    const chosen = value.filter((id) => !found.some((f) => f.value === id)).map((id) => ({ value: id, label: labels[id] ?? id }));
    return [...chosen, ...found];
  }, [users.data, value, labels]);
  return (
    <MultiSelect
      label={t('assignments.users')}
      placeholder={t('assignments.usersPlaceholder')}
      required
      searchable
      data={data}
      value={value}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={users.isFetching ? t('app.loading') : t('common.nothingFound')}
      onChange={(ids) => {
        setLabels((l) => ({ ...l, ...Object.fromEntries(data.map((d) => [d.value, d.label])) }));
        onChange(ids);
      }}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function AssignmentFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAssignment();
  const [error, setError] = useState<unknown>(null);
  const form = useZodForm<Values>({
    initialValues: { courseId: null, kind: 'org_unit', orgUnitId: null, includeSubUnits: false, positionId: null, userIds: [], dueAt: '', note: '' },
    schema: createAssignmentSchema,
    toInput: toBody,
    validateInputOnChange: false,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const saved = await create.mutateAsync(toBody(values));
      notifications.show({ color: 'green', message: t('assignments.created', { title: saved.courseTitle }) });
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  const kind = form.values.kind;
  return (
    <FormModal title={t('assignments.createTitle')} onClose={onClose} onSubmit={submit} error={error} saving={create.isPending}>
      <CourseSelect value={form.values.courseId} error={form.errors.courseId} onChange={(id) => form.setFieldValue('courseId', id)} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="assignment-kind-label">
          {t('assignments.targetKind')}
        </Text>
        <SegmentedControl
          aria-labelledby="assignment-kind-label"
          data={(['org_unit', 'position', 'users'] as const).map((k) => ({ value: k, label: t(`assignments.kind_${k}`) }))}
          value={kind}
          onChange={(v) => {
            form.setFieldValue('kind', v as AssignmentTargetKind);
            form.clearErrors();
          }}
        />
      </Stack>
      {kind === 'org_unit' && (
        <>
          <OrgUnitSelect
            label={t('assignments.orgUnit')}
            required
            value={form.values.orgUnitId}
            error={form.errors.orgUnitId}
            onChange={(id) => form.setFieldValue('orgUnitId', id)}
          />
          <Checkbox label={t('assignments.includeSubUnits')} {...form.getInputProps('includeSubUnits', { type: 'checkbox' })} />
        </>
      )}
      {kind === 'position' && (
        <PositionSelect
          label={t('assignments.position')}
          required
          value={form.values.positionId}
          error={form.errors.positionId}
          onChange={(id) => form.setFieldValue('positionId', id)}
        />
      )}
      {kind === 'users' && (
        <UsersSelect value={form.values.userIds} error={form.errors.userIds} onChange={(ids) => form.setFieldValue('userIds', ids)} />
      )}
      <TextInput type="date" label={t('assignments.dueAt')} required {...form.getInputProps('dueAt')} />
      <Textarea label={`${t('assignments.note')} (${t('common.optional')})`} autosize minRows={2} {...form.getInputProps('note')} />
    </FormModal>
  );
}
