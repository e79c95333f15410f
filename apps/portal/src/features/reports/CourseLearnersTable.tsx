import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COURSE_LEARNER_SORTS, ENROLLMENT_STATUSES, formatNip, type CourseLearnerQuery, type EnrollmentStatus } from '@cakap/contracts';
import { reportPaths, useCourseLearners } from '../../api/reports';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useListParams } from '../../hooks/useListParams';
import { useLang } from '../../i18n/useLang';
import { formatDecimal, formatPercent, formatSigned } from './format';
import { ReportDownloads, slug } from './ReportDownloads';

const PAGE_SIZE = 20;
type Sort = CourseLearnerQuery['sort'];

const isSort = (v: string | null): v is Sort => (COURSE_LEARNER_SORTS as readonly string[]).includes(v ?? '');
const isStatus = (v: string | null): v is EnrollmentStatus => (ENROLLMENT_STATUSES as readonly string[]).includes(v ?? '');

/**
 * "Peserta" on the course report: level 2 per learner (pre-test, post-test, gain and the
 * learner's own g), searchable, filtered by status, sorted and paged; the download holds every
 * row the filters match. The search, filter, sort and page live in the URL like every list.
 */
export function CourseLearnersTable({ courseId, courseTitle }: { courseId: string; courseTitle: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { params, q, page, update, setFilter } = useListParams();
  const statusParam = params.get('status');
  const sortParam = params.get('sort');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const sort: Sort = isSort(sortParam) ? sortParam : 'name';
  const filters = { q: q || undefined, status, sort };
  const list = useCourseLearners(courseId, { ...filters, page, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];
  const score = (v: number | null) => formatPercent(v === null ? null : v / 100, lang);

  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby="course-learners">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} fz="h4" id="course-learners">
            {t('reports.learners.title')}
          </Title>
          <ReportDownloads path={reportPaths.courseLearners(courseId)} query={filters} fileName={`peserta-${slug(courseTitle)}`} subject={t('reports.learners.downloadSubject')} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('reports.learners.intro')}
        </Text>
        <Group align="flex-end" gap="sm">
          <SearchField label={t('reports.learners.search')} placeholder={t('reports.learners.searchPlaceholder')} value={q} onChange={(v) => setFilter('q', v)} />
          <Select
            label={t('reports.learners.status')}
            data={[{ value: '', label: t('reports.learners.allStatuses') }, ...ENROLLMENT_STATUSES.map((s) => ({ value: s, label: t(`reports.learners.statuses.${s}`) }))]}
            value={status ?? ''}
            onChange={(v) => setFilter('status', v)}
            allowDeselect={false}
            w={{ base: '100%', xs: 180 }}
          />
          <Select
            label={t('reports.learners.sort')}
            data={COURSE_LEARNER_SORTS.map((s) => ({ value: s, label: t(`reports.learners.sorts.${s}`) }))}
            value={sort}
            // The default order needs no parameter: the URL stays short and shareable.
            onChange={(v) => setFilter('sort', v === 'name' ? undefined : v)}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <ListState
          query={list}
          isEmpty={items.length === 0}
          empty={<EmptyBlock message={q || status ? t('reports.learners.nothingFound') : t('reports.learners.empty')} />}
        >
          <ListTable
            caption={t('reports.learners.caption')}
            minWidth={860}
            busy={list.isFetching}
            columns={[
              { label: t('reports.learners.nip') },
              { label: t('reports.learners.name') },
              { label: t('reports.learners.unit'), hideOnPhone: true },
              { label: t('reports.learners.status') },
              { label: t('reports.learners.pre'), numeric: true },
              { label: t('reports.learners.post'), numeric: true },
              { label: t('reports.learners.gain'), numeric: true },
              {
                label: (
                  <>
                    <span aria-hidden>{t('reports.learners.g')}</span>
                    <span className="visually-hidden">{t('reports.learners.gLabel')}</span>
                  </>
                ),
                numeric: true,
              },
            ]}
          >
            {items.map((r) => (
              <Table.Tr key={r.enrollmentId} data-testid="course-learner">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatNip(r.nip)}</Table.Td>
                <Table.Td fw={500}>{r.name}</Table.Td>
                <Table.Td visibleFrom="sm">{r.unitName}</Table.Td>
                <Table.Td>{t(`reports.learners.statuses.${r.status}`)}</Table.Td>
                <Table.Td ta="right">{score(r.pre)}</Table.Td>
                <Table.Td ta="right">{score(r.post)}</Table.Td>
                <Table.Td ta="right">{formatSigned(r.gain, lang)}</Table.Td>
                <Table.Td ta="right">{formatDecimal(r.normalisedGain, lang, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {list.data && (
            <Pager
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onChange={(p) => update({ page: String(p) })}
              label={t('reports.learners.pager')}
            />
          )}
        </ListState>
      </Stack>
    </Paper>
  );
}
