import { ActionIcon, Group, Paper, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** What the editors of both questionnaires (level 1 survey, level 3 follow-up) edit per question. */
export interface EditableQuestion {
  id: string;
  type: 'likert' | 'text';
  text: string;
  required: boolean;
  dimension?: string;
}

interface Props {
  index: number;
  count: number;
  question: EditableQuestion;
  /** The question's field errors by field (`text`, `dimension`). */
  errors: Record<string, string>;
  readOnly: boolean;
  /** The dimensions a scale question may measure (they differ between the questionnaires). */
  dimensionOptions: { value: string; label: string }[];
  onText: (text: string) => void;
  onType: (type: EditableQuestion['type']) => void;
  onDimension: (dimension: string) => void;
  onRequired: (required: boolean) => void;
  onRemove: () => void;
  /** Reordering, where the questionnaire allows it. */
  onMove?: (delta: -1 | 1) => void;
  testId?: string;
}

/** One question of a questionnaire editor: its text, type, measured dimension, and required switch. */
export function QuestionRow({ index, count, question: q, errors, readOnly, dimensionOptions, onText, onType, onDimension, onRequired, onRemove, onMove, testId }: Props) {
  const { t } = useTranslation();
  const n = String(index + 1);
  const headingId = `question-${q.id}`;
  const typeOptions = (['likert', 'text'] as const).map((v) => ({ value: v, label: t(`surveyEditor.types.${v}`) }));
  return (
    <Paper component="li" withBorder p="sm" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} id={headingId}>
            {t('surveyEditor.question', { n })}
          </Text>
          {!readOnly ? (
            <Group gap={4} wrap="nowrap">
              {onMove ? (
                <>
                  <ActionIcon variant="subtle" aria-label={t('surveyEditor.moveUp', { n })} disabled={index === 0} onClick={() => onMove(-1)}>
                    <IconArrowUp size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="subtle" aria-label={t('surveyEditor.moveDown', { n })} disabled={index === count - 1} onClick={() => onMove(1)}>
                    <IconArrowDown size={18} aria-hidden />
                  </ActionIcon>
                </>
              ) : null}
              <ActionIcon variant="subtle" color="red" aria-label={t('surveyEditor.remove', { n })} disabled={count === 1} onClick={onRemove}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ) : null}
        </Group>
        <Textarea
          label={t('surveyEditor.text')}
          value={q.text}
          onChange={(e) => onText(e.currentTarget.value)}
          error={errors.text}
          required
          autosize
          minRows={1}
          maxLength={500}
          readOnly={readOnly}
        />
        <Group gap="sm" align="flex-end">
          <Select
            label={t('surveyEditor.type')}
            data={typeOptions}
            value={q.type}
            allowDeselect={false}
            disabled={readOnly}
            onChange={(v) => v && onType(v as EditableQuestion['type'])}
            w={160}
          />
          {q.type === 'likert' ? (
            <Select
              label={t('surveyEditor.dimension')}
              data={dimensionOptions}
              value={q.dimension ?? null}
              allowDeselect={false}
              disabled={readOnly}
              error={errors.dimension}
              onChange={(v) => v && onDimension(v)}
              w={240}
            />
          ) : null}
          <Switch label={t('surveyEditor.required')} checked={q.required} disabled={readOnly} onChange={(e) => onRequired(e.currentTarget.checked)} mb={8} />
        </Group>
      </Stack>
    </Paper>
  );
}
