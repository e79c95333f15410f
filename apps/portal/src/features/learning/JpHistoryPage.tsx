import { Badge, Card, Group, NativeSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEVELOPMENT_FORMS, JP_TARGET_PER_YEAR, type LearningHoursEntry } from '@cakap/contracts';
import { useLearningHours } from '../../api/learning';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { useIsPhone } from '../../components/useIsPhone';
import { currentYear, formatDate, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/** The learner's JP ledger for a year: what counts toward the 20 JP, in SIASN's terms. */
export function JpHistoryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const hours = useLearningHours(year);
  const data = hours.data;
  const jp = data?.jp ?? 0;
  const target = data?.target ?? JP_TARGET_PER_YEAR;
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear - i));

  const sourceLabel = (e: LearningHoursEntry) => (e.source === 'course' ? t('jpHistory.sourceCourse') : t('jpHistory.sourceClassical'));
  const formLabel = (e: LearningHoursEntry) => `${e.developmentForm} — ${DEVELOPMENT_FORMS[e.developmentForm] ?? ''}`;
  const dates = (e: LearningHoursEntry) =>
    e.startDate === e.endDate ? formatDate(e.startDate, lang) : t('jpHistory.dates', { start: formatDate(e.startDate, lang), end: formatDate(e.endDate, lang) });

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t('jpHistory.title')}
        description={t('jpHistory.intro')}
        actions={
          <NativeSelect
            label={t('jpHistory.year')}
            data={years}
            value={String(year)}
            onChange={(e) => setParams(e.currentTarget.value === String(thisYear) ? {} : { year: e.currentTarget.value })}
          />
        }
      />
      <Card withBorder padding="lg" component="section" aria-labelledby="jp-total">
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconClockHour4 size={22} aria-hidden color="var(--mantine-color-cakap-7)" />
            <Title order={2} fz="h3" id="jp-total">
              {t('jpHistory.total', { jp: formatNumber(jp, lang), target: formatNumber(target, lang), year: String(year) })}
            </Title>
          </Group>
          <Progress
            value={Math.min(100, (jp / target) * 100)}
            size="lg"
            aria-label={t('jpHistory.totalLabel', { year: String(year), jp: formatNumber(jp, lang), target: formatNumber(target, lang) })}
          />
          <Text size="sm" c="dimmed">
            {jp >= target ? t('jpHistory.reached') : t('jpHistory.remaining', { jp: formatNumber(target - jp, lang) })}
          </Text>
        </Stack>
      </Card>

      <Title order={2} fz="h4" id="jp-entries">
        {t('jpHistory.entries', { year: String(year) })}
      </Title>
      <ListState query={hours} isEmpty={(data?.entries.length ?? 0) === 0} empty={<EmptyBlock message={t('jpHistory.empty', { year: String(year) })} />}>
        {isPhone ? (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="jp-entries">
            {data?.entries.map((e) => (
              <Card component="li" withBorder padding="md" key={e.id}>
                <Stack gap={4}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {e.title}
                    </Text>
                    <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {t('jpHistory.jpValue', { jp: formatNumber(e.jp, lang) })}
                    </Text>
                  </Group>
                  <Group gap={6}>
                    <Badge variant="light" tt="none">
                      {sourceLabel(e)}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {dates(e)}
                    </Text>
                  </Group>
                  <Text size="sm">{formLabel(e)}</Text>
                  {e.certificateNumber && <Text size="sm">{t('jpHistory.certificate', { number: e.certificateNumber })}</Text>}
                </Stack>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-labelledby="jp-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('jpHistory.colTitle')}</Table.Th>
                  <Table.Th>{t('jpHistory.colSource')}</Table.Th>
                  <Table.Th ta="right">{t('jpHistory.colJp')}</Table.Th>
                  <Table.Th>{t('jpHistory.colDates')}</Table.Th>
                  <Table.Th>{t('jpHistory.colForm')}</Table.Th>
                  <Table.Th>{t('jpHistory.colCertificate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data?.entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{e.title}</Table.Td>
                    <Table.Td>{sourceLabel(e)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(e.jp, lang)}</Table.Td>
                    <Table.Td>{dates(e)}</Table.Td>
                    <Table.Td>{formLabel(e)}</Table.Td>
                    <Table.Td>{e.certificateNumber ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListState>
    </Stack>
  );
}
