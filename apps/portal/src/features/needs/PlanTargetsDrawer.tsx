import { useState } from 'react';
import { Drawer, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNip, type LearningPlanItem } from '@cakap/contracts';
import { usePlanTargets } from '../../api/needs';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

const PAGE_SIZE = 20;

/** The target ASN of one planned need, largest gap first, with search and paging. */
export function PlanTargetsDrawer({ item, onClose }: { item: LearningPlanItem; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = usePlanTargets(item.id, q, page);
  const items = query.data?.items ?? [];
  const withLevels = item.targetSource === 'competency-gap';
  const level = (n: number | null) => (n === null ? '—' : formatNumber(n, lang));
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('needs.plan.targetsTitle', { title: item.title })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <SearchField
        label={t('needs.plan.targetsSearch')}
        value={q}
        onChange={(v) => {
          setQ(v);
          setPage(1);
        }}
      />
      <ListState query={query} isEmpty={items.length === 0} empty={<EmptyBlock message={q ? t('common.noResults', { q }) : t('needs.plan.targetsEmpty')} />}>
        <ListTable
          caption={t('needs.plan.targetsTitle', { title: item.title })}
          minWidth={withLevels ? 640 : 420}
          busy={query.isFetching}
          columns={[
            { label: t('needs.plan.name') },
            { label: t('needs.plan.unit'), hideOnPhone: true },
            ...(withLevels
              ? [
                  { label: t('needs.plan.required'), numeric: true, hideOnPhone: true },
                  { label: t('needs.plan.achieved'), numeric: true, hideOnPhone: true },
                  { label: t('needs.plan.gap'), numeric: true },
                ]
              : []),
          ]}
        >
          {items.map((r) => (
            <Table.Tr key={r.userId}>
              <Table.Td>
                <Text size="sm">{r.name}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {formatNip(r.nip)}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">{r.unitName ?? '—'}</Table.Td>
              {withLevels && (
                <>
                  <Table.Td visibleFrom="sm" ta="right">
                    {level(r.required)}
                  </Table.Td>
                  <Table.Td visibleFrom="sm" ta="right">
                    {level(r.achieved)}
                  </Table.Td>
                  <Table.Td ta="right">{level(r.gap)}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </ListTable>
        {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />}
      </ListState>
    </Drawer>
  );
}
