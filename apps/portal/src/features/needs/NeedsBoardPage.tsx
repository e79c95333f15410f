import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, Switch } from '@mantine/core';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LEARNING_NEED_STATUSES, type LearningNeedStatus } from '@cakap/contracts';
import { useLearningNeeds, type NeedListParams } from '../../api/needs';
import { hasRole, useSession } from '../../api/session';
import { CompetencySelect } from '../../components/CompetencySelect';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useListParams } from '../../hooks/useListParams';
import { NeedCard } from './NeedCard';
import { NeedFormModal } from './NeedFormModal';

const PAGE_SIZE = 12;

/** "Usulan belajar": every ASN's proposals, most supported first, with search, filters and the propose form. */
export function NeedsBoardPage() {
  const { t } = useTranslation();
  const { q, page, params, update, setFilter } = useListParams();
  const [proposing, setProposing] = useState(false);
  // Units are listed to admins only (the org-unit api is theirs).
  const isAdmin = hasRole(useSession(), 'admin');
  const filters: NeedListParams = {
    q: q || undefined,
    status: (params.get('status') as LearningNeedStatus | null) ?? undefined,
    competencyId: params.get('competencyId') ?? undefined,
    unitId: (isAdmin && params.get('unitId')) || undefined,
    mine: params.get('mine') === 'true',
    sort: params.get('sort') === 'recent' ? 'recent' : 'votes',
  };
  const query = useLearningNeeds({ ...filters, page, pageSize: PAGE_SIZE });
  const items = query.data?.items ?? [];
  const filtered = !!(q || filters.status || filters.competencyId || filters.unitId || filters.mine);

  return (
    <>
      <PageHeader
        title={t('needs.title')}
        description={t('needs.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setProposing(true)}>
            {t('needs.propose')}
          </Button>
        }
      />
      <Group mb="md" align="flex-end" gap="sm">
        <SearchField label={t('needs.search')} placeholder={t('needs.searchPlaceholder')} value={q} onChange={(v) => update({ q: v || undefined, page: undefined })} />
        <Select
          label={t('needs.statusFilter')}
          data={[{ value: '', label: t('needs.allStatuses') }, ...LEARNING_NEED_STATUSES.map((s) => ({ value: s, label: t(`needs.status.${s}`) }))]}
          value={filters.status ?? ''}
          onChange={(v) => setFilter('status', v)}
          allowDeselect={false}
          w={{ base: '100%', xs: 170 }}
        />
        <CompetencySelect
          label={t('needs.competencyFilter')}
          placeholder={t('needs.form.competencyPlaceholder')}
          value={filters.competencyId ?? null}
          onChange={(id) => setFilter('competencyId', id)}
          w={{ base: '100%', xs: 240 }}
        />
        {isAdmin && (
          <OrgUnitSelect label={t('needs.unitFilter')} value={filters.unitId ?? null} onChange={(id) => setFilter('unitId', id)} w={{ base: '100%', xs: 240 }} />
        )}
        <Select
          label={t('needs.sort')}
          data={[
            { value: 'votes', label: t('needs.sortVotes') },
            { value: 'recent', label: t('needs.sortRecent') },
          ]}
          value={filters.sort}
          onChange={(v) => setFilter('sort', v === 'recent' ? v : null)}
          allowDeselect={false}
          w={{ base: '100%', xs: 180 }}
        />
        <Switch label={t('needs.mine')} checked={filters.mine} onChange={(e) => setFilter('mine', e.currentTarget.checked ? 'true' : null)} mb={8} />
      </Group>
      <ListState
        query={query}
        isEmpty={items.length === 0}
        skeletonHeight={160}
        empty={<EmptyBlock icon={<IconBulb size={26} />} message={filtered ? t('common.nothingFound') : t('needs.empty')} />}
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="section" aria-label={t('needs.listLabel')} aria-busy={query.isFetching}>
          {items.map((n) => (
            <NeedCard key={n.id} need={n} />
          ))}
        </SimpleGrid>
        {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(p) => update({ page: String(p) })} label={t('needs.pagerLabel')} />}
      </ListState>
      {proposing && <NeedFormModal onClose={() => setProposing(false)} />}
    </>
  );
}
