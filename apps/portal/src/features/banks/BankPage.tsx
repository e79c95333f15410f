import { useState } from 'react';
import { Button, Tabs } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useBank } from '../../api/quiz';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { BankFormModal } from './BankFormModal';
import { CategoriesPanel } from './CategoriesPanel';
import { GiftPanel } from './GiftPanel';
import { QuestionsPanel } from './QuestionsPanel';
import { StatsPanel } from './StatsPanel';

const TABS = ['questions', 'categories', 'gift', 'stats'] as const;
type Tab = (typeof TABS)[number];

/** One bank: its questions, category tree, GIFT import/export and statistics (tab in the URL). */
export function BankPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const bank = useBank(id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'questions';
  const [editing, setEditing] = useState(false);
  const back = <BackLink to="/studio/banks">{t('banks.backToList')}</BackLink>;

  if (bank.error) {
    return (
      <>
        <PageHeader title={t('banks.title')} before={back} />
        <ErrorAlert error={bank.error} onRetry={() => void bank.refetch()} />
      </>
    );
  }
  const b = bank.data;
  return (
    <>
      <PageHeader
        title={b?.title ?? t('app.loading')}
        description={b?.description || undefined}
        before={back}
        actions={
          b && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('banks.edit')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'questions' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`banks.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="questions">
          <QuestionsPanel bankId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="categories">
          <CategoriesPanel bankId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="gift">
          <GiftPanel bankId={id} bankTitle={b?.title ?? ''} />
        </Tabs.Panel>
        <Tabs.Panel value="stats">
          <StatsPanel bankId={id} />
        </Tabs.Panel>
      </Tabs>
      {editing && b && <BankFormModal bank={b} onClose={() => setEditing(false)} />}
    </>
  );
}
