import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useListParams } from '../../../hooks/useListParams';
import { ClassDefaultsPanel } from './ClassDefaultsPanel';
import { PositionStandardPanel } from './PositionStandardPanel';
import { StandardsCsvPanel } from './StandardsCsvPanel';

const TABS = ['class', 'position', 'csv'] as const;
type Tab = (typeof TABS)[number];

/** /admin/competency-standards: the tab and the chosen position live in the URL (shareable, survive a reload). */
export function StandardsPage() {
  const { t } = useTranslation();
  const { params, update } = useListParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'class';
  const positionId = params.get('position');

  return (
    <>
      <PageHeader title={t('competencyAdmin.standards.title')} description={t('competencyAdmin.standards.intro')} />
      <Tabs value={tab} onChange={(v) => update({ tab: v ?? undefined })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="class">{t('competencyAdmin.standards.tabs.classDefaults')}</Tabs.Tab>
          <Tabs.Tab value="position">{t('competencyAdmin.standards.tabs.position')}</Tabs.Tab>
          <Tabs.Tab value="csv">{t('competencyAdmin.standards.tabs.csv')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="class">
          <ClassDefaultsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="position">
          <PositionStandardPanel positionId={positionId} onPositionChange={(id) => update({ position: id ?? undefined })} />
        </Tabs.Panel>
        <Tabs.Panel value="csv">
          <StandardsCsvPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
