import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { COURSE_STATUSES, courseStatusSchema } from '@cakap/contracts';
import { useCourses } from '../../api/courses';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useListParams } from '../../hooks/useListParams';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CourseStatusLine } from './CourseStatusBadge';
import { CreateCourseModal } from './CreateCourseModal';

const PAGE_SIZE = 20;

/** "Kursus saya": the courses the author owns or co-authors. */
export function StudioPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { params, q, page, update, setFilter, clear } = useListParams();
  const parsed = courseStatusSchema.safeParse(params.get('status'));
  const status = parsed.success ? parsed.data : undefined;
  const list = useCourses({ mine: true, q: q || undefined, status, page, pageSize: PAGE_SIZE });
  const [creating, { open, close }] = useDisclosure(false);
  const filtered = !!(q || status);
  const items = list.data?.items ?? [];
  const createButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
      {t('studio.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('studio.title')} description={t('studio.intro')} actions={createButton} />
      <Stack gap="md">
        <Title order={2} fz="h3">
          {t('studio.myCourses')}
        </Title>
        <Group align="flex-end" gap="sm" role="search" aria-label={t('studio.filters')}>
          <SearchField label={t('studio.searchLabel')} value={q} onChange={(v) => setFilter('q', v)} />
          <Select
            label={t('studio.statusFilter')}
            data={[{ value: '', label: t('studio.allStatuses') }, ...COURSE_STATUSES.map((s) => ({ value: s, label: t(`courseStatus.${s}`) }))]}
            value={status ?? ''}
            allowDeselect={false}
            onChange={(v) => setFilter('status', v)}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <ListState
          query={list}
          isEmpty={items.length === 0}
          skeletonRows={2}
          skeletonHeight={72}
          empty={
            <EmptyBlock
              message={filtered ? t('studio.emptyFiltered') : t('studio.empty')}
              action={
                filtered ? (
                  <Button variant="default" onClick={clear}>
                    {t('users.clearFilters')}
                  </Button>
                ) : (
                  createButton
                )
              }
            />
          }
        >
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('studio.myCourses')}>
            {items.map((c) => (
              <li key={c.id}>
                <Card withBorder padding="md">
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                      <Text component={Link} to={`/studio/courses/${c.id}`} fw={600} fz="lg" c="cakap.8" style={{ textDecoration: 'underline' }}>
                        {c.title}
                      </Text>
                      <CourseStatusLine course={c} />
                      <Text size="xs" c="dimmed">
                        {t('studio.meta', { jp: String(c.jp), date: formatDateTime(c.updatedAt, lang) })}
                      </Text>
                    </Stack>
                  </Group>
                </Card>
              </li>
            ))}
          </Stack>
        </ListState>
        {list.data && list.data.total > 0 && (
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: p > 1 ? String(p) : undefined })} />
        )}
      </Stack>
      <CreateCourseModal opened={creating} onClose={close} />
    </>
  );
}
