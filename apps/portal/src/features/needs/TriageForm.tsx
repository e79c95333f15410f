import { useState } from 'react';
import { Button, Fieldset, Group, NumberInput, Paper, Radio, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LEARNING_NEED_STATUSES, triageInputSchema, type CatalogItem, type LearningNeed } from '@cakap/contracts';
import { useCatalog } from '../../api/courses';
import { useTriageNeed } from '../../api/needs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors, useZodForm } from '../../components/zodForm';
import { useRemoteSelect } from '../../hooks/useRemoteSelect';
import { currentYear } from '../../i18n/format';
import { toTriageInput, triageValuesOf, type TriageValues } from './triageInput';

const FIELDS = ['status', 'decisionReason', 'planYear', 'planKind', 'plannedCourseId', 'plannedActivity'] as const;
const useCourseSearch = (q: string | undefined, enabled: boolean) => useCatalog({ q, pageSize: 20 }, enabled);
const courseLabel = (c: CatalogItem) => c.title;

/** The admins' decision on a need: the fields follow the chosen status, validated like the api does. */
export function TriageForm({ need }: { need: LearningNeed }) {
  const { t } = useTranslation();
  const triage = useTriageNeed(need.id);
  const [error, setError] = useState<unknown>(null);
  const form = useZodForm<TriageValues>({
    initialValues: triageValuesOf(need, currentYear()),
    schema: triageInputSchema,
    toInput: toTriageInput,
  });
  const v = form.values;
  const planned = need.plan?.courseId && need.plan.courseTitle ? ({ id: need.plan.courseId, title: need.plan.courseTitle } as CatalogItem) : null;
  const courseSelect = useRemoteSelect<CatalogItem>({
    value: v.plannedCourseId,
    onChange: (id) => form.setFieldValue('plannedCourseId', id),
    selected: planned,
    labelOf: courseLabel,
    useSearch: useCourseSearch,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await triage.mutateAsync(toTriageInput(values));
      notifications.show({ color: 'green', message: t('needs.triage.saved') });
    } catch (e) {
      if (!applyServerErrors(form, e, FIELDS)) setError(e);
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="triage-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="triage-title">
            {t('needs.triage.title')}
          </Title>
          {error ? <ErrorAlert error={error} /> : null}
          <Radio.Group label={t('needs.triage.legend')} required {...form.getInputProps('status')}>
            <Group mt={6}>
              {LEARNING_NEED_STATUSES.map((s) => (
                <Radio key={s} value={s} label={t(`needs.status.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          {(v.status === 'accepted' || v.status === 'planned') && (
            <NumberInput
              label={t('needs.triage.planYear')}
              required
              min={2000}
              max={2100}
              allowDecimal={false}
              w={{ base: '100%', xs: 160 }}
              value={v.planYear ?? ''}
              error={form.errors.planYear}
              onChange={(n) => form.setFieldValue('planYear', typeof n === 'number' ? n : null)}
            />
          )}
          {v.status === 'planned' && (
            <Fieldset legend={t('needs.triage.planKind')} variant="unstyled">
              <Radio.Group required {...form.getInputProps('planKind')} aria-label={t('needs.triage.planKind')}>
                <Group mt={4}>
                  <Radio value="course" label={t('needs.triage.kindCourse')} />
                  <Radio value="classical" label={t('needs.triage.kindClassical')} />
                </Group>
              </Radio.Group>
              {v.planKind === 'course' && (
                <Select
                  mt="sm"
                  label={t('needs.triage.course')}
                  placeholder={t('needs.triage.coursePlaceholder')}
                  required
                  searchable
                  clearable
                  {...courseSelect}
                  error={form.errors.plannedCourseId}
                />
              )}
              {v.planKind === 'classical' && (
                <TextInput
                  mt="sm"
                  label={t('needs.triage.activity')}
                  description={t('needs.triage.activityHint')}
                  required
                  maxLength={300}
                  {...form.getInputProps('plannedActivity')}
                />
              )}
            </Fieldset>
          )}
          <Textarea
            label={v.status === 'declined' ? t('needs.triage.decisionReasonDeclined') : t('needs.triage.decisionReason')}
            required={v.status === 'declined'}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('decisionReason')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={triage.isPending}>
              {t('needs.triage.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
