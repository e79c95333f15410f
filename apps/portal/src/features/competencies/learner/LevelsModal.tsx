import { Badge, Group, List, Modal, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompetencyNode, ProfileRow } from '@cakap/contracts';
import { useFramework } from '../../../api/competencies';
import { statusColors } from '../../../app/theme';
import { ErrorAlert } from '../../../components/ErrorAlert';

function findNode(nodes: readonly CompetencyNode[], id: string): CompetencyNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * What each level of a competency means, with the learner's level and the standard marked.
 * The descriptions come from the framework (fetched when the dialog opens, cached after).
 */
export function LevelsModal({ row, onClose }: { row: ProfileRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const framework = useFramework(row?.frameworkId);
  const node = row && framework.data ? findNode(framework.data.competencies, row.competencyId) : undefined;
  return (
    <Modal
      opened={!!row}
      onClose={onClose}
      size="lg"
      title={row ? t('myCompetencies.levelsTitle', { code: row.code, name: row.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {!row ? null : framework.error ? (
        <ErrorAlert error={framework.error} title={t('myCompetencies.levelsError')} onRetry={() => void framework.refetch()} />
      ) : !framework.data ? (
        <Stack gap="xs" aria-busy="true">
          <Skeleton height={16} />
          <Skeleton height={64} />
          <Skeleton height={64} />
        </Stack>
      ) : !node ? (
        <Text size="sm">{t('myCompetencies.levelsError')}</Text>
      ) : (
        <Stack gap="sm">
          {node.definition && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {node.definition}
            </Text>
          )}
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {node.levels.map((level) => (
              <Paper component="li" withBorder p="sm" key={level.level}>
                <Group gap="xs" mb={4}>
                  <Title order={3} fz="sm">
                    {t('myCompetencies.levelValue', { level: String(level.level) })}
                  </Title>
                  {level.level === row.achieved && (
                    <Badge variant="filled" tt="none">
                      {t('myCompetencies.yourLevel')}
                    </Badge>
                  )}
                  {level.level === row.required && (
                    <Badge variant="outline" color={statusColors.warning} tt="none">
                      {t('myCompetencies.requiredLevel')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{level.description}</Text>
                {level.indicators.length > 0 && (
                  <>
                    <Text size="sm" fw={500} mt={6}>
                      {t('myCompetencies.indicators')}
                    </Text>
                    <List size="sm" spacing={2}>
                      {level.indicators.map((indicator, i) => (
                        <List.Item key={i}>{indicator}</List.Item>
                      ))}
                    </List>
                  </>
                )}
              </Paper>
            ))}
          </Stack>
        </Stack>
      )}
    </Modal>
  );
}
