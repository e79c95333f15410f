import { useState, type FormEvent, type ReactNode } from 'react';
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCourses } from '../../api/courses';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useListParams } from '../../hooks/useListParams';
import { currentYear } from '../../i18n/format';
import { CourseStatusBadge } from '../studio/CourseStatusBadge';
import { currentPeriod, parsePeriod, PERIOD_PARTS, recentYears } from './periods';

const PAGE_SIZE = 10;

/** /admin/laporan: where each report starts (a course, a year and unit, a period). */
export function ReportsHomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('reports.home.title')} description={t('reports.home.intro')} />
      <Stack gap="lg">
        <CoursePicker />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <UnitReportForm />
          <ProgrammeReportForm />
        </SimpleGrid>
      </Stack>
    </>
  );
}

function Card({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

/** Every course the admin can see, searched and paged by the api (the same list as the studio's). */
function CoursePicker() {
  const { t } = useTranslation();
  const { q, page, update } = useListParams();
  const courses = useCourses({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const items = courses.data?.items ?? [];
  return (
    <Card id="reports-course" title={t('reports.home.courseTitle')} intro={t('reports.home.courseIntro')}>
      {/* SearchField grows along a row (flex-basis 14rem): a Group, not the column Stack. */}
      <Group>
        <SearchField label={t('reports.home.courseSearch')} placeholder={t('reports.home.courseSearchPlaceholder')} value={q} onChange={(v) => update({ q: v || undefined, page: undefined })} />
      </Group>
      <ListState query={courses} isEmpty={items.length === 0} empty={<EmptyBlock message={t('reports.home.coursesEmpty')} />}>
        <ListTable caption={t('reports.home.courseList')} minWidth={420} busy={courses.isPlaceholderData} columns={[{ label: t('reports.programme.courseColumn') }, { label: t('common.status'), hideOnPhone: true }]}>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/laporan/kursus/${c.id}`} aria-label={t('reports.home.openCourse', { title: c.title })}>
                  {c.title}
                </Anchor>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <CourseStatusBadge status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        <Pager page={page} pageSize={PAGE_SIZE} total={courses.data?.total ?? 0} onChange={(p) => update({ page: p > 1 ? String(p) : undefined })} />
      </ListState>
    </Card>
  );
}

function UnitReportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const years = recentYears(currentYear()).map(String);
  const [year, setYear] = useState(years[0]!);
  const [unitId, setUnitId] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/admin/laporan/unit?${new URLSearchParams(unitId ? { year, unitId } : { year }).toString()}`);
  };
  return (
    <Card id="reports-unit" title={t('reports.home.unitTitle')} intro={t('reports.home.unitIntro')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select label={t('reports.year')} data={years} value={year} allowDeselect={false} onChange={(v) => v && setYear(v)} />
          <OrgUnitSelect label={t('reports.unitFilter')} placeholder={t('reports.unitPlaceholder')} value={unitId} onChange={setUnitId} />
          <Group>
            <Button type="submit" leftSection={<IconChartBar size={16} aria-hidden />}>
              {t('reports.home.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ProgrammeReportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = parsePeriod(currentPeriod())!;
  const years = recentYears(now.year).map(String);
  const [year, setYear] = useState(String(now.year));
  const [part, setPart] = useState<string>(now.part);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/admin/laporan/program?period=${year}-${part}`);
  };
  return (
    <Card id="reports-programme" title={t('reports.home.programmeTitle')} intro={t('reports.home.programmeIntro')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select label={t('reports.periodYear')} data={years} value={year} allowDeselect={false} onChange={(v) => v && setYear(v)} />
          <Select
            label={t('reports.period')}
            data={PERIOD_PARTS.map((p) => ({ value: p, label: t(`reports.periods.${p}`) }))}
            value={part}
            allowDeselect={false}
            onChange={(v) => v && setPart(v)}
          />
          <Group>
            <Button type="submit" leftSection={<IconChartBar size={16} aria-hidden />}>
              {t('reports.home.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
