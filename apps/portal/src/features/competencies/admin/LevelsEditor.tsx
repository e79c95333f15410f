import { ActionIcon, Button, Fieldset, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  addIndicator,
  addLevel,
  canAddLevel,
  removeIndicator,
  removeLevel,
  setDescription,
  setIndicator,
  type LevelDraft,
} from './levelsDraft';

interface Props {
  levels: LevelDraft[];
  onChange: (levels: LevelDraft[]) => void;
  scaleMax: number;
  /** Errors by path: `levels` (the list) or `levels.0.description`, `levels.1.indicators`. */
  errors: Record<string, React.ReactNode>;
}

/** The proficiency levels of a competency: a description and behavioural indicators per level. */
export function LevelsEditor({ levels, onChange, scaleMax, errors }: Props) {
  const { t } = useTranslation();
  // A problem of one level is shown at that level; the list's own message only when there is none.
  const listError = Object.keys(errors).some((k) => k.startsWith('levels.')) ? null : errors.levels;
  return (
    <Stack gap="sm" component="section" aria-labelledby="levels-title">
      <div>
        <Title order={3} fz="h5" id="levels-title">
          {t('competencyAdmin.levels.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('competencyAdmin.levels.intro')}
        </Text>
      </div>
      {listError && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {listError}
        </Text>
      )}
      {levels.length === 0 && (
        <Text size="sm" fs="italic">
          {t('competencyAdmin.levels.none')}
        </Text>
      )}
      {levels.map((draft, i) => {
        const level = i + 1;
        return (
          <Fieldset key={i} legend={t('competencyAdmin.levels.level', { level })} p="sm">
            <Stack gap="xs">
              <Textarea
                label={t('competencyAdmin.levels.description', { level })}
                required
                autosize
                minRows={2}
                value={draft.description}
                error={errors[`levels.${i}.description`]}
                onChange={(e) => onChange(setDescription(levels, i, e.currentTarget.value))}
              />
              <Text size="sm" fw={500}>
                {t('competencyAdmin.levels.indicators', { level })}
              </Text>
              {draft.indicators.map((text, j) => (
                <Group key={j} gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    aria-label={t('competencyAdmin.levels.indicator', { n: j + 1, level })}
                    value={text}
                    error={errors[`levels.${i}.indicators.${j}`]}
                    onChange={(e) => onChange(setIndicator(levels, i, j, e.currentTarget.value))}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="lg"
                    aria-label={t('competencyAdmin.levels.removeIndicator', { n: j + 1, level })}
                    onClick={() => onChange(removeIndicator(levels, i, j))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between">
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange(addIndicator(levels, i))}>
                  {t('competencyAdmin.levels.addIndicator')}
                </Button>
                <Button size="xs" variant="default" color="red.9" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onChange(removeLevel(levels, i))}>
                  {t('competencyAdmin.levels.remove', { level })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      {canAddLevel(levels, scaleMax) ? (
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange(addLevel(levels))} w="fit-content">
          {t('competencyAdmin.levels.add')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('competencyAdmin.levels.atScale', { max: scaleMax })}
        </Text>
      )}
    </Stack>
  );
}
