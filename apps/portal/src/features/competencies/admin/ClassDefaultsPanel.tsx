import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { POSITION_KINDS, type ClassDefaults, type PositionKind } from '@cakap/contracts';
import { useClassDefaults, useCompetencyList, useFrameworks, useSaveClassDefaults } from '../../../api/competencies';
import { statusColors } from '../../../app/theme';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { LevelSelect } from './LevelSelect';
import { byCode, classDefaultsBody, classKindChanged, classLevelsOf, setClassLevel, type ClassLevels } from './standardsDraft';

/** "Bawaan per jenis jabatan": the competencies of one framework × the five position kinds. */
export function ClassDefaultsPanel() {
  const { t } = useTranslation();
  const frameworks = useFrameworks({ status: 'published', pageSize: 100 });
  const defaults = useClassDefaults();
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  // Open on the dictionary the defaults are about (the SKJ), else on the first published framework.
  const withDefaults = new Set(defaults.data?.flatMap((d) => d.requirements.map((r) => r.competency.frameworkId)));
  const items = frameworks.data?.items ?? [];
  const initialFramework = defaults.data ? ((items.find((f) => withDefaults.has(f.id)) ?? items[0])?.id ?? null) : null;
  useEffect(() => {
    if (!frameworkId && initialFramework) setFrameworkId(initialFramework);
  }, [frameworkId, initialFramework]);

  const competencies = useCompetencyList({ frameworkId: frameworkId ?? undefined, pageSize: 100 }, !!frameworkId);
  const saved = useMemo(() => (defaults.data ? classLevelsOf(defaults.data) : null), [defaults.data]);
  // Edits per kind survive saving another kind (each kind is saved on its own).
  const [draft, setDraft] = useState<ClassLevels | null>(null);
  const levels = draft ?? saved;
  const save = useSaveClassDefaults();
  const [savingKind, setSavingKind] = useState<PositionKind | null>(null);

  const onSave = async (kind: PositionKind) => {
    if (!levels) return;
    setSavingKind(kind);
    try {
      const result: ClassDefaults = await save.mutateAsync({ kind, body: classDefaultsBody(levels, kind) });
      setDraft((d) => d && { ...d, [kind]: classLevelsOf([result])[kind] });
      notifications.show({ color: 'green', message: t('competencyAdmin.standards.kindSaved', { kind: t(`positionKind.${kind}`) }) });
    } catch {
      // shown above the table
    } finally {
      setSavingKind(null);
    }
  };

  const rows = [...(competencies.data?.items ?? [])].sort(byCode);
  // The grid needs all three: one loading/error state for them.
  const query = {
    error: frameworks.error ?? competencies.error ?? defaults.error,
    isPending: frameworks.isPending || defaults.isPending || (!!frameworkId && competencies.isPending),
    refetch: () => Promise.all([frameworks.refetch(), competencies.refetch(), defaults.refetch()]),
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('competencyAdmin.standards.classIntro')}</Text>
      <Select
        label={t('competencyAdmin.map.framework')}
        data={items.map((f) => ({ value: f.id, label: `${f.name} (${f.version})` }))}
        value={frameworkId}
        onChange={setFrameworkId}
        allowDeselect={false}
        w={{ base: '100%', xs: 360 }}
      />
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <ListState query={query} isEmpty={rows.length === 0} empty={<EmptyBlock message={t('competencyAdmin.standards.noCompetencies')} />}>
        {levels && saved && (
          <ListTable
            caption={t('competencyAdmin.standards.classCaption')}
            minWidth={900}
            columns={[
              { label: t('competencyAdmin.standards.competency') },
              ...POSITION_KINDS.map((k) => ({ label: t(`positionKind.${k}`) })),
            ]}
          >
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Th scope="row" fw={500} miw={180}>
                  <Text span ff="monospace" fw={700} size="sm">
                    {c.code}
                  </Text>{' '}
                  {c.name}
                </Table.Th>
                {POSITION_KINDS.map((kind) => (
                  <Table.Td key={kind}>
                    <LevelSelect
                      label={t('competencyAdmin.standards.levelFor', { competency: `${c.code} ${c.name}`, kind: t(`positionKind.${kind}`) })}
                      value={levels[kind][c.id] ?? 0}
                      maxLevel={c.maxLevel}
                      onChange={(level) => setDraft(setClassLevel(levels, kind, c.id, level))}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td />
              {POSITION_KINDS.map((kind) => {
                const changed = classKindChanged(levels, saved, kind);
                return (
                  <Table.Td key={kind}>
                    <Stack gap={4} align="flex-start">
                      <Button size="xs" disabled={!changed} loading={savingKind === kind} onClick={() => void onSave(kind)}>
                        {t('competencyAdmin.standards.saveKind', { kind: t(`positionKind.${kind}`) })}
                      </Button>
                      {changed && (
                        <Badge variant="outline" color={statusColors.warning} tt="none" size="sm">
                          {t('competencyAdmin.standards.unsaved')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          </ListTable>
        )}
      </ListState>
    </Stack>
  );
}
