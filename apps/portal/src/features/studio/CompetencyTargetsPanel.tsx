import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompetencyRef, CourseWithContent } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useUpdateCourse } from '../../api/courses';
import { CompetencySelect } from '../../components/CompetencySelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang } from '../../i18n/useLang';
import {
  addTarget,
  isDirty,
  levelOptions,
  removeTarget,
  rowsOf,
  setLevel,
  targetErrors,
  toInput,
  type TargetErrors,
  type TargetRow,
} from './competencyTargets';

const NO_ERRORS: TargetErrors = { rows: {}, other: [] };

/**
 * The competencies a course develops and up to which level, saved explicitly with
 * PATCH /courses/:id {competencies} (like the metadata form). Learners see them, and earn
 * evidence from them, once the course is (re)published: publishing freezes them with the version.
 */
export function CompetencyTargetsPanel({ course, readOnly }: { course: CourseWithContent; readOnly: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const update = useUpdateCourse(course.id);
  const [rows, setRows] = useState<TargetRow[]>(() => rowsOf(course.competencies));
  const [picked, setPicked] = useState<CompetencyRef | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [errors, setErrors] = useState<TargetErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const dirty = isDirty(rows, course.competencies);

  const edit = (next: TargetRow[]) => {
    setRows(next);
    setErrors(NO_ERRORS);
    setFailure(null);
  };

  const add = () => {
    if (!picked) return;
    const result = addTarget(rows, picked, lang, (code) => t('courseTargets.already', { code }));
    if (!result.ok) {
      setPickError(result.message);
      return;
    }
    edit(result.rows);
    setPicked(null);
    setPickError(null);
  };

  const save = async () => {
    const sent = rows;
    try {
      const saved = await update.mutateAsync({ competencies: toInput(sent) });
      setRows(rowsOf(saved.competencies));
      notifications.show({ color: 'green', message: t('courseTargets.saved') });
    } catch (e) {
      // Field errors show on their rows (the rest listed under the picker); any other failure as an alert.
      const fieldErrors = isApiError(e) && e.errors.length > 0;
      setErrors(fieldErrors ? targetErrors(e.errors, sent) : NO_ERRORS);
      setFailure(fieldErrors ? null : e);
    }
  };

  return (
    <Stack gap="md" maw={760}>
      <div>
        <Title order={2} fz="h4">
          {t('courseTargets.title')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('courseTargets.intro')}
        </Text>
      </div>
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm">{t('courseTargets.note')}</Text>
      </Alert>

      {rows.length === 0 ? (
        <Text size="sm">{t('courseTargets.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('courseTargets.caption')}>
          {rows.map((r) => (
            <TargetItem
              key={r.competencyId}
              row={r}
              error={errors.rows[r.competencyId]}
              readOnly={readOnly}
              onLevel={(level) => edit(setLevel(rows, r.competencyId, level))}
              onRemove={() => edit(removeTarget(rows, r.competencyId))}
            />
          ))}
        </Stack>
      )}

      {!readOnly && (
        <>
          <Group align="flex-end" gap="sm">
            <CompetencySelect
              label={t('courseTargets.picker')}
              placeholder={t('courseTargets.pickerPlaceholder')}
              value={picked?.id ?? null}
              selected={picked}
              onChange={(_id, competency) => {
                setPicked(competency);
                setPickError(null);
              }}
              error={pickError}
              style={{ flex: '1 1 18rem' }}
            />
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} disabled={!picked} onClick={add} mb={pickError ? 22 : 0}>
              {t('courseTargets.add')}
            </Button>
          </Group>
          {failure ? <ErrorAlert error={failure} /> : null}
          {errors.other.length > 0 ? (
            <Alert color="red" variant="light" role="alert">
              {errors.other.map((m) => (
                <Text size="sm" key={m}>
                  {m}
                </Text>
              ))}
            </Alert>
          ) : null}
          <Group>
            <Button onClick={() => void save()} loading={update.isPending} disabled={!dirty}>
              {t('courseTargets.save')}
            </Button>
            {dirty && (
              <Text size="sm" c="dimmed" role="status">
                {t('save.dirty')}
              </Text>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

interface TargetItemProps {
  row: TargetRow;
  error: string | undefined;
  readOnly: boolean;
  onLevel: (level: number) => void;
  onRemove: () => void;
}

/** One target: its level bounded by the competency's own levels. */
function TargetItem({ row, error, readOnly, onLevel, onRemove }: TargetItemProps) {
  const { t } = useTranslation();
  const name = { code: row.code, name: row.name };
  return (
    <Paper component="li" withBorder p="sm" data-testid={`target-${row.code}`}>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Text fw={600} size="sm" style={{ flex: '1 1 12rem' }}>
          {row.code} {row.name}
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NativeSelect
            label={t('courseTargets.level')}
            aria-label={t('courseTargets.levelOf', name)}
            data={levelOptions(row).map((l) => ({ value: String(l), label: String(l) }))}
            value={String(row.level)}
            onChange={(e) => onLevel(Number(e.currentTarget.value))}
            disabled={readOnly}
            error={error}
            w={120}
          />
          {!readOnly && (
            <ActionIcon variant="subtle" color="red" size="lg" mb={error ? 22 : 0} aria-label={t('courseTargets.remove', name)} onClick={onRemove}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
