import { useEffect, useMemo, useState } from 'react';
import { NumberInput, Paper, SimpleGrid, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { courseFollowUpInputSchema, issueMessage, type Course, type CourseFollowUp } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useCourseFollowUp, useResetCourseFollowUp, useSaveCourseFollowUp } from '../../api/followUps';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang } from '../../i18n/useLang';
import { draftOf, errorsByField, toInput, type FollowUpDraft } from './followUpDraft';
import { FollowUpQuestionsEditor } from './FollowUpQuestionsEditor';
import { EditorActions } from '../evaluation/EditorActions';
import { FollowUpSummaryView } from './FollowUpSummaryView';

/**
 * The studio's follow-up section (level 3), under the post-course survey in the "Survei" tab:
 * when the follow-up goes out, whether the direct superior is asked, the reminders, both
 * questionnaires, and the anonymous results. Saved explicitly (PUT), like the survey.
 */
export function FollowUpPanel({ course, readOnly }: { course: Course; readOnly: boolean }) {
  const settings = useCourseFollowUp(course.id);
  if (settings.isPending) return <Skeleton h={320} />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack maw={860}>
      <FollowUpSettings settings={settings.data} readOnly={readOnly} />
      <FollowUpSummaryView courseId={course.id} />
    </Stack>
  );
}

function FollowUpSettings({ settings, readOnly }: { settings: CourseFollowUp; readOnly: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const save = useSaveCourseFollowUp(settings.courseId);
  const reset = useResetCourseFollowUp(settings.courseId);
  const [draft, setDraft] = useState<FollowUpDraft>(() => draftOf(settings));
  const [touched, setTouched] = useState(false);
  // Saved or reset settings come back from the server: edit from them.
  useEffect(() => {
    setDraft(draftOf(settings));
    setTouched(false);
  }, [settings]);

  // Validated as the author types, with the same schema (and words) as the api.
  const clientErrors = useMemo(() => {
    const input = toInput(draft);
    const result = courseFollowUpInputSchema.safeParse(input);
    return result.success ? {} : errorsByField(result.error.issues.map((i) => ({ field: i.path.join('.'), message: issueMessage(i, lang, input).message })));
  }, [draft, lang]);
  const serverErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const errors = touched ? { ...serverErrors, ...clientErrors } : serverErrors;
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(settings));

  const change = (patch: Partial<FollowUpDraft>) => {
    setTouched(true);
    save.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };
  /** Checked here first, so every field shows its error before anything is sent. */
  const onSave = async () => {
    setTouched(true);
    const parsed = courseFollowUpInputSchema.safeParse(toInput(draft));
    if (!parsed.success) return false;
    await save.mutateAsync(parsed.data);
    return true;
  };
  const errorCount = Object.keys(errors).length;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-up-settings">
      <Stack>
        <Title order={2} fz="h4" id="follow-up-settings">
          {t('followUpPanel.title')}
        </Title>
        <Text size="sm">{t('followUpPanel.intro')}</Text>
        <Text size="sm" c="dimmed" data-testid="follow-up-origin">
          {settings.isDefault ? t('followUpPanel.isDefault') : t('followUpPanel.isAdapted')}
        </Text>
        {readOnly ? <Text size="sm">{t('followUpPanel.readOnly')}</Text> : null}
        <Switch
          label={t('followUpPanel.enabled')}
          description={t('followUpPanel.enabledHint')}
          checked={draft.enabled}
          disabled={readOnly}
          onChange={(e) => change({ enabled: e.currentTarget.checked })}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('followUpPanel.weeksAfter')}
            description={t('followUpPanel.weeksAfterHint')}
            min={1}
            max={52}
            allowDecimal={false}
            value={draft.weeksAfter}
            onChange={(v) => change({ weeksAfter: v })}
            error={errors.weeksAfter}
            readOnly={readOnly}
            required
          />
          <NumberInput
            label={t('followUpPanel.reminderDays')}
            description={t('followUpPanel.reminderDaysHint')}
            min={1}
            max={30}
            allowDecimal={false}
            value={draft.reminderDays}
            onChange={(v) => change({ reminderDays: v })}
            error={errors.reminderDays}
            readOnly={readOnly}
            required
          />
          <NumberInput
            label={t('followUpPanel.maxReminders')}
            description={t('followUpPanel.maxRemindersHint')}
            min={0}
            max={5}
            allowDecimal={false}
            value={draft.maxReminders}
            onChange={(v) => change({ maxReminders: v })}
            error={errors.maxReminders}
            readOnly={readOnly}
            required
          />
        </SimpleGrid>
        <Switch
          label={t('followUpPanel.includeSuperior')}
          description={t('followUpPanel.includeSuperiorHint')}
          checked={draft.includeSuperior}
          disabled={readOnly}
          onChange={(e) => change({ includeSuperior: e.currentTarget.checked })}
        />
        <FollowUpQuestionsEditor
          field="learnerQuestions"
          legend={t('followUpPanel.learnerQuestions')}
          draft={draft.learner}
          errors={errors}
          readOnly={readOnly}
          onChange={(learner) => change({ learner })}
        />
        <FollowUpQuestionsEditor
          field="superiorQuestions"
          legend={t('followUpPanel.superiorQuestions')}
          draft={draft.superior}
          errors={errors}
          readOnly={readOnly}
          onChange={(superior) => change({ superior })}
        />
        {!readOnly ? (
          <EditorActions
            dirty={dirty}
            hasFieldErrors={errorCount > 0}
            save={save}
            onSave={onSave}
            canReset={!settings.isDefault}
            reset={reset}
            labels={{
              save: t('followUpPanel.save'),
              saved: t('followUpPanel.saved'),
              reset: t('followUpPanel.reset'),
              resetTitle: t('followUpPanel.resetTitle'),
              resetText: t('followUpPanel.resetText'),
              resetDone: t('followUpPanel.resetDone'),
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
