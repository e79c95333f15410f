import { useMemo, useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompetencyRef, PositionRequirements } from '@cakap/contracts';
import { useClassDefaults, usePositionRequirements, useSavePositionRequirements } from '../../../api/competencies';
import { CompetencySelect } from '../../../components/CompetencySelect';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { PositionSelect } from '../../../components/PositionSelect';
import { CompetencyKindBadge } from './badges';
import { LevelSelect } from './LevelSelect';
import {
  addOwnCompetency,
  defaultsFor,
  overridesOf,
  positionBody,
  resetToDefault,
  setOwnLevel,
  standardRows,
  type Overrides,
} from './standardsDraft';

/** "Per jabatan": one position's effective standard, edited as its own levels over the class defaults. */
export function PositionStandardPanel({ positionId, onPositionChange }: { positionId: string | null; onPositionChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const requirements = usePositionRequirements(positionId);
  return (
    <Stack gap="md">
      <PositionSelect
        label={t('competencyAdmin.standards.position')}
        placeholder={t('competencyAdmin.standards.positionPlaceholder')}
        value={positionId}
        selected={requirements.data?.position ?? null}
        onChange={onPositionChange}
        w={{ base: '100%', xs: 420 }}
      />
      {!positionId ? (
        <Text size="sm" c="dimmed">
          {t('competencyAdmin.standards.pickPosition')}
        </Text>
      ) : (
        <ListState query={requirements} isEmpty={false} empty={null}>
          {requirements.data && <PositionStandardEditor key={`${requirements.data.position.id}-${requirements.dataUpdatedAt}`} requirements={requirements.data} />}
        </ListState>
      )}
    </Stack>
  );
}

function PositionStandardEditor({ requirements }: { requirements: PositionRequirements }) {
  const { t } = useTranslation();
  const classDefaults = useClassDefaults();
  const save = useSavePositionRequirements(requirements.position.id);
  const initial = useMemo(() => overridesOf(requirements), [requirements]);
  const [overrides, setOverrides] = useState<Overrides>(initial);
  const [adding, setAdding] = useState<CompetencyRef | null>(null);
  const defaults = useMemo(() => defaultsFor(requirements, classDefaults.data), [requirements, classDefaults.data]);
  const rows = standardRows(defaults, overrides);
  const body = positionBody(overrides);
  const changed = JSON.stringify(body) !== JSON.stringify(positionBody(initial));
  const name = requirements.position.name;

  const onSave = async () => {
    try {
      await save.mutateAsync(body);
      notifications.show({ color: 'green', message: t('competencyAdmin.standards.positionSaved', { name }) });
    } catch {
      // shown above the table
    }
  };

  return (
    <Stack gap="md">
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {rows.length === 0 ? (
        <EmptyBlock message={t('competencyAdmin.standards.positionEmpty')} />
      ) : (
        <ListTable
          caption={t('competencyAdmin.standards.positionCaption', { name })}
          minWidth={640}
          withActions
          columns={[
            { label: t('competencyAdmin.standards.competency') },
            { label: t('competencyAdmin.standards.requiredLevel') },
            { label: t('competencyAdmin.standards.source'), hideOnPhone: true },
          ]}
        >
          {rows.map((row) => {
            const label = `${row.competency.code} ${row.competency.name}`;
            return (
              <Table.Tr key={row.competency.id}>
                <Table.Td>
                  <Text fw={500} size="sm">
                    <Text span ff="monospace" fw={700}>
                      {row.competency.code}
                    </Text>{' '}
                    {row.competency.name}
                  </Text>
                  <Group gap={4} mt={2}>
                    <CompetencyKindBadge kind={row.competency.kind} />
                    <Text size="xs" c="dimmed">
                      {row.competency.frameworkName}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <LevelSelect
                    label={t('competencyAdmin.standards.levelOf', { name: label })}
                    value={row.level}
                    maxLevel={row.competency.maxLevel}
                    onChange={(level) => setOverrides(setOwnLevel(overrides, row, level))}
                  />
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Badge variant="outline" color={row.source === 'position' ? 'cakap' : 'gray.7'} tt="none">
                    {row.source === 'position' ? t('competencyAdmin.standards.sourcePosition') : t('competencyAdmin.standards.sourceClass')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {row.source === 'position' && (
                    <Group justify="flex-end">
                      <ActionIcon
                        variant="subtle"
                        color={row.defaultLevel === null ? 'red.9' : undefined}
                        aria-label={t(row.defaultLevel === null ? 'competencyAdmin.standards.removeFor' : 'competencyAdmin.standards.resetFor', { name: label })}
                        onClick={() => setOverrides(resetToDefault(overrides, row.competency.id))}
                      >
                        {row.defaultLevel === null ? <IconTrash size={18} aria-hidden /> : <IconArrowBackUp size={18} aria-hidden />}
                      </ActionIcon>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      )}
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <CompetencySelect
            label={t('competencyAdmin.standards.addCompetency')}
            description={t('competencyAdmin.standards.addCompetencyHint')}
            kind="teknis"
            value={adding?.id ?? null}
            selected={adding}
            onChange={(_id, competency) => setAdding(competency)}
            style={{ flex: '1 1 18rem' }}
          />
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!adding}
            onClick={() => {
              if (!adding) return;
              setOverrides(addOwnCompetency(overrides, rows, adding));
              setAdding(null);
            }}
          >
            {t('competencyAdmin.standards.add')}
          </Button>
        </Group>
      </Paper>
      <Group justify="flex-end">
        <Button disabled={!changed} loading={save.isPending} onClick={() => void onSave()}>
          {t('competencyAdmin.standards.savePosition')}
        </Button>
      </Group>
    </Stack>
  );
}
