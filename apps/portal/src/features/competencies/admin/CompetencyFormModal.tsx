import { useState } from 'react';
import { Select, Textarea, TextInput } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  COMPETENCY_KINDS,
  createCompetencySchema,
  issueMessage,
  type CompetencyKind,
  type CompetencyNode,
  type CreateCompetency,
  type FrameworkTree,
  type Lang,
} from '@cakap/contracts';
import { useCreateCompetency, useUpdateCompetency } from '../../../api/competencies';
import { FormModal } from '../../../components/FormModal';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';
import { fromLevels, toLevels, type LevelDraft } from './levelsDraft';
import { LevelsEditor } from './LevelsEditor';
import { flattenWithDepth, subtreeIds } from './treeView';

interface Values extends Record<string, unknown> {
  code: string;
  name: string;
  kind: CompetencyKind;
  definition: string;
  parentId: string | null;
  levels: LevelDraft[];
}

const FIELDS = ['code', 'name', 'kind', 'definition', 'parentId', 'levels'] as const;

const toInput = (v: Values) => ({
  code: v.code,
  name: v.name,
  kind: v.kind,
  definition: v.definition,
  parentId: v.parentId,
  levels: toLevels(v.levels),
});

/**
 * The level fields' own errors (`levels.0.description`): the form's schema check keeps only the
 * first issue per top-level field, which would not say which level is wrong.
 */
function levelErrors(values: Values, lang: Lang): FormErrors {
  const input = toInput(values);
  const result = createCompetencySchema.safeParse(input);
  const errors: FormErrors = {};
  for (const issue of result.success ? [] : result.error.issues) {
    if (issue.path[0] !== 'levels' || issue.path.length < 2) continue;
    const key = issue.path.join('.');
    errors[key] ??= issueMessage(issue, lang, input).message;
  }
  return errors;
}

interface Props {
  framework: FrameworkTree;
  /** Edit this competency… */
  competency?: CompetencyNode;
  /** …or add one under this parent (null: top level). */
  parentId: string | null;
  onClose: () => void;
}

export function CompetencyFormModal({ framework, competency, parentId, onClose }: Props) {
  const { t } = useTranslation();
  const create = useCreateCompetency(framework.id);
  const update = useUpdateCompetency();
  const [error, setError] = useState<unknown>(null);
  const entries = flattenWithDepth(framework.competencies);
  const parent = entries.find((e) => e.node.id === parentId)?.node;
  // A competency cannot move under itself or its descendants (the api answers parentCycle too).
  const excluded = competency ? subtreeIds(competency) : new Set<string>();

  const form = useZodForm<Values>({
    initialValues: {
      code: competency?.code ?? '',
      name: competency?.name ?? '',
      kind: competency?.kind ?? parent?.kind ?? 'teknis',
      definition: competency?.definition ?? '',
      parentId,
      levels: fromLevels(competency?.levels ?? []),
    },
    schema: createCompetencySchema,
    toInput,
    extra: levelErrors,
    // The levels are edited as a whole list: judge them on save, not per keystroke.
    validateInputOnChange: false,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body = createCompetencySchema.parse(toInput(values)) as CreateCompetency;
    try {
      if (competency) {
        await update.mutateAsync({ id: competency.id, body: { ...body, parentId: body.parentId ?? null } });
        notifications.show({ color: 'green', message: t('competencyAdmin.competency.updated', { name: body.name }) });
      } else {
        await create.mutateAsync(body);
        notifications.show({ color: 'green', message: t('competencyAdmin.competency.created', { name: body.name }) });
      }
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  const title = competency
    ? t('competencyAdmin.competency.editTitle')
    : parent
      ? t('competencyAdmin.competency.createChildTitle', { name: parent.name })
      : t('competencyAdmin.competency.createTitle');

  return (
    <FormModal title={title} onClose={onClose} onSubmit={submit} error={error} saving={create.isPending || update.isPending}>
      <TextInput
        label={t('competencyAdmin.competency.code')}
        description={t('competencyAdmin.competency.codeHint')}
        required
        data-autofocus
        w={{ base: '100%', xs: 240 }}
        {...form.getInputProps('code')}
      />
      <TextInput label={t('competencyAdmin.competency.name')} required {...form.getInputProps('name')} />
      <Select
        label={t('competencyAdmin.competency.kind')}
        required
        data={COMPETENCY_KINDS.map((k) => ({ value: k, label: t(`competencyAdmin.kind.${k}`) }))}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('kind')}
      />
      <Select
        label={t('competencyAdmin.competency.parent')}
        data={[
          { value: '', label: t('competencyAdmin.competency.noParent') },
          ...entries
            .filter((e) => !excluded.has(e.node.id))
            .map((e) => ({ value: e.node.id, label: `${'— '.repeat(e.depth)}${e.node.code} ${e.node.name}` })),
        ]}
        value={form.values.parentId ?? ''}
        error={form.errors.parentId}
        onChange={(v) => form.setFieldValue('parentId', v || null)}
        allowDeselect={false}
        searchable
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={`${t('competencyAdmin.competency.definition')} (${t('common.optional')})`}
        autosize
        minRows={2}
        {...form.getInputProps('definition')}
      />
      <LevelsEditor
        levels={form.values.levels}
        scaleMax={framework.scaleMax}
        errors={form.errors}
        onChange={(levels) => {
          form.setFieldValue('levels', levels);
          form.clearFieldError('levels');
        }}
      />
    </FormModal>
  );
}
