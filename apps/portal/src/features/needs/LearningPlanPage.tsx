import { useState } from 'react';
import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { LearningPlanItem } from '@cakap/contracts';
import { exportLearningPlan, useLearningPlan } from '../../api/needs';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { currentYear, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { NeedStatusBadge } from './NeedStatusBadge';
import { PlanTargetsDrawer } from './PlanTargetsDrawer';
import { usePlanText } from './planText';
import { ExportMenu } from '../../components/ExportMenu';

/** "Rencana pengembangan": the year's accepted and planned needs with their target ASN, to drill into and download. */
export function LearningPlanPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const planText = usePlanText();
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  // Plans are made for the coming year: it is the default.
  const year = Number(params.get('year')) || thisYear + 1;
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 2 - i));
  const query = useLearningPlan(year);
  const items = query.data?.items ?? [];
  const [open, setOpen] = useState<LearningPlanItem | null>(null);

  return (
    <>
      <PageHeader
        title={t('needs.plan.title')}
        description={t('needs.plan.intro')}
        actions={
          <ExportMenu label={t('needs.plan.download')} hint={t('needs.plan.downloadHint')} onExport={(format) => exportLearningPlan(year, format)} />
        }
      />
      <Group mb="md">
        <Select
          label={t('needs.plan.year')}
          data={years}
          value={String(year)}
          onChange={(v) => v && setParams({ year: v })}
          allowDeselect={false}
          w={130}
        />
      </Group>
      <ListState
        query={query}
        isEmpty={items.length === 0}
        empty={
          <EmptyBlock
            icon={<IconListCheck size={26} />}
            message={t('needs.plan.empty', { year })}
            action={
              <Button component={Link} to="/kebutuhan?status=proposed" variant="light">
                {t('needs.plan.toBoard')}
              </Button>
            }
          />
        }
      >
        <ListTable
          caption={t('needs.plan.caption', { year })}
          minWidth={860}
          busy={query.isFetching}
          columns={[
            { label: t('needs.plan.need') },
            { label: t('needs.plan.planned'), hideOnPhone: true },
            { label: t('needs.plan.votes'), numeric: true, hideOnPhone: true },
            { label: t('needs.plan.targets'), numeric: true },
            { label: t('needs.plan.topUnits'), hideOnPhone: true },
          ]}
        >
          {items.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>
                <Anchor component={Link} to={`/kebutuhan/${n.id}`} size="sm" fw={600}>
                  {n.title}
                </Anchor>
                <Group gap={6} mt={4}>
                  <NeedStatusBadge status={n.status} />
                  <Text size="xs" c="dimmed">
                    {n.competency ? `${n.competency.code} ${n.competency.name}` : t('needs.noCompetency')}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{n.plan?.kind ? planText(n.plan) : t('needs.plan.notPlanned')}</Text>
              </Table.Td>
              <Table.Td visibleFrom="sm" ta="right">
                {formatNumber(n.votes, lang)}
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => setOpen(n)}
                  aria-label={t('needs.plan.showTargets', { count: n.targetCount, title: n.title })}
                >
                  {formatNumber(n.targetCount, lang)}
                </Button>
                <Text size="xs" c="dimmed">
                  {t(`needs.plan.source.${n.targetSource}`)}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{n.topUnits.map((u) => `${u.name} (${formatNumber(u.count, lang)})`).join(', ') || '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </ListState>
      {open && <PlanTargetsDrawer item={open} onClose={() => setOpen(null)} />}
    </>
  );
}
