import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNip } from '@cakap/contracts';
import { exportGaps, useGapList } from '../../../api/competencies';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { Pager } from '../../../components/Pager';
import { SearchField } from '../../../components/SearchField';
import { useListParams } from '../../../hooks/useListParams';
import { formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { ExportMenu } from './ExportMenu';

const PAGE_SIZE = 20;
/** The biggest gaps of a person shown in the list (the profile has them all). */
const TOP_GAPS = 3;

/** "Kesenjangan terbesar": the people of the heat map's unit with the largest total gap. */
export function GapList({ orgUnitId, scopeName }: { orgUnitId?: string; scopeName: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { q, page, update, setFilter } = useListParams();
  const list = useGapList({ orgUnitId, q: q || undefined, page, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="gaps-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="h3" id="gaps-title">
              {t('competencyAdmin.gaps.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('competencyAdmin.gaps.intro', { scope: scopeName })}
            </Text>
          </div>
          <ExportMenu
            label={t('competencyAdmin.framework.export')}
            formats={[
              { format: 'csv' as const, label: t('competencyAdmin.map.exportCsv') },
              { format: 'xlsx' as const, label: t('competencyAdmin.map.exportXlsx') },
            ]}
            download={(format) => exportGaps({ orgUnitId }, format)}
          />
        </Group>
        <SearchField
          label={t('competencyAdmin.gaps.searchLabel')}
          placeholder={t('competencyAdmin.gaps.searchPlaceholder')}
          value={q}
          onChange={(v) => setFilter('q', v)}
        />
        <ListState
          query={list}
          isEmpty={items.length === 0}
          empty={<EmptyBlock message={q ? t('common.noResults', { q }) : t('competencyAdmin.gaps.empty')} />}
        >
          <ListTable
            caption={t('competencyAdmin.gaps.caption')}
            minWidth={900}
            busy={list.isFetching}
            columns={[
              { label: t('competencyAdmin.gaps.name') },
              { label: t('competencyAdmin.gaps.position'), hideOnPhone: true },
              { label: t('competencyAdmin.gaps.totalGap'), numeric: true },
              { label: t('competencyAdmin.gaps.match'), numeric: true, hideOnPhone: true },
              { label: t('competencyAdmin.gaps.topGaps'), hideOnPhone: true },
            ]}
          >
            {items.map((item) => (
              <Table.Tr key={item.user.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/admin/users/${item.user.id}#competencies`}
                    fw={500}
                    aria-label={t('competencyAdmin.gaps.profile', { name: item.user.name })}
                  >
                    {item.user.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatNip(item.user.nip)}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{item.user.position?.name ?? t('competencyAdmin.gaps.noPosition')}</Text>
                  <Text size="xs" c="dimmed">
                    {item.user.orgUnit.name}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(item.totalGap, lang)}</Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {item.match === null ? t('common.none') : `${formatNumber(Math.round(item.match), lang)}%`}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Stack gap={0}>
                    {item.gaps.slice(0, TOP_GAPS).map((g) => (
                      <Text key={g.competencyId} size="xs">
                        {t('competencyAdmin.gaps.gapItem', { code: g.code, name: g.name, achieved: g.achieved, required: g.required })}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {list.data && (
            <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => update({ page: String(p) })} />
          )}
        </ListState>
      </Stack>
    </Paper>
  );
}
