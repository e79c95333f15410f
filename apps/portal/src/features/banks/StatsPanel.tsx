import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBankStats } from '../../api/quiz';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/** Facility and discrimination per question, so bad questions are found. */
export function StatsPanel({ bankId }: { bankId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const stats = useBankStats(bankId, true);
  const items = stats.data ?? [];
  const num = (v: number) => formatNumber(Math.round(v * 100) / 100, lang);
  const notEnough = (
    <Text span size="sm" c="dimmed">
      {t('stats.notEnough')}
    </Text>
  );

  return (
    <ListState query={stats} isEmpty={items.length === 0} empty={<EmptyBlock message={t('stats.empty')} />}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('stats.intro')}
      </Text>
      <ListTable
        caption={t('stats.caption')}
        minWidth={640}
        columns={[
          { label: t('stats.question') },
          { label: t('stats.responses'), numeric: true },
          { label: t('stats.facility'), numeric: true },
          { label: t('stats.discrimination'), numeric: true },
          { label: t('stats.flag') },
        ]}
      >
        {items.map((s) => (
          <Table.Tr key={s.questionId}>
            <Table.Td>{s.summary}</Table.Td>
            <Table.Td ta="right">{formatNumber(s.responses, lang)}</Table.Td>
            <Table.Td ta="right">{s.facility === null ? notEnough : num(s.facility)}</Table.Td>
            <Table.Td ta="right">{s.discrimination === null ? notEnough : num(s.discrimination)}</Table.Td>
            <Table.Td>
              {s.flag ? (
                <Badge color="orange" variant="light" c="orange.9" tt="none">
                  {t(`stats.flags.${s.flag}`)}
                </Badge>
              ) : (
                <Text span size="sm" c="dimmed">
                  {t('stats.noFlag')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </ListState>
  );
}
