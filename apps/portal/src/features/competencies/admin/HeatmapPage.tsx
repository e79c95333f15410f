import { Anchor, Breadcrumbs, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { exportHeatmap, useFrameworks, useHeatmap } from '../../../api/competencies';
import { useOrgUnit } from '../../../api/org-units';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ListState } from '../../../components/ListState';
import { OrgUnitSelect } from '../../../components/OrgUnitSelect';
import { PageHeader } from '../../../components/PageHeader';
import { useListParams } from '../../../hooks/useListParams';
import { ExportMenu } from './ExportMenu';
import { GapList } from './GapList';
import { HeatmapLegend, HeatmapTable } from './HeatmapTable';

/** /admin/competency-map: the unit × competency heat map (drill down by unit) and the largest gaps. */
export function HeatmapPage() {
  const { t } = useTranslation();
  const { params, update } = useListParams();
  const orgUnitId = params.get('unit') ?? undefined;
  const frameworkId = params.get('framework') ?? undefined;
  const heatmap = useHeatmap({ orgUnitId, frameworkId });
  const unit = useOrgUnit(orgUnitId);
  const frameworks = useFrameworks({ status: 'published', pageSize: 100 });

  /** Changing the scope starts the gap list over (its search and page belong to the old unit). */
  const scopeTo = (id: string | undefined) => {
    const next = new URLSearchParams();
    if (id) next.set('unit', id);
    if (frameworkId) next.set('framework', frameworkId);
    return `?${next.toString()}`;
  };
  const scopeName = orgUnitId ? (unit.data?.name ?? heatmap.data?.parent?.name ?? '') : t('competencyAdmin.map.top');
  const data = heatmap.data;

  return (
    <>
      <PageHeader
        title={t('competencyAdmin.map.title')}
        description={t('competencyAdmin.map.intro')}
        actions={
          <ExportMenu
            label={t('competencyAdmin.framework.export')}
            formats={[
              { format: 'csv' as const, label: t('competencyAdmin.map.exportCsv') },
              { format: 'xlsx' as const, label: t('competencyAdmin.map.exportXlsx') },
            ]}
            download={(format) => exportHeatmap({ orgUnitId, frameworkId }, format)}
          />
        }
      />
      <Stack gap="lg">
        <Group align="flex-end" gap="sm">
          <OrgUnitSelect
            label={t('competencyAdmin.map.scope')}
            placeholder={t('competencyAdmin.map.scopePlaceholder')}
            value={orgUnitId ?? null}
            selected={unit.data ?? null}
            onChange={(id) => update({ unit: id ?? undefined, q: undefined, page: undefined })}
            w={{ base: '100%', xs: 360 }}
          />
          <Select
            label={t('competencyAdmin.map.framework')}
            data={[
              { value: '', label: t('competencyAdmin.map.allFrameworks') },
              ...(frameworks.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.version})` })),
            ]}
            value={frameworkId ?? ''}
            allowDeselect={false}
            onChange={(v) => update({ framework: v || undefined })}
            w={{ base: '100%', xs: 320 }}
          />
        </Group>
        {orgUnitId && (
          <nav aria-label={t('competencyAdmin.map.breadcrumb')}>
            <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
              <Anchor component={Link} to={scopeTo(undefined)} size="sm">
                {t('competencyAdmin.map.top')}
              </Anchor>
              {(unit.data?.ancestors ?? []).map((a) => (
                <Anchor key={a.id} component={Link} to={scopeTo(a.id)} size="sm">
                  {a.name}
                </Anchor>
              ))}
              <Text size="sm" aria-current="page">
                {scopeName}
              </Text>
            </Breadcrumbs>
          </nav>
        )}
        <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
          <Stack gap="md">
            <ListState
              query={heatmap}
              isEmpty={!data || data.units.length === 0 || data.competencies.length === 0}
              skeletonRows={5}
              empty={<EmptyBlock message={t('competencyAdmin.map.empty')} />}
            >
              {data && <HeatmapTable heatmap={data} caption={t('competencyAdmin.map.caption', { scope: scopeName })} drillTo={(id) => scopeTo(id)} />}
            </ListState>
            <HeatmapLegend />
          </Stack>
        </Paper>
        <GapList orgUnitId={orgUnitId} scopeName={scopeName} />
      </Stack>
    </>
  );
}
